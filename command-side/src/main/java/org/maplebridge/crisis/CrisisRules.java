package org.maplebridge.crisis;

import org.maplebridge.events.crisis.CrisisState;
import org.maplebridge.events.crisis.CrisisStep;
import org.maplebridge.write.BusinessRule;

/**
 * The rules of crisis intervention, each named as hotline staff would say it. What each step needs
 * of the episode is published with the events ({@link CrisisStep}), so the pages offer exactly the
 * steps these rules let through.
 */
final class CrisisRules {
  private CrisisRules() {}

  /** A step the episode does not allow now, told by the first condition it misses. */
  record CrisisWorkGoesStepByStep(CrisisStep step, CrisisState state) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !step.possible(state);
    }

    @Override
    public String explanation() {
      return step.missing(state).map(CrisisStep.Condition::explanation).orElse("");
    }
  }

  record AnEscalationIsAcknowledgedOnce(boolean acknowledged) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return acknowledged;
    }

    @Override
    public String explanation() {
      return "This escalation was already acknowledged";
    }
  }

  record AFollowUpIsCompletedOnce(boolean completed) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return completed;
    }

    @Override
    public String explanation() {
      return "This follow-up is already completed";
    }
  }
}
