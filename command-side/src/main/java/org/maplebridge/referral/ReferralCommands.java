package org.maplebridge.referral;

import static org.maplebridge.write.Authority.COUNSELLOR;
import static org.maplebridge.write.Authority.CRISIS_WORKER;
import static org.maplebridge.write.Authority.PROVIDER;
import static org.maplebridge.write.Authority.SUPERVISOR;
import static org.maplebridge.write.Authority.SYSTEM;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.events.referral.DeclineReason;
import org.maplebridge.events.referral.DisclosedField;
import org.maplebridge.events.referral.ProviderAnswer;
import org.maplebridge.events.referral.ReferralSide;
import org.maplebridge.events.referral.ReferralStage;
import org.maplebridge.events.referral.ReferralUrgency;
import org.maplebridge.events.referral.ReviewKind;
import org.springframework.security.access.annotation.Secured;

/**
 * The commands of the referral loop. The provider's answers come from its own staff (or system), or
 * from the referring service's staff after a call; each carries how it was given.
 */
final class ReferralCommands {
  private ReferralCommands() {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record RequestReferral(
      UUID referralId,
      UUID intakeId,
      UUID crisisId,
      ServiceType serviceType,
      UUID providerId,
      ReferralUrgency urgency,
      String reason,
      Set<DisclosedField> disclosedFields) {}

  /** The referrer asks; a supervisor never asks himself, so that no one approves his own ask. */
  @Secured({COUNSELLOR, CRISIS_WORKER})
  record RequestConsentWaiver(@TargetAggregateIdentifier UUID referralId, String reason) {}

  /** The unit's supervisor's own act: the sender is the authoriser. */
  @Secured({SUPERVISOR})
  record GrantConsentWaiver(@TargetAggregateIdentifier UUID referralId, String reason) {}

  @Secured({SUPERVISOR})
  record RefuseConsentWaiver(@TargetAggregateIdentifier UUID referralId, String reason) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record SendReferral(@TargetAggregateIdentifier UUID referralId) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR, PROVIDER})
  record RecordReceipt(@TargetAggregateIdentifier UUID referralId, ProviderAnswer answer) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR, PROVIDER})
  record RecordAcceptance(@TargetAggregateIdentifier UUID referralId, ProviderAnswer answer) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR, PROVIDER})
  /** {@code suggestedProvider}: where the provider suggests sending it instead; may be null. */
  record RecordDecline(
      @TargetAggregateIdentifier UUID referralId,
      DeclineReason reason,
      String notes,
      ProviderAnswer answer,
      UUID suggestedProvider) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record Redirect(@TargetAggregateIdentifier UUID referralId, UUID providerId) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR, PROVIDER})
  record RecordAppointment(
      @TargetAggregateIdentifier UUID referralId, Instant at, ProviderAnswer answer) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR, PROVIDER})
  record RecordAttendance(
      @TargetAggregateIdentifier UUID referralId, boolean attended, ProviderAnswer answer) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR, PROVIDER})
  record PutOnHold(
      @TargetAggregateIdentifier UUID referralId, String reason, ProviderAnswer answer) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR, PROVIDER})
  record Resume(@TargetAggregateIdentifier UUID referralId, ProviderAnswer answer) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR, PROVIDER})
  record RecordCompletion(
      @TargetAggregateIdentifier UUID referralId, String outcome, ProviderAnswer answer) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR, PROVIDER})
  record RecordFailure(
      @TargetAggregateIdentifier UUID referralId, String reason, ProviderAnswer answer) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record CloseLoop(@TargetAggregateIdentifier UUID referralId) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR, PROVIDER})
  record CancelReferral(
      @TargetAggregateIdentifier UUID referralId,
      ReferralSide side,
      String reason,
      ProviderAnswer answer) {}

  @Secured({SUPERVISOR})
  record MarkEnteredInError(@TargetAggregateIdentifier UUID referralId, String reason) {}

  @Secured({SUPERVISOR})
  record ReviewReferral(
      @TargetAggregateIdentifier UUID referralId, UUID reviewId, ReviewKind kind, String text) {}

  /** The platform, after {@code withdrawnBy} withdrew the consent the referral was sent on. */
  @Secured({SYSTEM})
  record EndSharingWithoutConsent(@TargetAggregateIdentifier UUID referralId, String withdrawnBy) {}

  /** Deadline payload: the stage, which start of it (so a later start is not flagged), when due. */
  record StageDue(ReferralStage stage, int start, Instant due) {}
}
