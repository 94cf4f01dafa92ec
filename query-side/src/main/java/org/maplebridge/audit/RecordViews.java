package org.maplebridge.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.maplebridge.read.SqlParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who had looked at one record by a given moment, read from the access audit. */
@Component
public class RecordViews {
  private final JdbcClient jdbc;

  RecordViews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Views of the record up to {@code until} (null: now), oldest first; only {@code onlyViewer}'s
   * own views unless it is null.
   */
  public List<RecordView> of(UUID recordId, Instant until, String onlyViewer) {
    return jdbc.sql(
            """
            SELECT viewed_at, viewer, viewer_role, scope, purpose, refused, attempted FROM access_log
            WHERE record_id = :record
              AND (CAST(:until AS timestamptz) IS NULL OR viewed_at <= :until)
              AND (CAST(:viewer AS text) IS NULL OR viewer = :viewer)
            ORDER BY viewed_at, view_id
            """)
        .param("record", recordId)
        .param("until", SqlParams.utc(until))
        .param("viewer", onlyViewer)
        .query(
            (row, n) ->
                new RecordView(
                    row.getObject("viewed_at", OffsetDateTime.class).toInstant(),
                    row.getString("viewer"),
                    row.getString("viewer_role"),
                    row.getString("scope"),
                    row.getString("purpose"),
                    row.getBoolean("refused"),
                    row.getString("attempted")))
        .list();
  }
}
