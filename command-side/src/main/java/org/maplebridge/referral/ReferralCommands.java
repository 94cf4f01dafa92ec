package org.maplebridge.referral;

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

/** The commands of the referral loop. Until providers have accounts, staff record their answers. */
final class ReferralCommands {
  private ReferralCommands() {}

  record RequestReferral(
      UUID referralId,
      UUID intakeId,
      UUID crisisId,
      ServiceType serviceType,
      UUID providerId,
      ReferralUrgency urgency,
      String reason,
      Set<DisclosedField> disclosedFields) {}

  record RecordConsentOverride(
      @TargetAggregateIdentifier UUID referralId, String reason, String authorisedBy) {}

  record SendReferral(@TargetAggregateIdentifier UUID referralId) {}

  record RecordReceipt(@TargetAggregateIdentifier UUID referralId) {}

  record RecordAcceptance(@TargetAggregateIdentifier UUID referralId) {}

  record RecordDecline(
      @TargetAggregateIdentifier UUID referralId, DeclineReason reason, String notes) {}

  record Redirect(@TargetAggregateIdentifier UUID referralId, UUID providerId) {}

  record RecordAppointment(@TargetAggregateIdentifier UUID referralId, Instant at) {}

  record RecordAttendance(@TargetAggregateIdentifier UUID referralId, boolean attended) {}

  record PutOnHold(@TargetAggregateIdentifier UUID referralId, String reason) {}

  record Resume(@TargetAggregateIdentifier UUID referralId) {}

  record RecordCompletion(@TargetAggregateIdentifier UUID referralId, String outcome) {}

  record RecordFailure(@TargetAggregateIdentifier UUID referralId, String reason) {}

  record CloseLoop(@TargetAggregateIdentifier UUID referralId) {}

  record CancelReferral(
      @TargetAggregateIdentifier UUID referralId, ReferralSide side, String reason) {}

  record MarkEnteredInError(@TargetAggregateIdentifier UUID referralId, String reason) {}

  record ReviewReferral(
      @TargetAggregateIdentifier UUID referralId, UUID reviewId, ReviewKind kind, String text) {}

  /** Deadline payload: the stage, which start of it (so a later start is not flagged), when due. */
  record StageDue(ReferralStage stage, int start, Instant due) {}
}
