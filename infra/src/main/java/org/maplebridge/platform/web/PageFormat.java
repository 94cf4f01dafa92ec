package org.maplebridge.platform.web;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** How pages write out the details of a history entry: what changed, without the record ids. */
@Component("pageFormat")
public class PageFormat {

  public String details(Map<String, Object> data) {
    if (data == null) {
      return "";
    }
    return data.entrySet().stream()
        .filter(field -> field.getValue() != null && !isIdentifier(field.getKey()))
        .map(field -> field.getKey() + ": " + text(field.getValue()))
        .collect(Collectors.joining(" · "));
  }

  private static boolean isIdentifier(String name) {
    return name.equals("id") || name.endsWith("Id");
  }

  private static String text(Object value) {
    if (value instanceof Collection<?> items) {
      return items.stream().map(PageFormat::text).collect(Collectors.joining(", "));
    }
    if (value instanceof Map<?, ?> fields) {
      return fields.entrySet().stream()
          .filter(field -> field.getValue() != null)
          .map(field -> field.getKey() + " " + text(field.getValue()))
          .collect(Collectors.joining("; "));
    }
    return String.valueOf(value);
  }
}
