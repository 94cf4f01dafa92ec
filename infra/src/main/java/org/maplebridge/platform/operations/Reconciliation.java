package org.maplebridge.platform.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.maplebridge.read.ReadModel.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Acknowledged vs stored vs projected, for operators: every write acknowledged under an
 * Idempotency-Key that created a record must have stored it, and every record stored must be in its
 * read model at the version of the last event that read model handles (and nothing else). The
 * comparison is exact once the projections have caught up; the report says whether they have.
 */
@Component
public class Reconciliation {
  private static final int SHOWN = 50;

  private final JdbcClient jdbc;
  private final EventProcessingConfiguration processing;
  private final ReadModels readModels;
  private final DeadLetters deadLetters;

  Reconciliation(
      JdbcClient jdbc,
      EventProcessingConfiguration processing,
      ReadModels readModels,
      DeadLetters deadLetters) {
    this.jdbc = jdbc;
    this.processing = processing;
    this.readModels = readModels;
    this.deadLetters = deadLetters;
  }

  public record Difference(String model, String recordId, Long stored, Long projected) {}

  public record Report(
      boolean caughtUp,
      long eventsStored,
      long acknowledgedCreations,
      List<String> acknowledgedButNotStored,
      Map<String, Long> deadLetters,
      long differenceCount,
      List<Difference> differences) {
    public boolean clean() {
      return acknowledgedButNotStored.isEmpty()
          && differenceCount == 0
          && deadLetters.values().stream().allMatch(n -> n == 0);
    }
  }

  public Report report() {
    boolean caughtUp = readModels.caughtUp();
    long events = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    // A write acknowledged with 201 under an Idempotency-Key names, in its Location, the record
    // it created or added to.
    List<String> created =
        jdbc.sql(
                "SELECT location FROM idempotent_request WHERE status = 201 AND location IS NOT"
                    + " NULL")
            .query(String.class)
            .list();
    List<String> missing = new ArrayList<>();
    for (String location : created) {
      String id = location.substring(location.lastIndexOf('/') + 1);
      boolean stored =
          jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id")
                  .param("id", id)
                  .query(Long.class)
                  .single()
              > 0;
      if (!stored) {
        missing.add(location);
      }
    }
    List<Difference> differences = new ArrayList<>();
    long count = 0;
    for (RecordRows model : readModels.recordRows()) {
      List<String> handled = handledTypes(model);
      if (handled.isEmpty()) {
        continue;
      }
      String compare =
          """
          WITH stored AS (
            SELECT aggregateidentifier AS id, max(sequencenumber) AS version
            FROM domainevententry WHERE type = :type AND payloadtype IN (:handled) GROUP BY 1),
          projected AS (SELECT %s::text AS id, version FROM %s)
          SELECT coalesce(s.id, p.id) AS id, s.version AS stored, p.version AS projected
          FROM stored s FULL JOIN projected p ON p.id = s.id
          WHERE s.version IS DISTINCT FROM p.version
          """
              .formatted(model.idColumn(), model.table());
      List<Difference> found =
          jdbc.sql(compare)
              .param("type", model.aggregateType())
              .param("handled", handled)
              .query(
                  (row, i) ->
                      new Difference(
                          model.table(),
                          row.getString("id"),
                          (Long) row.getObject("stored"),
                          (Long) row.getObject("projected")))
              .list();
      count += found.size();
      found.stream().limit(Math.max(0, SHOWN - differences.size())).forEach(differences::add);
    }
    return new Report(
        caughtUp, events, created.size(), missing, deadLetters.counts(), count, differences);
  }

  /** The event types of the aggregate that the model's processing group handles. */
  private List<String> handledTypes(RecordRows model) {
    var processor = processing.eventProcessors().get(readModels.groupOf(model.table()));
    if (!(processor instanceof AbstractEventProcessor handling)) {
      return List.of();
    }
    List<String> handled = new ArrayList<>();
    for (String type :
        jdbc.sql("SELECT DISTINCT payloadtype FROM domainevententry WHERE type = :type")
            .param("type", model.aggregateType())
            .query(String.class)
            .list()) {
      try {
        if (handling.eventHandlerInvoker().canHandleType(Class.forName(type))) {
          handled.add(type);
        }
      } catch (ClassNotFoundException unknown) {
        // an event type no longer in the code base: no projection handles it
      }
    }
    return handled;
  }
}
