package org.maplebridge.events.referral;

import java.util.Optional;
import java.util.Set;

/**
 * Where a referral stands in the closed loop, as staff and the API name it. Published with the
 * events, so the write side's rules, the read side's tracker and the pages share one state machine:
 * which event puts a referral in which status, and which steps each status allows ({@link
 * ReferralStep}).
 */
public enum ReferralStatus {
  REQUESTED,
  RECEIVED,
  ACCEPTED,
  DECLINED,
  SCHEDULED,
  MISSED,
  IN_PROGRESS,
  ON_HOLD,
  COMPLETED,
  FAILED,
  LOOP_CLOSED,
  CANCELLED,
  ENTERED_IN_ERROR;

  /** Still under way: either side may cancel it. */
  public static final Set<ReferralStatus> OPEN =
      Set.of(REQUESTED, RECEIVED, ACCEPTED, SCHEDULED, MISSED, IN_PROGRESS, ON_HOLD);

  /** Accepted and not yet finished: the provider's feedback may come. */
  public static final Set<ReferralStatus> AFTER_ACCEPTANCE =
      Set.of(ACCEPTED, SCHEDULED, MISSED, IN_PROGRESS, ON_HOLD);

  /** The status an event puts the referral in; empty for events that leave it as it is. */
  public static Optional<ReferralStatus> after(ReferralEvent event) {
    ReferralStatus next = null;
    if (event instanceof ReferralRequested || event instanceof ReferralRedirected) {
      next = REQUESTED;
    } else if (event instanceof ReferralReceived) {
      next = RECEIVED;
    } else if (event instanceof ReferralAccepted) {
      next = ACCEPTED;
    } else if (event instanceof ReferralDeclined) {
      next = DECLINED;
    } else if (event instanceof AppointmentScheduled) {
      next = SCHEDULED;
    } else if (event instanceof AppointmentAttended || event instanceof ReferralResumed) {
      next = IN_PROGRESS;
    } else if (event instanceof AppointmentMissed) {
      next = MISSED;
    } else if (event instanceof ReferralPutOnHold) {
      next = ON_HOLD;
    } else if (event instanceof ReferralCompleted) {
      next = COMPLETED;
    } else if (event instanceof ReferralFailed) {
      next = FAILED;
    } else if (event instanceof ReferralLoopClosed) {
      next = LOOP_CLOSED;
    } else if (event instanceof ReferralCancelled) {
      next = CANCELLED;
    } else if (event instanceof ReferralEnteredInError) {
      next = ENTERED_IN_ERROR;
    }
    return Optional.ofNullable(next);
  }
}
