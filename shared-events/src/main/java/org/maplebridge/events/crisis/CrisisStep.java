package org.maplebridge.events.crisis;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The steps of crisis work and what each needs of the episode ({@link CrisisState}). The write side
 * refuses a step the episode does not allow, with the first condition it misses; the read side
 * offers each viewer exactly the steps possible now.
 */
public enum CrisisStep {
  ASSESS_RISK(Who.CRISIS_STAFF, false, Condition.OPEN),
  // The call-back number and location are the person's identity: only who sees it records them.
  RECORD_WHEREABOUTS(Who.CRISIS_STAFF, true, Condition.OPEN),
  // A contact's note is clinical: only who sees the clinical part records it.
  RECORD_CONTACT(Who.CRISIS_STAFF, true, Condition.OPEN),
  ESCALATE(Who.CRISIS_STAFF, false, Condition.OPEN, Condition.ASSESSED, Condition.BELOW_THE_TOP),
  ACKNOWLEDGE_ESCALATION(Who.CRISIS_STAFF, false, Condition.ESCALATION_WAITING),
  DISPATCH_EMERGENCY_SERVICES(
      Who.CRISIS_STAFF, false, Condition.OPEN, Condition.HIGH_RISK, Condition.NO_RESCUE_WAITING),
  // A rescue under way is confirmed even after the episode closed: its outcome must be known.
  CONFIRM_RESCUE(Who.CRISIS_STAFF, false, Condition.RESCUE_WAITING),
  DEESCALATE(Who.CRISIS_STAFF, false, Condition.OPEN),
  RECORD_SAFETY_PLAN(Who.CRISIS_STAFF, true, Condition.OPEN),
  SCHEDULE_FOLLOW_UP(Who.CRISIS_STAFF, false, Condition.OPEN),
  COMPLETE_FOLLOW_UP(Who.CRISIS_STAFF, false, Condition.OPEN, Condition.FOLLOW_UP_PENDING),
  RECORD_CONSULT(Who.SUPERVISOR, false, Condition.OPEN, Condition.CONSULT_REQUESTED),
  CLOSE(Who.CRISIS_STAFF, false, Condition.OPEN, Condition.NO_CLOSURE_PENDING),
  APPROVE_CLOSURE(Who.SUPERVISOR, false, Condition.OPEN, Condition.CLOSURE_PENDING),
  REOPEN(Who.CRISIS_STAFF, false, Condition.CLOSED);

  /**
   * Whose step it is: any of the unit's crisis staff (workers and supervisor), or the supervisor.
   */
  public enum Who {
    CRISIS_STAFF,
    SUPERVISOR
  }

  /** What a step needs of the episode, and what the person is told when it is missing. */
  public enum Condition {
    OPEN(state -> !state.closed(), "The episode is closed: reopen it first"),
    CLOSED(CrisisState::closed, "The episode is open: there is nothing to reopen"),
    ASSESSED(
        state -> state.level() != null,
        "Assess the risk first: the escalation's deadline depends on it"),
    BELOW_THE_TOP(
        state -> state.tierReached() != EscalationTier.EMERGENCY_SERVICES,
        "The episode is already escalated to emergency services"),
    ESCALATION_WAITING(
        CrisisState::escalationWaiting, "No escalation is waiting to be acknowledged"),
    HIGH_RISK(
        state -> state.level() != null && state.level().isAtLeast(RiskLevel.HIGH),
        "Emergency services are called for high or imminent risk: assess the risk first"),
    NO_RESCUE_WAITING(
        state -> !state.rescueUnconfirmed(),
        "A rescue is under way: confirm it before calling again"),
    RESCUE_WAITING(CrisisState::rescueUnconfirmed, "No rescue is waiting for confirmation"),
    FOLLOW_UP_PENDING(state -> state.pendingFollowUps() > 0, "No follow-up is pending"),
    CONSULT_REQUESTED(CrisisState::consultRequested, "No consult is asked for"),
    NO_CLOSURE_PENDING(
        state -> !state.closurePending(), "The closure waits for the supervisor's approval"),
    CLOSURE_PENDING(CrisisState::closurePending, "No closure waits for approval");

    private final Predicate<CrisisState> holds;
    private final String explanation;

    Condition(Predicate<CrisisState> holds, String explanation) {
      this.holds = holds;
      this.explanation = explanation;
    }

    public boolean holds(CrisisState state) {
      return holds.test(state);
    }

    public String explanation() {
      return explanation;
    }
  }

  private final Who who;
  private final boolean clinical;
  private final List<Condition> conditions;

  CrisisStep(Who who, boolean clinical, Condition... conditions) {
    this.who = who;
    this.clinical = clinical;
    this.conditions = List.of(conditions);
  }

  public Who who() {
    return who;
  }

  /** The step writes clinical content: offered only to a viewer who sees the clinical part. */
  public boolean clinical() {
    return clinical;
  }

  /** The first condition the episode misses for this step; empty when the step is possible. */
  public Optional<Condition> missing(CrisisState state) {
    return conditions.stream().filter(condition -> !condition.holds(state)).findFirst();
  }

  public boolean possible(CrisisState state) {
    return missing(state).isEmpty();
  }

  /** Every step the episode allows now, whoever takes it. */
  public static Set<CrisisStep> possibleNow(CrisisState state) {
    Set<CrisisStep> steps = EnumSet.noneOf(CrisisStep.class);
    for (CrisisStep step : values()) {
      if (step.possible(state)) {
        steps.add(step);
      }
    }
    return steps;
  }
}
