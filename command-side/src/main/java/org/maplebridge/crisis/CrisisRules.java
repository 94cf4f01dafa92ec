package org.maplebridge.crisis;

import java.util.Arrays;
import java.util.List;
import org.maplebridge.events.crisis.CrisisState;
import org.maplebridge.events.crisis.CrisisStep;
import org.maplebridge.events.crisis.RiskLevel;
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

    @Override
    public String code() {
      return step.missing(state).map(missing -> name() + "." + missing.name()).orElse(name());
    }
  }

  /**
   * The C-SSRS answers bind the level: a level below the screener's triage only with a written
   * rationale, given by the supervisor (their agreement is their own act, not a name typed in).
   */
  record ALevelBelowTheScreenerNeedsTheSupervisorsRationale(
      RiskLevel chosen, RiskLevel screener, boolean bySupervisor, String rationale)
      implements BusinessRule {
    @Override
    public boolean isBroken() {
      return below() && (!bySupervisor || rationale == null || rationale.isBlank());
    }

    private boolean below() {
      return screener != null && !chosen.isAtLeast(screener);
    }

    @Override
    public String explanation() {
      return bySupervisor
          ? "The screener's answers show "
              + screener
              + " risk: write the rationale for a lower level"
          : "The screener's answers show "
              + screener
              + " risk: a lower level needs the supervisor, with a written rationale";
    }

    @Override
    public String code() {
      return name() + (bySupervisor ? ".RATIONALE" : ".SUPERVISOR");
    }

    @Override
    public List<Object> arguments() {
      return Arrays.asList(screener);
    }
  }

  /**
   * An escalation is acknowledged by the person paged for its tier or by someone holding a higher
   * tier now, never by whoever raised it (published as {@link Answering}).
   *
   * @param escalatedBy who raised the escalation, or the rung it climbed from when the platform
   *     raised it
   */
  record OnlyThePersonPagedOrAHigherTierAcknowledges(
      String actor, String escalatedBy, boolean paged) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return actor.equals(escalatedBy) || !paged;
    }

    @Override
    public String explanation() {
      return actor.equals(escalatedBy)
          ? "You raised this escalation: the person paged for it acknowledges"
          : "Only the person paged for this tier, or on a higher tier now, acknowledges it";
    }

    @Override
    public String code() {
      return name() + (actor.equals(escalatedBy) ? ".RAISED_IT" : ".NOT_PAGED");
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
