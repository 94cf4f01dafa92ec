package org.maplebridge.write;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far the event store has got: the position a write hands back (consistency token, or the page
 * it redirects to) so that the next read waits until the read side has caught up to it.
 */
@Component
public class StoredPosition {
  private final JdbcClient jdbc;

  StoredPosition(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The highest global position stored, this transaction's own events included. */
  public long now() {
    return jdbc.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry")
        .query(Long.class)
        .single();
  }
}
