package org.maplebridge.write;

/** A command broke a business rule; nothing was stored. Answered as 409. */
public class RuleViolated extends RuntimeException {
  private final String rule;

  public RuleViolated(String rule, String explanation) {
    super(explanation);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
