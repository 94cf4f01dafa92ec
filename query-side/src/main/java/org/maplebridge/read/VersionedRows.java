package org.maplebridge.read;

import java.time.Instant;
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
    JdbcClient.StatementSpec statement =
        jdbc.sql(
                "UPDATE "
                    + table
                    + " SET updated_at = :at, version = :version"
                    + (assignments.isEmpty() ? "" : ", " + assignments)
                    + " WHERE "
                    + idColumn
                    + " = :id AND version < :version "
                    + suffix)
            .param("at", SqlParams.utc(at))
            .param("version", version)
            .param("id", id);
    for (Map.Entry<String, Object> value : values.entrySet()) {
      statement = statement.param(value.getKey(), value.getValue());
    }
    return statement;
  }
}
