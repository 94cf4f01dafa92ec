package org.maplebridge.platform.web;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.maplebridge.events.Erased;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages write out the details of a history entry: what changed, without the record ids, in the
 * reader's language: field names as {@code field.<name>}, and a value as {@code <name>.<VALUE>}
 * where the field holds one of the enumerations the pages already name (urgency, risk, service
 * type...); an erased person's field as "erased"; anything else as stored.
 */
@Component("pageFormat")
public class PageFormat {
  /** Fields whose values the pages name under another enumeration's messages. */
  private static final Map<String, String> VALUES_NAMED_AS =
      Map.of(
          "priority", "urgency",
          "requestedUrgency", "urgency",
          "level", "risk",
          "previousLevel", "risk",
          "screenerRisk", "risk",
          "scope", "consentScope",
          "serviceTypes", "serviceType");

  private final MessageSource messages;

  PageFormat(MessageSource messages) {
    this.messages = messages;
  }

  public String details(Map<String, Object> data) {
    if (data == null) {
      return "";
    }
    return data.entrySet().stream()
        .filter(field -> field.getValue() != null && !isIdentifier(field.getKey()))
        .map(field -> label(field.getKey()) + ": " + text(field.getKey(), field.getValue()))
        .collect(Collectors.joining(" · "));
  }

  /**
   * A text field as the page shows it: an erased person's field as "erased" in the reader's
   * language.
   */
  public String shown(String text) {
    return Erased.TEXT.equals(text) ? message("erased", text) : text;
  }

  private static boolean isIdentifier(String name) {
    return name.equals("id") || name.endsWith("Id");
  }

  private String label(String name) {
    return message("field." + name, name);
  }

  private String text(String name, Object value) {
    if (value instanceof Collection<?> items) {
      return items.stream().map(item -> text(name, item)).collect(Collectors.joining(", "));
    }
    if (value instanceof Map<?, ?> fields) {
      return fields.entrySet().stream()
          .filter(field -> field.getValue() != null)
          .map(
              field ->
                  label(String.valueOf(field.getKey()))
                      + " "
                      + text(String.valueOf(field.getKey()), field.getValue()))
          .collect(Collectors.joining("; "));
    }
    String stored = String.valueOf(value);
    if (Erased.TEXT.equals(stored)) {
      return message("erased", stored);
    }
    return message(VALUES_NAMED_AS.getOrDefault(name, name) + "." + stored, stored);
  }

  private String message(String key, String otherwise) {
    return messages.getMessage(key, null, otherwise, LocaleContextHolder.getLocale());
  }
}
