package org.maplebridge.crisis;

import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.write.BusinessRule;

/** The rules of crisis intervention, each named as hotline staff would say it. */
final class CrisisRules {
  private CrisisRules() {}

  record AnEscalationNeedsARiskLevel(RiskLevel level) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return level == null;
    }

    @Override
    public String explanation() {
      return "Assess the risk first: the escalation's deadline depends on it";
    }
  }

  record TheLadderHasAHigherRung(boolean atTheTop) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return atTheTop;
    }

    @Override
    public String explanation() {
      return "The episode is already escalated to emergency services";
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

  record ARescueNeedsHighOrImminentRisk(RiskLevel level) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return level == null || !level.isAtLeast(RiskLevel.HIGH);
    }

    @Override
    public String explanation() {
      return "Emergency services are called for high or imminent risk: assess the risk first";
    }
  }

  record OnlyADispatchedRescueIsConfirmed(boolean dispatched) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !dispatched;
    }

    @Override
    public String explanation() {
      return "No rescue is waiting for confirmation";
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

  record NothingIsAddedToAClosedEpisode(boolean closed) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return closed;
    }

    @Override
    public String explanation() {
      return "The episode is closed: reopen it first";
    }
  }

  record OnlyAClosedEpisodeCanBeReopened(boolean closed) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !closed;
    }

    @Override
    public String explanation() {
      return "The episode is open: there is nothing to reopen";
    }
  }
}
