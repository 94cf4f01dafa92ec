package org.maplebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Many callers write to the same case or referral at once, each expecting the version it read: one
 * wins per version, the others get 409, and the record's event sequence has no duplicates and no
 * holes.
 */
class ConflictingWritersTest extends PlatformTest {
  private static final int CALLERS = 12;
  private static final int ROUNDS = 4;

  @Test
  void oneWriterWinsPerVersionOnACase() throws Exception {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    Response consent =
        alice.post(
            "/api/intakes/" + intake + "/consents",
            "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    race(alice, consent, "/api/intakes/" + intake, "/notes", "{\"text\":\"Racing note\"}");
    assertContiguous(intake);
  }

  @Test
  void oneWriterWinsPerVersionOnAReferral() throws Exception {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String provider =
        alice
            .get("/api/providers?serviceType=PSYCHIATRIC_ASSESSMENT")
            .json()
            .get(0)
            .get("id")
            .asText();
    Response requested =
        alice.post(
            "/api/referrals",
            "{\"intakeId\":\"%s\",\"serviceType\":\"PSYCHIATRIC_ASSESSMENT\",\"providerId\":\"%s\",\"urgency\":\"ROUTINE\",\"reason\":\"Review\",\"disclosedFields\":[\"NAME\"]}"
                .formatted(intake, provider));
    String referral = requested.id();
    race(
        as("sam"),
        requested,
        "/api/referrals/" + referral,
        "/reviews",
        "{\"kind\":\"FINDING\",\"text\":\"Seen\"}");
    assertContiguous(referral);
  }

  private void race(Api writer, Response lastWrite, String record, String action, String body)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        // Read what the last winner wrote, then all callers write against that version.
        Response read =
            writer.with("X-Consistency-Token", lastWrite.header("X-Consistency-Token")).get(record);
        String etag = read.header("ETag");
        assertThat(etag).as("reads carry the version").isNotNull();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return writer.with("If-Match", etag).post(record + action, body);
                  }));
        }
        start.countDown();
        int won = 0;
        int conflicts = 0;
        for (Future<Response> answer : answers) {
          int status = answer.get().status();
          if (status == 201 || status == 204) {
            won++;
            lastWrite = answer.get();
          } else if (status == 409) {
            conflicts++;
          }
        }
        assertThat(won).as("round %d: exactly one write on version %s", round, etag).isEqualTo(1);
        assertThat(conflicts).isEqualTo(CALLERS - 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void assertContiguous(String aggregate) {
    List<Long> sequence =
        jdbc.sql(
                "SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = :id"
                    + " ORDER BY sequencenumber")
            .param("id", aggregate)
            .query(Long.class)
            .list();
    for (int i = 0; i < sequence.size(); i++) {
      assertThat(sequence.get(i)).as("no hole, no duplicate").isEqualTo(i);
    }
  }
}
