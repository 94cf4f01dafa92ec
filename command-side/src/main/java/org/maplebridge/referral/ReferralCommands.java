package org.maplebridge.referral;

import static org.maplebridge.write.Authority.COUNSELLOR;
import static org.maplebridge.write.Authority.CRISIS_WORKER;
import static org.maplebridge.write.Authority.SUPERVISOR;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.events.referral.DeclineReason;
import org.maplebridge.events.referral.DisclosedField;
import org.maplebridge.events.referral.ReferralSide;
import org.maplebridge.events.referral.ReferralStage;
import org.maplebridge.events.referral.ReferralUrgency;
import org.maplebridge.events.referral.ReviewKind;
import org.springframework.security.access.annotation.Secured;

/** The commands of the referral loop. Until providers have accounts, staff record their answers. */
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

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record RecordReceipt(@TargetAggregateIdentifier UUID referralId) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record RecordAcceptance(@TargetAggregateIdentifier UUID referralId) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record RecordDecline(
      @TargetAggregateIdentifier UUID referralId, DeclineReason reason, String notes) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record Redirect(@TargetAggregateIdentifier UUID referralId, UUID providerId) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record RecordAppointment(@TargetAggregateIdentifier UUID referralId, Instant at) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record RecordAttendance(@TargetAggregateIdentifier UUID referralId, boolean attended) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record PutOnHold(@TargetAggregateIdentifier UUID referralId, String reason) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record Resume(@TargetAggregateIdentifier UUID referralId) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record RecordCompletion(@TargetAggregateIdentifier UUID referralId, String outcome) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record RecordFailure(@TargetAggregateIdentifier UUID referralId, String reason) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record CloseLoop(@TargetAggregateIdentifier UUID referralId) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record CancelReferral(
      @TargetAggregateIdentifier UUID referralId, ReferralSide side, String reason) {}

  @Secured({SUPERVISOR})
  record MarkEnteredInError(@TargetAggregateIdentifier UUID referralId, String reason) {}

  @Secured({SUPERVISOR})
  record ReviewReferral(
      @TargetAggregateIdentifier UUID referralId, UUID reviewId, ReviewKind kind, String text) {}

  /** Deadline payload: the stage, which start of it (so a later start is not flagged), when due. */
  record StageDue(ReferralStage stage, int start, Instant due) {}
}
