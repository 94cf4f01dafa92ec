package org.maplebridge.read;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How projections stay idempotent: a read-model row carries the version (sequence number) of the
 * last event applied to it, and an update applies only to an older row, so a redelivered event
 * changes nothing.
 */
public final class VersionedRows {
  private VersionedRows() {}

  /**
   * An update of the row {@code idColumn = id} of {@code table} to {@code version}, setting {@code
   * updated_at} and the given assignments; add a {@code RETURNING} clause with {@code suffix} (or
   * pass "").
   */
  public static JdbcClient.StatementSpec update(
      JdbcClient jdbc,
      String table,
      String idColumn,
      Object id,
      long version,
      Instant at,
      String assignments,
      Map<String, Object> values,
      String suffix) {
    return jdbc.sql(sql(table, idColumn, assignments, suffix))
        .params(params(id, version, at, values));
  }

  /** The same update, written through a projection's {@link ProjectionWrites}. */
  public static ProjectionWrites.Write update(
      ProjectionWrites writes,
      String table,
      String idColumn,
      Object id,
      long version,
      Instant at,
      String assignments,
      Map<String, Object> values) {
    return writes
        .sql(sql(table, idColumn, assignments, ""))
        .params(params(id, version, at, values));
  }

  private static String sql(String table, String idColumn, String assignments, String suffix) {
    return "UPDATE "
        + table
        + " SET updated_at = :at, version = :version"
        + (assignments.isEmpty() ? "" : ", " + assignments)
        + " WHERE "
        + idColumn
        + " = :id AND version < :version "
        + suffix;
  }

  private static Map<String, Object> params(
      Object id, long version, Instant at, Map<String, Object> values) {
    Map<String, Object> all = new HashMap<>(values);
    all.put("at", SqlParams.utc(at));
    all.put("version", version);
    all.put("id", id);
    return all;
  }
}
