package org.maplebridge.access;

import java.util.Arrays;
import java.util.List;
import org.maplebridge.write.BusinessRule;

/** The rules of emergency access. Breaking the glass itself is never refused. */
final class EmergencyAccessRules {
  private EmergencyAccessRules() {}

  /** A review is final: a later one would overwrite the finding someone relied on. */
  record AGrantIsReviewedOnce(String reviewedBy) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return reviewedBy != null;
    }

    @Override
    public String explanation() {
      return "This emergency access was already reviewed by " + reviewedBy;
    }

    @Override
    public List<Object> arguments() {
      return Arrays.asList(reviewedBy);
    }
  }
}
