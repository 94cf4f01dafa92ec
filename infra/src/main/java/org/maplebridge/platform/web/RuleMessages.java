package org.maplebridge.platform.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.write.RuleViolated;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * A broken rule told in the reader's language: the message {@code rule.<code>} of the pages'
 * messages, with the values it names as the pages show them (an enum value by its label, a time in
 * the viewer's zone). A code without a message keeps the rule's own English explanation.
 */
@Component
class RuleMessages {
  static final String PREFIX = "rule.";

  /**
   * The labels of the enum values rules name, where the label's prefix is not the type's name with
   * a small first letter (as {@code urgency.} for {@code Urgency}).
   */
  static final Map<Class<?>, String> LABELS =
      Map.of(RiskLevel.class, "risk.", EscalationTier.class, "tier.");

  private final MessageSource messages;
  private final PageTime time;

  RuleMessages(MessageSource messages, PageTime time) {
    this.messages = messages;
    this.time = time;
  }

  String explanation(RuleViolated rule, Locale locale) {
    List<Object> values = rule.arguments();
    Object[] arguments = values.isEmpty() ? null : values.stream().map(this::shown).toArray();
    return messages.getMessage(PREFIX + rule.code(), arguments, rule.getMessage(), locale);
  }

  private Object shown(Object value) {
    if (value instanceof Enum<?> constant) {
      return new DefaultMessageSourceResolvable(
          new String[] {labelPrefix(constant.getDeclaringClass()) + constant.name()},
          constant.name());
    }
    if (value instanceof Instant at) {
      return time.format(at, "yyyy-MM-dd HH:mm");
    }
    return value == null ? "" : value;
  }

  static String labelPrefix(Class<?> type) {
    String name = type.getSimpleName();
    return LABELS.getOrDefault(
        type, Character.toLowerCase(name.charAt(0)) + name.substring(1) + ".");
  }
}
