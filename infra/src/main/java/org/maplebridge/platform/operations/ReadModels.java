package org.maplebridge.platform.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.maplebridge.read.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read models as a whole: a checksum of each table (to compare instances, or a model before and
 * after a rebuild) and the rebuild itself, replaying every projection from the event store. Groups
 * whose handlers must not run twice (notifications, the commands automation sends) do not support a
 * reset and are left alone.
 */
@Component
public class ReadModels {
  private final EventProcessingConfiguration processing;
  private final JdbcClient jdbc;
  private final List<ReadModel> models;

  ReadModels(EventProcessingConfiguration processing, JdbcClient jdbc, List<ReadModel> models) {
    this.processing = processing;
    this.jdbc = jdbc;
    this.models = List.copyOf(models);
  }

  /** Every table the projections write, as the read models declare them. */
  List<String> tables() {
    return models.stream().flatMap(model -> model.tables().stream()).toList();
  }

  /** The read models that keep one row per record, for reconciliation. */
  List<ReadModel.RecordRows> recordRows() {
    return models.stream().flatMap(model -> model.recordRows().stream()).toList();
  }

  /** The processing group that writes the table. */
  String groupOf(String table) {
    return models.stream()
        .filter(model -> model.tables().contains(table))
        .map(ReadModel::processingGroup)
        .findFirst()
        .orElseThrow();
  }

  public record TableChecksum(String table, long rows, String md5) {}

  public List<TableChecksum> checksums() {
    List<TableChecksum> sums = new ArrayList<>();
    for (String table : tables()) {
      sums.add(
          jdbc.sql(
                  "SELECT count(*) AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)),"
                      + " '') AS sum FROM "
                      + table
                      + " t")
              .query((row, i) -> new TableChecksum(table, row.getLong("n"), row.getString("sum")))
              .single());
    }
    return sums;
  }

  /** Resets and restarts every projection that supports it; they rebuild in the background. */
  public List<String> replay() throws Exception {
    Map<String, StreamingEventProcessor> resettable = new LinkedHashMap<>();
    streaming()
        .forEach(
            (name, processor) -> {
              if (processor.supportsReset()) {
                resettable.put(name, processor);
              }
            });
    // All stop together: each may wait up to a second for its event stream to let go.
    CompletableFuture.allOf(
            resettable.values().stream()
                .map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new))
        .get(60, TimeUnit.SECONDS);
    for (StreamingEventProcessor processor : resettable.values()) {
      processor.resetTokens();
    }
    resettable.values().forEach(StreamingEventProcessor::start);
    return List.copyOf(resettable.keySet());
  }

  /** True when every projection has read up to the end of the event store and is not replaying. */
  public boolean caughtUp() {
    for (StreamingEventProcessor processor : streaming().values()) {
      if (!processor.isRunning()
          || processor.isReplaying()
          || processor.processingStatus().isEmpty()
          || !processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp())) {
        return false;
      }
    }
    return true;
  }

  private Map<String, StreamingEventProcessor> streaming() {
    Map<String, StreamingEventProcessor> streaming = new LinkedHashMap<>();
    processing
        .eventProcessors()
        .forEach(
            (name, processor) -> {
              if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
              }
            });
    return streaming;
  }
}
