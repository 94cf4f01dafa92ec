package org.maplebridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/** Retries, races and stale writes: each write happens once or is refused as a conflict. */
class IntakeConcurrencyTest extends PlatformTest {

  @Test
  void theSameIdempotencyKeyTwiceWritesOnce() {
    Api alice = as("alice").with("Idempotency-Key", UUID.randomUUID().toString());
    long before = intakesOpened();

    Response first = alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    Response retry = alice.post("/api/intakes", NEW_CLIENT_INTAKE);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.id()).isEqualTo(first.id());
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(intakesOpened()).isEqualTo(before + 1);
  }

  @Test
  void anIdempotencyKeyReusedForAnotherRequestIsRefused() {
    Api alice = as("alice").with("Idempotency-Key", UUID.randomUUID().toString());
    alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    long before = intakesOpened();

    Response other = alice.post("/api/intakes", NEW_CLIENT_INTAKE.replace("Li Wei", "Zhang San"));

    assertThat(other.status()).isEqualTo(422);
    assertThat(intakesOpened()).isEqualTo(before);
  }

  @Test
  void racingRetriesWithOneKeyWriteOnce() throws Exception {
    Api alice = as("alice").with("Idempotency-Key", UUID.randomUUID().toString());
    long before = intakesOpened();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> alice.post("/api/intakes", NEW_CLIENT_INTAKE)));
      }
      Set<String> ids = new HashSet<>();
      for (Future<Response> answer : answers) {
        assertThat(answer.get().status()).isEqualTo(201);
        ids.add(answer.get().id());
      }
      assertThat(ids).hasSize(1);
      assertThat(intakesOpened()).isEqualTo(before + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentIntakesGetDistinctClientReferences() throws Exception {
    Api alice = as("alice");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Response>> intakes = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        intakes.add(() -> alice.post("/api/intakes", NEW_CLIENT_INTAKE));
      }
      List<String> ids = new ArrayList<>();
      for (Future<Response> answer : pool.invokeAll(intakes)) {
        assertThat(answer.get().status()).isEqualTo(201);
        ids.add(answer.get().id());
      }
      List<String> references =
          jdbc.sql(
                  "SELECT r.reference FROM client_registry r JOIN domainevententry e"
                      + " ON e.aggregateidentifier = ANY(:ids) AND e.sequencenumber = 0"
                      + " AND convert_from(e.payload, 'UTF8')::jsonb->>'clientId' = r.client_id::text")
              .param("ids", ids.toArray(String[]::new))
              .query(String.class)
              .list();
      assertThat(references).hasSize(24).doesNotHaveDuplicates();
      assertThat(references).allMatch(reference -> reference.matches("C-\\d{4}-\\d{6}"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aWriteBasedOnAStaleReadIsAConflict() {
    Api alice = as("alice");
    String id = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    Response consent =
        alice.post(
            "/api/intakes/" + id + "/consents",
            "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    Response read =
        alice
            .with("X-Consistency-Token", consent.header("X-Consistency-Token"))
            .get("/api/intakes/" + id);
    String etag = read.header("ETag");
    assertThat(etag).isEqualTo("\"1\"");

    Response current =
        alice.with("If-Match", etag).post("/api/intakes/" + id + "/notes", "{\"text\":\"one\"}");
    assertThat(current.status()).isEqualTo(201);
    long before = eventsOf(id);
    Response stale =
        alice.with("If-Match", etag).post("/api/intakes/" + id + "/notes", "{\"text\":\"two\"}");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().get("type").asText()).endsWith("/conflict");
    assertThat(eventsOf(id)).isEqualTo(before);

    assertThat(
            alice
                .with("If-Match", "soon")
                .post("/api/intakes/" + id + "/notes", "{\"text\":\"x\"}")
                .status())
        .isEqualTo(400);
  }
}
