package org.maplebridge.platform.web;

import org.maplebridge.write.InvalidInput;

/** Reads an If-Match header: the ETag of a read, {@code "7"} or {@code W/"7"}. */
final class ExpectedVersion {
  private ExpectedVersion() {}

  static long parse(String ifMatch) {
    String value = ifMatch.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    if (!value.matches("\\d{1,18}")) {
      throw new InvalidInput("If-Match", "If-Match must be the ETag of a read, such as \"3\"");
    }
    return Long.parseLong(value);
  }
}
