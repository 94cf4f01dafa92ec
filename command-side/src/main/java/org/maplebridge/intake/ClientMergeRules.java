package org.maplebridge.intake;

import org.maplebridge.intake.ClientRegistry.RegisteredClient;
import org.maplebridge.write.BusinessRule;

/** The rules of merging a duplicate client into the client who stays. */
final class ClientMergeRules {
  private ClientMergeRules() {}

  /** A merge joins two references of one person; one reference alone has nothing to join. */
  record AClientIsNotMergedIntoItself(RegisteredClient duplicate, RegisteredClient surviving)
      implements BusinessRule {
    @Override
    public boolean isBroken() {
      return duplicate.clientId().equals(surviving.clientId());
    }

    @Override
    public String explanation() {
      return "A client is merged into another client, not into themself";
    }
  }

  /**
   * A unit's supervisor answers for the unit's clients only; a person known to two units is two
   * units' matter (a transfer), not a duplicate.
   */
  record BothClientsAreOfOneUnit(RegisteredClient duplicate, RegisteredClient surviving)
      implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !duplicate.unit().equals(surviving.unit());
    }

    @Override
    public String explanation() {
      return "Only two clients of the same unit are merged";
    }
  }

  /** Merged is final: the duplicate's reference already finds the client who stayed. */
  record AClientIsMergedOnce(boolean merged) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return merged;
    }

    @Override
    public String explanation() {
      return "This client was merged already";
    }
  }

  /**
   * A client merged away is no one to merge into: the duplicate goes to the client who stayed, so
   * that every reference of the person ends at one client.
   */
  record TheSurvivingClientWasNotMergedAway(boolean merged) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return merged;
    }

    @Override
    public String explanation() {
      return "The client to merge into was itself merged into another client: merge into that one";
    }
  }
}
