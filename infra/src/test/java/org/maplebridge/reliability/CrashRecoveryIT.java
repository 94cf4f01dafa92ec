package org.maplebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Reliability 1: under a mixed load the platform is killed with SIGKILL at random moments and
 * started again on the same data. Clients retry with their Idempotency-Key until answered. Every
 * acknowledged write is stored exactly once, and the read models match the event store. {@code
 * -Dreliability.kills=N} sets the number of kills (2 in CI).
 */
class CrashRecoveryIT {
  private static final int KILLS = Integer.getInteger("reliability.kills", 2);

  @TempDir Path work;

  @Test
  void everyAcknowledgedWriteSurvivesKillsExactlyOnce() throws Exception {
    int http = PlatformProcess.freePort();
    int database = PlatformProcess.freePort();
    List<String> settings =
        List.of(
            "--maplebridge.embedded-postgres.data-directory=" + work.resolve("postgres"),
            "--maplebridge.embedded-postgres.port=" + database);
    PlatformProcess platform = PlatformProcess.start("crash-it", http, settings);
    platform.awaitHealthy(Duration.ofSeconds(120));

    Workload load = new Workload(user -> Api.at(http, user, PlatformTest.PASSWORD), 11);
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService callers = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      running.add(callers.submit(() -> load.run(stop)));
    }
    Random random = new Random(42);
    List<Long> recoveries = new ArrayList<>();
    try {
      for (int kill = 0; kill < KILLS; kill++) {
        Thread.sleep(2_000 + random.nextInt(4_000));
        platform.kill();
        platform = PlatformProcess.start("crash-it", http, settings);
        recoveries.add(platform.awaitHealthy(Duration.ofSeconds(120)).toMillis());
      }
      Thread.sleep(3_000);
    } finally {
      stop.set(true);
      for (Future<?> caller : running) {
        caller.get();
      }
      callers.shutdown();
    }

    Api admin = Api.at(http, "admin", PlatformTest.PASSWORD);
    Reconciler.awaitCleanReport(admin);
    // The embedded database asks for the password the platform made and keeps in its directory.
    String password =
        Files.readString(work.resolve("postgres").resolve("maplebridge-db-password")).trim();
    JdbcClient jdbc =
        JdbcClient.create(
            new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + database + "/postgres", "postgres", password));
    Reconciler.Outcome outcome = new Reconciler(jdbc).check(load);
    System.out.printf(
        "Crash recovery: %d kills, %d writes acknowledged (%d attempts, %d while unavailable, %d"
            + " conflicts), lost %d, duplicated %d, server errors %d, recovery after kill %s ms%n",
        KILLS,
        outcome.acknowledged(),
        load.attempts.get(),
        load.unavailable.get(),
        load.conflicts.get(),
        outcome.lost().size(),
        outcome.duplicated().size(),
        load.serverErrors.get(),
        recoveries);
    assertThat(outcome.acknowledged()).isGreaterThan(20);
    assertThat(outcome.lost()).isEmpty();
    assertThat(outcome.duplicated()).isEmpty();
    assertThat(load.serverErrors.get()).isZero();
    assertThat(platform.stop()).isTrue();
  }
}
