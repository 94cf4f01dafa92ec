package org.maplebridge.privacy;

import java.time.Instant;
import java.util.List;
import org.maplebridge.write.BusinessRule;

/** The rules of retention, legal holds and erasure. */
final class PrivacyRules {
  private PrivacyRules() {}

  /** A hold is there so the records survive a matter still open: nothing erases them meanwhile. */
  record AHeldPersonIsKept(boolean held, Instant until) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return held;
    }

    @Override
    public String explanation() {
      return until == null
          ? "A legal hold keeps this person's records until it is lifted"
          : "A legal hold keeps this person's records until " + until;
    }

    @Override
    public String code() {
      return name() + (until == null ? ".UNTIL_LIFTED" : ".UNTIL");
    }

    @Override
    public List<Object> arguments() {
      return until == null ? List.of() : List.of(until);
    }
  }

  /** Erased is final: no key is left to hold, and nothing to erase again. */
  record AnErasedPersonIsGone(boolean erased) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return erased;
    }

    @Override
    public String explanation() {
      return "This person was erased already";
    }
  }

  /**
   * Before the retention period has run out (or while a record is still open) the records are kept
   * unless a request to erase them is recorded: its reference says which.
   */
  record EarlyErasureNeedsARequest(boolean due, String requestReference) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !due && (requestReference == null || requestReference.isBlank());
    }

    @Override
    public String explanation() {
      return "The retention period has not ended: erasing now needs a recorded request"
          + " (requestReference)";
    }
  }

  /** Lifting names a hold in force. */
  record OnlyAHoldInForceIsLifted(boolean held) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !held;
    }

    @Override
    public String explanation() {
      return "No legal hold is in force on this person's records";
    }
  }
}
