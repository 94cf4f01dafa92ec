package org.maplebridge.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A command broke a business rule; nothing was stored. Answered as 409, with the rule's name, the
 * code of its explanation and the values it names, so a page can tell it in its own language.
 */
public class RuleViolated extends RuntimeException {
  private final String rule;
  private final String code;
  private final transient List<Object> arguments;

  public RuleViolated(String rule, String explanation) {
    this(rule, explanation, rule, List.of());
  }

  public RuleViolated(String rule, String explanation, String code, List<Object> arguments) {
    super(explanation);
    this.rule = rule;
    this.code = code;
    // an argument may be absent (null)
    this.arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
  }

  public String rule() {
    return rule;
  }

  public String code() {
    return code;
  }

  public List<Object> arguments() {
    return arguments;
  }
}
