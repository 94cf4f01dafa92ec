package org.maplebridge.write;

import java.util.List;

/**
 * A rule of the work, named so a counsellor could read it. A command handler checks its rules
 * before it applies anything.
 */
public interface BusinessRule {

  boolean isBroken();

  /** What the person sees when the rule stops them (in English; the pages use {@link #code()}). */
  String explanation();

  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * Which explanation this is, stable for clients and the pages' messages ({@code rule.<code>}):
   * the rule's name, or for a rule with several explanations the name and which one ({@code
   * Name.WHICH}).
   */
  default String code() {
    return name();
  }

  /**
   * The values the explanation names, in the order of its message's placeholders ({@code {0}},
   * {@code {1}}…): strings, instants, and enum values (shown by their labels).
   */
  default List<Object> arguments() {
    return List.of();
  }

  static void check(BusinessRule rule) {
    if (rule.isBroken()) {
      throw new RuleViolated(rule.name(), rule.explanation(), rule.code(), rule.arguments());
    }
  }
}
