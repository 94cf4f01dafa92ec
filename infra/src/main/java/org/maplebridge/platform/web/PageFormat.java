package org.maplebridge.platform.web;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.maplebridge.events.Erased;
import org.maplebridge.read.StaffNames;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages write out the details of a history entry: what changed, without the record ids, in the
 * reader's language: field names as {@code field.<name>}, and a value as {@code <name>.<VALUE>}
 * where the field holds one of the enumerations the pages already name (urgency, risk, service
 * type...); a unit by its name; an erased person's field as "erased"; anything else as stored.
 */
@Component("pageFormat")
public class PageFormat {
  /** Fields whose values the pages name under another enumeration's messages. */
  private static final Map<String, String> VALUES_NAMED_AS =
      Map.ofEntries(
          Map.entry("priority", "urgency"),
          Map.entry("requestedUrgency", "urgency"),
          Map.entry("level", "risk"),
          Map.entry("previousLevel", "risk"),
          Map.entry("screenerRisk", "risk"),
          Map.entry("scope", "consentScope"),
          Map.entry("serviceTypes", "serviceType"),
          Map.entry("givenBy", "consentGiver"),
          Map.entry("method", "consentMethod"),
          Map.entry("populationGroups", "populationGroup"),
          Map.entry("result", "rescueResult"),
          Map.entry("flags", "flag"),
          Map.entry("review", "next"),
          Map.entry("risk", "suicideRisk"));

  /**
   * Where else a stored value may be named, for fields several enumerations share (a reason, a
   * status): the first label found wins, so no enumeration's constant shows as such.
   */
  private static final List<String> ANY_VALUE =
      List.of(
          "alertReason",
          "closureReason",
          "crisisClosure",
          "declineReason",
          "risk",
          "suicideRisk",
          "urgency",
          "tier",
          "crisisStatus",
          "referralStatus",
          "status",
          "role",
          "recordType",
          "purpose");

  /** An enumeration's constant, as events store it. */
  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  /**
   * Texts the platform itself wrote into events in English (an intake alert's episode summary, the
   * triage a screening raised): shown in the reader's language.
   */
  private static final Pattern ALERT_SUMMARY =
      Pattern.compile("Crisis alert from an intake screening(?:: ([A-Z_]+))?");

  /** The staff log's entries, as the accounts write them. */
  private static final Pattern ACCOUNT_ADDED =
      Pattern.compile(
          "account added: ([A-Z_]+)(?: in (\\S+))?(?: for provider \\S+)?"
              + "(, waiting for the privacy officer's approval)?");

  private static final Map<String, String> STAFF_LOG =
      Map.of(
          "account enabled", "staffLog.enabled",
          "account disabled", "staffLog.disabled",
          "account approved", "staffLog.approved",
          "password changed by its owner", "staffLog.ownPassword");

  private static final Pattern RAISED_TRIAGE =
      Pattern.compile("Raised to ([A-Z_]+) by the screening \\(([A-Z_]+)\\)");

  /** A time as the events store it: shown in the viewer's zone, never as raw ISO text. */
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

  private final MessageSource messages;
  private final PageTime time;
  private final StaffNames names;

  PageFormat(MessageSource messages, PageTime time, StaffNames names) {
    this.messages = messages;
    this.time = time;
    this.names = names;
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
    if (value instanceof Boolean yes) {
      return message(yes ? "yes" : "no", String.valueOf(value));
    }
    String stored = String.valueOf(value);
    if (Erased.TEXT.equals(stored)) {
      return message("erased", stored);
    }
    if (INSTANT.matcher(stored).matches()) {
      return time.format(Instant.parse(stored), "yyyy-MM-dd HH:mm");
    }
    if (name.equals("unit")) {
      return unitName(stored);
    }
    String named = message(VALUES_NAMED_AS.getOrDefault(name, name) + "." + stored, null);
    if (named != null) {
      return named;
    }
    if (CONSTANT.matcher(stored).matches()) {
      for (String kind : ANY_VALUE) {
        String label = message(kind + "." + stored, null);
        if (label != null) {
          return label;
        }
      }
    }
    return written(stored);
  }

  /** A text the platform wrote in English, in the reader's language; any other text as is. */
  public String written(String text) {
    if (text == null) {
      return null;
    }
    Matcher alert = ALERT_SUMMARY.matcher(text);
    if (alert.matches()) {
      // The episode's summary names the screening's reason; its first escalation does not.
      return alert.group(1) == null
          ? message("machine.alert", text)
          : message("machine.alertSummary", text, value("alertReason", alert.group(1)));
    }
    if (STAFF_LOG.containsKey(text)) {
      return message(STAFF_LOG.get(text), text);
    }
    Matcher added = ACCOUNT_ADDED.matcher(text);
    if (added.matches()) {
      return message(
              "staffLog.added",
              text,
              value("role", added.group(1)),
              added.group(2) == null ? "" : unitName(added.group(2)))
          + (added.group(3) == null ? "" : message("staffLog.waiting", ""));
    }
    if (text.startsWith("unit added: ")) {
      return message("staffLog.unitAdded", text, text.substring("unit added: ".length()));
    }
    Matcher raised = RAISED_TRIAGE.matcher(text);
    if (raised.matches()) {
      return message(
          "machine.raisedTriage",
          text,
          value("urgency", raised.group(1)),
          value("alertReason", raised.group(2)));
    }
    return text;
  }

  private String unitName(String unit) {
    return names.unitNames(List.of(unit)).getOrDefault(unit, unit);
  }

  private String value(String kind, String stored) {
    return message(kind + "." + stored, stored);
  }

  private String message(String key, String otherwise, Object... arguments) {
    return messages.getMessage(
        key, arguments.length == 0 ? null : arguments, otherwise, LocaleContextHolder.getLocale());
  }
}
