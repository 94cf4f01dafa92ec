package org.maplebridge.platform.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.maplebridge.read.ReadYourWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After an erasure, the read models drop the person's fields as they handle the erasure event; an
 * UPDATE leaves the old row version behind as a dead tuple until a vacuum. This vacuums every read
 * model's table, the data keys and the client registry once the read models have caught up with the
 * erasure, outside any transaction (VACUUM cannot run in one). Erasures close together share one
 * vacuum.
 */
@Component
public class ErasureVacuum implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(ErasureVacuum.class);
  private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);

  private final ReadModels readModels;
  private final ReadYourWrites positions;
  private final JdbcClient jdbc;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "erasure-vacuum");
            thread.setDaemon(true);
            return thread;
          });

  ErasureVacuum(ReadModels readModels, ReadYourWrites positions, JdbcClient jdbc) {
    this.readModels = readModels;
    this.positions = positions;
    this.jdbc = jdbc;
  }

  /** Vacuums in the background once every read model has handled what the event store holds. */
  public void onceReadModelsCaughtUp() {
    worker.execute(this::vacuumWhenCaughtUp);
  }

  private void vacuumWhenCaughtUp() {
    Instant giveUp = Instant.now().plus(CATCH_UP_LIMIT);
    try {
      // The erasure committed before this was asked for, so the head is at or past it.
      long head =
          jdbc.sql("SELECT coalesce(max(globalindex), -1) FROM domainevententry")
              .query(Long.class)
              .single();
      while (!positions.awaitPosition(head) && Instant.now().isBefore(giveUp)) {
        Thread.sleep(200);
      }
      List<String> tables = new ArrayList<>(readModels.tables());
      tables.add("data_key");
      // The write side's registry forgets an erased client by a DELETE: its dead row too.
      tables.add("client_registry");
      for (String table : tables) {
        jdbc.sql("VACUUM " + table).update();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The next erasure vacuums again, and so does autovacuum; the erasure itself stands.
      LOG.warn("Vacuum after an erasure failed: {}", e.getMessage());
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
