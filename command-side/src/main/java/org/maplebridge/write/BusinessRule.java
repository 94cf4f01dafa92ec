package org.maplebridge.write;

/**
 * A rule of the work, named so a counsellor could read it. A command handler checks its rules
 * before it applies anything.
 */
public interface BusinessRule {

  boolean isBroken();

  /** What the person sees when the rule stops them. */
  String explanation();

  default String name() {
    return getClass().getSimpleName();
  }

  static void check(BusinessRule rule) {
    if (rule.isBroken()) {
      throw new RuleViolated(rule.name(), rule.explanation());
    }
  }
}
