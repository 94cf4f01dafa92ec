package org.maplebridge.events.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider gave the person an appointment, or moved it. {@code answer}: how the provider gave
 * it. {@code feedbackBy}: the outcome feedback is now due by then, counted from the appointment
 * (null in events stored before it was: their deadline stayed as acceptance set it).
 */
public record AppointmentScheduled(
    UUID referralId, Instant at, String recordedBy, ProviderAnswer answer, Instant feedbackBy)
    implements ReferralEvent {

  /** An appointment that leaves the feedback deadline where it was. */
  public AppointmentScheduled(
      UUID referralId, Instant at, String recordedBy, ProviderAnswer answer) {
    this(referralId, at, recordedBy, answer, null);
  }
}
