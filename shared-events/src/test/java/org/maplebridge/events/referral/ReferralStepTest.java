package org.maplebridge.events.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The closed loop's state machine, as the write side checks it and the pages offer it. */
class ReferralStepTest {

  @ParameterizedTest(name = "{0}, sent={1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          REQUESTED        | false | REQUEST_CONSENT_WAIVER SEND CANCEL
          REQUESTED        | true  | RECORD_RECEIPT RECORD_ACCEPTANCE RECORD_DECLINE CANCEL
          RECEIVED         | true  | RECORD_ACCEPTANCE RECORD_DECLINE CANCEL
          ACCEPTED         | true  | BOOK_APPOINTMENT RECORD_COMPLETION RECORD_FAILURE CANCEL
          DECLINED         | true  | REDIRECT
          SCHEDULED        | true  | BOOK_APPOINTMENT RECORD_ATTENDANCE RECORD_COMPLETION RECORD_FAILURE CANCEL
          MISSED           | true  | BOOK_APPOINTMENT RECORD_COMPLETION RECORD_FAILURE CANCEL
          IN_PROGRESS      | true  | PUT_ON_HOLD RECORD_COMPLETION RECORD_FAILURE CANCEL
          ON_HOLD          | true  | RESUME RECORD_COMPLETION RECORD_FAILURE CANCEL
          COMPLETED        | true  | CLOSE_LOOP
          FAILED           | true  | CLOSE_LOOP
          LOOP_CLOSED      | true  |
          CANCELLED        | false |
          ENTERED_IN_ERROR | true  |
          """)
  void eachStatusAllowsItsStepsAndNoOthers(ReferralStatus status, boolean sent, String steps) {
    Set<ReferralStep> expected =
        steps == null
            ? EnumSet.noneOf(ReferralStep.class)
            : Arrays.stream(steps.split(" "))
                .map(ReferralStep::valueOf)
                .collect(Collectors.toSet());
    assertThat(ReferralStep.possibleNow(status, sent, ConsentWaiver.NONE)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "waiver {0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          NONE      | REQUEST_CONSENT_WAIVER SEND CANCEL
          REQUESTED | GRANT_CONSENT_WAIVER REFUSE_CONSENT_WAIVER SEND CANCEL
          GRANTED   | SEND CANCEL
          REFUSED   | REQUEST_CONSENT_WAIVER SEND CANCEL
          """)
  void aWaiverIsAnsweredOnlyWhileItIsAskedForAndNotOfferedOnceGranted(
      ConsentWaiver waiver, String steps) {
    Set<ReferralStep> expected =
        Arrays.stream(steps.split(" ")).map(ReferralStep::valueOf).collect(Collectors.toSet());
    assertThat(ReferralStep.possibleNow(ReferralStatus.REQUESTED, false, waiver))
        .isEqualTo(expected);
    assertThat(ReferralStep.possibleNow(ReferralStatus.REQUESTED, true, waiver))
        .as("nothing about the waiver once sent")
        .noneMatch(ReferralStep::aboutTheWaiver);
  }

  @Test
  void theWaiverFollowsItsEvents() {
    var id = java.util.UUID.randomUUID();
    assertThat(ConsentWaiver.NONE.after(new ConsentWaiverRequested(id, "r", "alice")))
        .isEqualTo(ConsentWaiver.REQUESTED);
    assertThat(ConsentWaiver.REQUESTED.after(new ConsentOverrideRecorded(id, "r", "sam", "sam")))
        .isEqualTo(ConsentWaiver.GRANTED);
    assertThat(ConsentWaiver.REQUESTED.after(new ConsentWaiverRefused(id, "r", "sam")))
        .isEqualTo(ConsentWaiver.REFUSED);
    assertThat(ConsentWaiver.GRANTED.after(new ReferralSent(id, null, null, null, null, "alice")))
        .isEqualTo(ConsentWaiver.GRANTED);
  }

  @Test
  void everyEventEitherMovesTheReferralOrLeavesItWhereItIs() {
    Set<Class<?>> leaveIt =
        Set.of(
            ConsentOverrideRecorded.class,
            ConsentWaiverRequested.class,
            ConsentWaiverRefused.class,
            ReferralSent.class,
            ProviderAccessEnded.class,
            ReferralOverdue.class,
            ReferralReviewed.class);
    for (Class<?> type : ReferralEvent.class.getPermittedSubclasses()) {
      boolean moves =
          Arrays.stream(ReferralStatus.values())
              .anyMatch(status -> status.name().equals(statusNameOf(type)));
      assertThat(moves || leaveIt.contains(type))
          .as(type.getSimpleName() + " is accounted for")
          .isTrue();
    }
  }

  /** The status an event of this type puts a referral in, found through the published rule. */
  private static String statusNameOf(Class<?> type) {
    try {
      var components = type.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = types[i].isPrimitive() ? (types[i] == boolean.class ? false : 0) : null;
      }
      ReferralEvent event = (ReferralEvent) type.getDeclaredConstructor(types).newInstance(values);
      return ReferralStatus.after(event).map(Enum::name).orElse("");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
