package org.maplebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reliability 7: two platforms on one PostgreSQL share the projections' segments through token
 * claims; commands go to both; one is killed mid-run and the other takes over its segments. At the
 * end every projection is complete and equals a clean rebuild from the event store.
 */
class TwoInstancesIT {

  @TempDir Path work;

  @Test
  void twoInstancesShareTheWorkAndTheSurvivorFinishesIt() throws Exception {
    try (DatabaseServer database =
        new DatabaseServer(work.resolve("pg"), PlatformProcess.freePort())) {
      List<String> settings = new ArrayList<>(database.platformSettings());
      // A dead instance's segments are taken over once its claim is older than this.
      settings.add("--axon.eventhandling.tokenstore.claim-timeout=3s");
      PlatformProcess first =
          PlatformProcess.start("two-instances-a", PlatformProcess.freePort(), settings);
      first.awaitHealthy(Duration.ofSeconds(120));
      PlatformProcess second =
          PlatformProcess.start("two-instances-b", PlatformProcess.freePort(), settings);
      second.awaitHealthy(Duration.ofSeconds(120));
      AtomicInteger firstPort = new AtomicInteger(first.port);
      int secondPort = second.port;

      Workload toFirst =
          new Workload(user -> Api.at(firstPort.get(), user, PlatformTest.PASSWORD), 1);
      Workload toSecond = new Workload(user -> Api.at(secondPort, user, PlatformTest.PASSWORD), 2);
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService callers = Executors.newFixedThreadPool(4);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        running.add(callers.submit(() -> toFirst.run(stop)));
        running.add(callers.submit(() -> toSecond.run(stop)));
      }
      JdbcClient jdbc = database.jdbc();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          jdbc.sql(
                                  "SELECT count(DISTINCT owner) FROM tokenentry"
                                      + " WHERE owner IS NOT NULL")
                              .query(Long.class)
                              .single())
                      .as("both instances hold segments")
                      .isEqualTo(2));
      Thread.sleep(3_000);
      first.kill();
      // The first instance's callers carry on against the survivor.
      firstPort.set(secondPort);
      Thread.sleep(6_000);
      stop.set(true);
      for (Future<?> caller : running) {
        caller.get();
      }
      callers.shutdown();

      Api admin = Api.at(secondPort, "admin", PlatformTest.PASSWORD);
      JsonNode live = settled(admin);
      assertThat(admin.post("/api/admin/projections/replay", "").status()).isEqualTo(202);
      JsonNode rebuilt = settled(admin);
      Reconciler reconciler = new Reconciler(jdbc);
      Reconciler.Outcome first1 = reconciler.check(toFirst);
      Reconciler.Outcome second2 = reconciler.check(toSecond);
      System.out.printf(
          "Two instances: %d + %d writes acknowledged; lost %d, duplicated %d, server errors %d;"
              + " read models after the kill equal a clean rebuild: %s%n",
          first1.acknowledged(),
          second2.acknowledged(),
          first1.lost().size() + second2.lost().size(),
          first1.duplicated().size() + second2.duplicated().size(),
          toFirst.serverErrors.get() + toSecond.serverErrors.get(),
          live.equals(rebuilt));
      assertThat(rebuilt).as("nothing processed twice into a wrong state").isEqualTo(live);
      assertThat(first1.lost()).isEmpty();
      assertThat(second2.lost()).isEmpty();
      assertThat(first1.duplicated()).isEmpty();
      assertThat(second2.duplicated()).isEmpty();
      assertThat(toFirst.serverErrors.get() + toSecond.serverErrors.get()).isZero();
      assertThat(second.stop()).isTrue();
    }
  }

  /** The read models' checksums once the survivor has caught up and they stopped changing. */
  private static JsonNode settled(Api admin) {
    JsonNode[] last = {null};
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              JsonNode report = admin.get("/api/admin/reconciliation").json();
              JsonNode models = admin.get("/api/admin/read-models").json();
              boolean settled =
                  report.get("caughtUp").asBoolean()
                      && report.get("differenceCount").asLong() == 0
                      && models.get("tables").equals(last[0]);
              last[0] = models.get("tables");
              return settled;
            });
    return last[0];
  }
}
