package org.maplebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Reliability 2: PostgreSQL stops at once (immediate shutdown) under load and starts again. While
 * it is gone, writes fail fast with 503 and a problem body, never "201 but lost"; the platform
 * recovers by itself, processors resume from their tokens, and nothing acknowledged is missing.
 */
class DatabaseRestartIT {
  private static final Duration OUTAGE = Duration.ofSeconds(6);

  @TempDir Path work;

  @Test
  void writesFailFastDuringTheOutageAndNothingAcknowledgedIsLost() throws Exception {
    try (DatabaseServer database =
        new DatabaseServer(work.resolve("pg"), PlatformProcess.freePort())) {
      int http = PlatformProcess.freePort();
      PlatformProcess platform =
          PlatformProcess.start("db-restart-it", http, database.platformSettings());
      platform.awaitHealthy(Duration.ofSeconds(120));
      Workload load = new Workload(user -> Api.at(http, user, PlatformTest.PASSWORD), 5);
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService callers = Executors.newFixedThreadPool(4);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        running.add(callers.submit(() -> load.run(stop)));
      }
      Thread.sleep(3_000);

      database.crash();
      Api alice = Api.at(http, "alice", PlatformTest.PASSWORD);
      Thread.sleep(500);
      long before = System.nanoTime();
      Response duringOutage = alice.post("/api/intakes", PlatformTest.NEW_CLIENT_INTAKE);
      long answeredMillis = (System.nanoTime() - before) / 1_000_000;
      Thread.sleep(OUTAGE.toMillis());
      Duration serverBack = database.restart();
      long recoveryStarted = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> alice.get("/actuator/health").status() == 200);
      long recoveredMillis = (System.nanoTime() - recoveryStarted) / 1_000_000;
      Thread.sleep(3_000);
      stop.set(true);
      for (Future<?> caller : running) {
        caller.get();
      }
      callers.shutdown();

      Api admin = Api.at(http, "admin", PlatformTest.PASSWORD);
      Reconciler.awaitCleanReport(admin);
      Reconciler.Outcome outcome = new Reconciler(database.jdbc()).check(load);
      System.out.printf(
          "Database restart: outage %d s; a write during it answered %d in %d ms; %d writes"
              + " acknowledged, %d retried while unavailable; lost %d, duplicated %d, server"
              + " errors %d; PostgreSQL back in %d ms, platform healthy %d ms later%n",
          OUTAGE.toSeconds(),
          duringOutage.status(),
          answeredMillis,
          outcome.acknowledged(),
          load.unavailable.get(),
          outcome.lost().size(),
          outcome.duplicated().size(),
          load.serverErrors.get(),
          serverBack.toMillis(),
          recoveredMillis);
      assertThat(duringOutage.status()).isEqualTo(503);
      assertThat(duringOutage.header("Content-Type")).contains("application/problem+json");
      assertThat(answeredMillis).as("fails fast").isLessThan(10_000);
      assertThat(load.unavailable.get()).as("the load met the outage").isPositive();
      assertThat(outcome.lost()).isEmpty();
      assertThat(outcome.duplicated()).isEmpty();
      assertThat(load.serverErrors.get()).isZero();
      assertThat(platform.stop()).isTrue();
    }
  }
}
