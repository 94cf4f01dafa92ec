package org.maplebridge.events.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maplebridge.events.intake.SuicideRisk;

/** The crisis episode's state machine, as the write side checks it and the pages offer it. */
class CrisisStepTest {
  private static final UUID ID = UUID.randomUUID();
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  /** Each episode is the events named, in order, from a contact just opened. */
  @ParameterizedTest(name = "{0}: {1}, {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          opened                     | IDENTIFIED                | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP CLOSE
          low                        | ASSESSED                  | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT ESCALATE DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP CLOSE
          high consult followUp      | ASSESSED                  | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT ESCALATE DISPATCH_EMERGENCY_SERVICES DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP COMPLETE_FOLLOW_UP RECORD_CONSULT CLOSE
          high consult consulted     | ASSESSED                  | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT ESCALATE DISPATCH_EMERGENCY_SERVICES DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP CLOSE
          imminent escalated         | ESCALATED                 | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT ESCALATE ACKNOWLEDGE_ESCALATION DISPATCH_EMERGENCY_SERVICES DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP CLOSE
          imminent escalated missed  | ESCALATED                 | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT ESCALATE DISPATCH_EMERGENCY_SERVICES DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP CLOSE
          imminent top               | ESCALATED                 | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT ACKNOWLEDGE_ESCALATION DISPATCH_EMERGENCY_SERVICES DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP CLOSE
          imminent dispatched        | RESCUE_UNCONFIRMED        | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT ESCALATE CONFIRM_RESCUE DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP CLOSE
          imminent dispatched closed | CLOSED                    | CONFIRM_RESCUE REOPEN
          high dispatched confirmed  | ASSESSED                  | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT ESCALATE DISPATCH_EMERGENCY_SERVICES DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP CLOSE
          followUp lost              | LOST_TO_FOLLOW_UP         | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP COMPLETE_FOLLOW_UP CLOSE
          followUp done              | IDENTIFIED                | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP CLOSE
          high closing               | AWAITING_CLOSURE_APPROVAL | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT ESCALATE DISPATCH_EMERGENCY_SERVICES DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP APPROVE_CLOSURE
          high closing closed        | CLOSED                    | REOPEN
          low closed reopened        | ASSESSED                  | ASSESS_RISK RECORD_WHEREABOUTS RECORD_CONTACT ESCALATE DEESCALATE RECORD_SAFETY_PLAN SCHEDULE_FOLLOW_UP CLOSE
          """)
  void eachEpisodeAllowsItsStepsAndNoOthers(String events, CrisisStatus status, String steps) {
    CrisisState state = CrisisState.OPENED;
    for (String name : events.split(" ")) {
      for (CrisisEvent event : named(name)) {
        state = state.after(event);
      }
    }
    assertThat(state.status()).isEqualTo(status);
    assertThat(CrisisStep.possibleNow(state))
        .isEqualTo(
            Arrays.stream(steps.split(" "))
                .map(CrisisStep::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CrisisStep.class))));
  }

  @Test
  void theHighestRiskCountsTheScreenersTriageAboveTheChosenLevel() {
    CrisisState state =
        CrisisState.OPENED.after(
            new RiskAssessed(
                ID,
                UUID.randomUUID(),
                RiskLevel.LOW,
                null,
                null,
                null,
                SuicideRisk.HIGH,
                null,
                null,
                null,
                null,
                null,
                "sam",
                "Answers were about a film plot"));
    assertThat(state.level()).isEqualTo(RiskLevel.LOW);
    assertThat(state.highestLevel()).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void aRefusedStepNamesTheFirstConditionMissing() {
    assertThat(CrisisStep.ESCALATE.missing(CrisisState.OPENED))
        .contains(CrisisStep.Condition.ASSESSED);
    CrisisState closed = CrisisState.OPENED.after(closed());
    assertThat(CrisisStep.ESCALATE.missing(closed)).contains(CrisisStep.Condition.OPEN);
    assertThat(CrisisStep.APPROVE_CLOSURE.who()).isEqualTo(CrisisStep.Who.SUPERVISOR);
    assertThat(CrisisStep.RECORD_CONSULT.who()).isEqualTo(CrisisStep.Who.SUPERVISOR);
    assertThat(CrisisStep.RECORD_SAFETY_PLAN.clinical()).isTrue();
  }

  @Test
  void theHighestRiskIsKeptWhenALaterAssessmentIsLower() {
    CrisisState state =
        CrisisState.OPENED.after(assessed(RiskLevel.HIGH)).after(assessed(RiskLevel.LOW));
    assertThat(state.level()).isEqualTo(RiskLevel.LOW);
    assertThat(state.highestLevel()).isEqualTo(RiskLevel.HIGH);
  }

  private static final UUID ESCALATION = UUID.randomUUID();
  private static final UUID FOLLOW_UP = UUID.randomUUID();

  private static Set<CrisisEvent> named(String name) {
    return switch (name) {
      case "opened" -> Set.of();
      case "low" -> Set.of(assessed(RiskLevel.LOW));
      case "high" -> Set.of(assessed(RiskLevel.HIGH));
      case "imminent" -> Set.of(assessed(RiskLevel.IMMINENT));
      case "consult" -> Set.of(new SupervisorConsultRequested(ID, RiskLevel.HIGH));
      case "consulted" -> Set.of(new SupervisorConsulted(ID, "sam", "Stay with her"));
      case "followUp" -> Set.of(new FollowUpScheduled(ID, FOLLOW_UP, AT, "carol"));
      case "escalated" -> Set.of(raised(EscalationTier.ON_CALL_SUPERVISOR));
      case "top" -> Set.of(raised(EscalationTier.EMERGENCY_SERVICES));
      case "missed" ->
          Set.of(
              new EscalationDeadlineMissed(ID, ESCALATION, EscalationTier.ON_CALL_SUPERVISOR, AT));
      case "dispatched" ->
          Set.of(
              new EmergencyServicesDispatched(
                  ID, EmergencyAgency.AMBULANCE, "120-1", "Danger to life", AT, "carol", AT));
      case "confirmed" -> Set.of(new RescueConfirmed(ID, "Safe", "carol"));
      case "lost" -> Set.of(new LostToFollowUp(ID, 3));
      case "done" -> Set.of(new FollowUpCompleted(ID, FOLLOW_UP, RiskLevel.LOW, null, "carol"));
      case "closing" ->
          Set.of(new ClosureApprovalRequested(ID, CrisisClosureReason.STABILISED, null, "carol"));
      case "closed" -> Set.of(closed());
      case "reopened" -> Set.of(new CrisisReopened(ID, "Called again", "carol"));
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static CrisisEvent assessed(RiskLevel level) {
    return new RiskAssessed(
        ID,
        UUID.randomUUID(),
        level,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "carol",
        null);
  }

  private static CrisisEvent raised(EscalationTier tier) {
    return new EscalationRaised(ID, ESCALATION, tier, RiskLevel.IMMINENT, "Imminent", AT, "carol");
  }

  private static CrisisEvent closed() {
    return new CrisisClosed(ID, CrisisClosureReason.STABILISED, null, "sam", "sam");
  }
}
