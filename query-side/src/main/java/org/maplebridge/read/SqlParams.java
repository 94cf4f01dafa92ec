package org.maplebridge.read;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Small helpers for projections' SQL: named values that may be null, and UTC timestamps. */
public final class SqlParams {
  private SqlParams() {}

  /** Like Map.of, but event fields may be null. */
  public static Map<String, Object> of(Object... keysAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }

  public static OffsetDateTime utc(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
