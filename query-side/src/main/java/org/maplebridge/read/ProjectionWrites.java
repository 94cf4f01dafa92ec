package org.maplebridge.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * A projection's writes. Where the platform defers them for a batch of events ({@link
 * #deferUntilCommit}), they are held until the batch commits and then sent in their order, each run
 * of the same statement as one JDBC batch: one round trip for a run of a case's notes instead of
 * one per note (measured in the benchmark's replay). Otherwise each write runs at once. Handlers
 * that write through this must not read what they wrote in the same batch.
 */
@Component
public class ProjectionWrites {
  private static final String DEFERRED = ProjectionWrites.class.getName() + ".deferred";

  private final NamedParameterJdbcTemplate jdbc;

  ProjectionWrites(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Write sql(String sql) {
    return new Write(sql);
  }

  /** One statement and its named values. */
  public final class Write {
    private final String sql;
    private final Map<String, Object> values = new HashMap<>();

    private Write(String sql) {
      this.sql = sql;
    }

    public Write param(String name, Object value) {
      values.put(name, value);
      return this;
    }

    public Write params(Map<String, Object> more) {
      values.putAll(more);
      return this;
    }

    public void update() {
      Deferred deferred =
          CurrentUnitOfWork.isStarted()
              ? CurrentUnitOfWork.get().root().getResource(DEFERRED)
              : null;
      if (deferred == null) {
        jdbc.update(sql, values);
      } else {
        deferred.add(jdbc, this);
      }
    }
  }

  /**
   * From now on, the writes made in {@code batch} wait for its commit; if sending them fails,
   * {@code whenTheyFail} runs before the batch rolls back.
   */
  public static void deferUntilCommit(UnitOfWork<?> batch, Runnable whenTheyFail) {
    batch.getOrComputeResource(
        DEFERRED,
        key -> {
          Deferred deferred = new Deferred();
          batch.onPrepareCommit(
              committing -> {
                try {
                  deferred.send();
                } catch (RuntimeException failed) {
                  whenTheyFail.run();
                  throw failed;
                }
              });
          return deferred;
        });
  }

  /** Sends what {@code batch} holds now, if anything (to keep one event's writes on their own). */
  public static void sendDeferred(UnitOfWork<?> batch) {
    Deferred deferred = batch.getResource(DEFERRED);
    if (deferred != null) {
      deferred.send();
    }
  }

  /** Forgets what {@code batch} holds, when the event that wrote it is rolled back. */
  public static void discardDeferred(UnitOfWork<?> batch) {
    Deferred deferred = batch.getResource(DEFERRED);
    if (deferred != null) {
      deferred.writes.clear();
    }
  }

  private static final class Deferred {
    private final List<Write> writes = new ArrayList<>();
    private NamedParameterJdbcTemplate jdbc;

    void add(NamedParameterJdbcTemplate jdbc, Write write) {
      this.jdbc = jdbc;
      writes.add(write);
    }

    void send() {
      int from = 0;
      while (from < writes.size()) {
        String sql = writes.get(from).sql;
        int to = from + 1;
        while (to < writes.size() && writes.get(to).sql.equals(sql)) {
          to++;
        }
        if (to - from == 1) {
          jdbc.update(sql, writes.get(from).values);
        } else {
          jdbc.batchUpdate(
              sql,
              writes.subList(from, to).stream()
                  .map(write -> new MapSqlParameterSource(write.values))
                  .toArray(SqlParameterSource[]::new));
        }
        from = to;
      }
      writes.clear();
    }
  }
}
