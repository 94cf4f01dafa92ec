package org.maplebridge.events.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * The steps of the closed loop and the statuses each is possible from (with whether the referral
 * must have been sent, or not yet, and for the consent waiver where it stands). The write side
 * refuses a step its status does not allow; the read side offers the viewer exactly the steps the
 * status allows.
 */
public enum ReferralStep {
  /** The referrer asks the supervisor to let it go without consent (again after a refusal). */
  REQUEST_CONSENT_WAIVER(
      Sending.NOT_YET,
      Set.of(ReferralStatus.REQUESTED),
      Set.of(ConsentWaiver.NONE, ConsentWaiver.REFUSED)),
  /** The supervisor's own answers to a waiting request. */
  GRANT_CONSENT_WAIVER(
      Sending.NOT_YET, Set.of(ReferralStatus.REQUESTED), Set.of(ConsentWaiver.REQUESTED)),
  REFUSE_CONSENT_WAIVER(
      Sending.NOT_YET, Set.of(ReferralStatus.REQUESTED), Set.of(ConsentWaiver.REQUESTED)),
  SEND(Sending.NOT_YET, Set.of(ReferralStatus.REQUESTED)),
  RECORD_RECEIPT(Sending.DONE, Set.of(ReferralStatus.REQUESTED)),
  RECORD_ACCEPTANCE(Sending.DONE, Set.of(ReferralStatus.REQUESTED, ReferralStatus.RECEIVED)),
  RECORD_DECLINE(Sending.DONE, Set.of(ReferralStatus.REQUESTED, ReferralStatus.RECEIVED)),
  REDIRECT(Sending.EITHER, Set.of(ReferralStatus.DECLINED)),
  BOOK_APPOINTMENT(
      Sending.EITHER,
      Set.of(ReferralStatus.ACCEPTED, ReferralStatus.MISSED, ReferralStatus.SCHEDULED)),
  RECORD_ATTENDANCE(Sending.EITHER, Set.of(ReferralStatus.SCHEDULED)),
  PUT_ON_HOLD(Sending.EITHER, Set.of(ReferralStatus.IN_PROGRESS)),
  RESUME(Sending.EITHER, Set.of(ReferralStatus.ON_HOLD)),
  RECORD_COMPLETION(Sending.EITHER, ReferralStatus.AFTER_ACCEPTANCE),
  RECORD_FAILURE(Sending.EITHER, ReferralStatus.AFTER_ACCEPTANCE),
  CLOSE_LOOP(Sending.EITHER, Set.of(ReferralStatus.COMPLETED, ReferralStatus.FAILED)),
  CANCEL(Sending.EITHER, ReferralStatus.OPEN);

  /**
   * The provider's own answers: the steps its staff take themselves (or staff record after a call).
   * Sending, redirecting, closing the loop and waiving consent stay with the referrer.
   */
  public static final Set<ReferralStep> PROVIDER_ANSWERS =
      EnumSet.of(
          RECORD_RECEIPT,
          RECORD_ACCEPTANCE,
          RECORD_DECLINE,
          BOOK_APPOINTMENT,
          RECORD_ATTENDANCE,
          PUT_ON_HOLD,
          RESUME,
          RECORD_COMPLETION,
          RECORD_FAILURE,
          CANCEL);

  /** Whether the step needs the referral to have been sent. */
  public enum Sending {
    NOT_YET,
    DONE,
    EITHER
  }

  private final Sending sending;
  private final Set<ReferralStatus> possibleFrom;
  private final Set<ConsentWaiver> waivers;

  ReferralStep(Sending sending, Set<ReferralStatus> possibleFrom) {
    this(sending, possibleFrom, EnumSet.allOf(ConsentWaiver.class));
  }

  ReferralStep(Sending sending, Set<ReferralStatus> possibleFrom, Set<ConsentWaiver> waivers) {
    this.sending = sending;
    this.possibleFrom = possibleFrom;
    this.waivers = waivers;
  }

  /** A step about sharing without consent: only the referrer asks, only the supervisor answers. */
  public boolean aboutTheWaiver() {
    return this == REQUEST_CONSENT_WAIVER
        || this == GRANT_CONSENT_WAIVER
        || this == REFUSE_CONSENT_WAIVER;
  }

  /** The consent waiver's answers, which are the unit's supervisor's own acts. */
  public boolean supervisorsAnswer() {
    return this == GRANT_CONSENT_WAIVER || this == REFUSE_CONSENT_WAIVER;
  }

  public Sending sending() {
    return sending;
  }

  public boolean possibleFrom(ReferralStatus status) {
    return possibleFrom.contains(status);
  }

  public boolean possible(ReferralStatus status, boolean sent, ConsentWaiver waiver) {
    return possibleFrom(status)
        && waivers.contains(waiver)
        && switch (sending) {
          case NOT_YET -> !sent;
          case DONE -> sent;
          case EITHER -> true;
        };
  }

  /** Every step a referral in this status (sent or not, its waiver where it stands) allows now. */
  public static Set<ReferralStep> possibleNow(
      ReferralStatus status, boolean sent, ConsentWaiver waiver) {
    Set<ReferralStep> steps = EnumSet.noneOf(ReferralStep.class);
    for (ReferralStep step : values()) {
      if (step.possible(status, sent, waiver)) {
        steps.add(step);
      }
    }
    return steps;
  }
}
