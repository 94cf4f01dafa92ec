package org.maplebridge.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * A projection's writes. Where the platform defers them for a batch of events ({@link
 * #deferUntilCommit}), they are held until the batch commits and then sent table by table (tables
 * in the order the batch first wrote them, each table's writes in their own order), each run of the
 * same statement as one JDBC batch: one round trip for a batch's notes instead of one per note
 * (measured in the benchmark's replay). Otherwise each write runs at once. So a statement must
 * write one table and read no other (the read models have no foreign keys), and a handler must not
 * read what it wrote in the same batch.
 */
@Component
public class ProjectionWrites {
  private static final String DEFERRED = ProjectionWrites.class.getName() + ".deferred";
  private static final Pattern WRITTEN_TABLE =
      Pattern.compile(
          "\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

  /** The table each statement writes, worked out once per statement. */
  private static final Map<String, Optional<String>> TABLES = new ConcurrentHashMap<>();

  private final NamedParameterJdbcTemplate jdbc;

  ProjectionWrites(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The one table a statement writes; none for anything else (several tables, a common table
   * expression), which then waits for nothing: what is held is sent first, then it.
   */
  private static Optional<String> writtenTable(String sql) {
    Matcher written = WRITTEN_TABLE.matcher(sql);
    return written.lookingAt()
        ? Optional.of(written.group(1).toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  public Write sql(String sql) {
    return new Write(sql);
  }

  /** One statement and its named values. */
  public final class Write {
    private final String sql;
    private final String table;
    private final Map<String, Object> values = new HashMap<>();
    private String row;

    private Write(String sql) {
      this.sql = sql;
      this.table = TABLES.computeIfAbsent(sql, ProjectionWrites::writtenTable).orElse(null);
    }

    public Write param(String name, Object value) {
      values.put(name, value);
      return this;
    }

    public Write params(Map<String, Object> more) {
      values.putAll(more);
      return this;
    }

    /**
     * This write sets every column it sets to values of its own, so the same statement for the same
     * row ({@code rowParam}'s value) later in the batch makes it needless: only the last is sent.
     */
    public Write overwritesRow(String rowParam) {
      this.row = rowParam;
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
      deferred.clear();
    }
  }

  private static final class Deferred {
    private final Map<String, List<Write>> byTable = new LinkedHashMap<>();
    private NamedParameterJdbcTemplate jdbc;

    void add(NamedParameterJdbcTemplate jdbc, Write write) {
      this.jdbc = jdbc;
      if (write.table == null) {
        send();
        jdbc.update(write.sql, write.values);
      } else {
        byTable.computeIfAbsent(write.table, table -> new ArrayList<>()).add(write);
      }
    }

    void clear() {
      byTable.clear();
    }

    void send() {
      for (List<Write> writes : byTable.values()) {
        int from = 0;
        while (from < writes.size()) {
          String sql = writes.get(from).sql;
          int to = from + 1;
          while (to < writes.size() && writes.get(to).sql.equals(sql)) {
            to++;
          }
          send(sql, lastPerRow(writes.subList(from, to)));
          from = to;
        }
      }
      byTable.clear();
    }

    private void send(String sql, List<Write> run) {
      if (run.size() == 1) {
        jdbc.update(sql, run.get(0).values);
      } else {
        jdbc.batchUpdate(
            sql,
            run.stream()
                .map(write -> new MapSqlParameterSource(write.values))
                .toArray(SqlParameterSource[]::new));
      }
    }

    private static List<Write> lastPerRow(List<Write> run) {
      if (run.get(0).row == null) {
        return run;
      }
      Map<Object, Write> last = new LinkedHashMap<>();
      for (Write write : run) {
        Object row = write.values.get(write.row);
        last.remove(row);
        last.put(row, write);
      }
      return new ArrayList<>(last.values());
    }
  }
}
