package org.maplebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;

/**
 * Every projection reset and rebuilt from the event store, once quietly and once while writes go
 * on: the rebuilt read models equal the live ones table by table, and what the platform did on its
 * own (an intake's crisis alert opening an episode) is not done again.
 */
class ReplayEqualityTest extends PlatformTest {

  @Test
  void rebuiltReadModelsEqualTheLiveOnesAndSideEffectsDoNotRepeat() throws Exception {
    Workload load = new Workload(this::as, 7);
    for (int i = 0; i < 60; i++) {
      load.step();
    }
    // One screening that raises a crisis alert: the platform opens an episode by itself.
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    alice.post(
        "/api/intakes/" + intake + "/screenings",
        "{\"instrument\":\"CSSRS\",\"answers\":[true,true,true,true,false,false]}");
    await().atMost(Duration.ofSeconds(20)).until(() -> episodesOpenedByAlerts() == 1);

    String live = quiescentChecksums();
    long eventsBefore = events();

    replay();
    assertThat(quiescentChecksums()).as("a quiet rebuild equals the live models").isEqualTo(live);

    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    Future<?> one = writers.submit(() -> load.run(stop));
    Future<?> two = writers.submit(() -> load.run(stop));
    Thread.sleep(500);
    replay();
    Thread.sleep(2_000);
    stop.set(true);
    one.get();
    two.get();
    writers.shutdown();
    String rebuiltUnderLoad = quiescentChecksums();
    replay();
    assertThat(quiescentChecksums())
        .as("rebuilt while writes went on = rebuilt quietly from the same events")
        .isEqualTo(rebuiltUnderLoad);

    assertThat(episodesOpenedByAlerts()).as("no side effect fired again").isEqualTo(1);
    assertThat(load.serverErrors.get()).isZero();
    assertThat(events()).isGreaterThan(eventsBefore);
    JsonNode report = as("admin").get("/api/admin/reconciliation").json();
    assertThat(report.get("differenceCount").asLong()).as(report.toString()).isZero();
  }

  private void replay() {
    Api.Response replaying = as("admin").post("/api/admin/projections/replay", "");
    assertThat(replaying.status()).isEqualTo(202);
    assertThat(replaying.json().get("replaying").toString())
        .as("every projection is rebuilt; the crisis automation is not run again")
        .contains("caseload", "crisis-board", "referrals", "directory", "access-audit")
        .doesNotContain("crisis-automation");
  }

  /** Checksums once the projections have caught up and two readings a second apart agree. */
  private String quiescentChecksums() {
    Api admin = as("admin");
    String[] last = {""};
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              JsonNode models = admin.get("/api/admin/read-models").json();
              String now = models.get("tables").toString();
              boolean settled = models.get("caughtUp").asBoolean() && now.equals(last[0]);
              last[0] = now;
              return settled;
            });
    return last[0];
  }

  private long episodesOpenedByAlerts() {
    return jdbc.sql(
            "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%CrisisContactOpened'"
                + " AND position(convert_to('INTAKE_ALERT', 'UTF8') IN payload) > 0")
        .query(Long.class)
        .single();
  }

  private long events() {
    return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
  }
}
