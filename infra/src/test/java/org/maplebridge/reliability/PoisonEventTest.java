package org.maplebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * A projection that cannot handle one case's event parks it, and every later event of that case
 * behind it, in order; other cases keep flowing; health shows it; once the cause is fixed the admin
 * retries them and the case catches up in order.
 */
class PoisonEventTest extends PlatformTest {

  @Test
  void oneCasesPoisonEventIsParkedInOrderWhileOthersFlowAndIsRetriedAfterTheFix() {
    Api alice = as("alice");
    String poisoned = openWithConsent(alice);
    String healthy = openWithConsent(alice);
    // The fault: the read model's database refuses every update of this one case.
    jdbc.sql(
            """
            CREATE OR REPLACE FUNCTION refuse_poisoned_case() RETURNS trigger AS $$
            BEGIN
              IF NEW.intake_id = '%s' THEN RAISE EXCEPTION 'simulated fault for this case'; END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql
            """
                .formatted(poisoned))
        .update();
    jdbc.sql(
            "CREATE TRIGGER poisoned_case BEFORE UPDATE ON intake_view FOR EACH ROW"
                + " EXECUTE FUNCTION refuse_poisoned_case()")
        .update();
    try {
      for (int i = 1; i <= 3; i++) {
        assertThat(note(alice, poisoned, "Poisoned note " + i).status()).isEqualTo(201);
      }
      Response last = note(alice, healthy, "Healthy note");
      assertThat(
              alice
                  .with("X-Consistency-Token", last.header("X-Consistency-Token"))
                  .get("/api/intakes/" + healthy)
                  .body())
          .as("other cases keep flowing")
          .contains("Healthy note");

      Api admin = as("admin");
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(() -> assertThat(parkedTypes(admin, poisoned)).hasSize(3));
      assertThat(parkedTypes(admin, poisoned))
          .as("parked in the order they happened")
          .containsExactly("SessionNoteAdded/2", "SessionNoteAdded/3", "SessionNoteAdded/4");
      JsonNode health = as("admin").get("/actuator/health").json();
      assertThat(health.at("/components/eventProcessors/details/deadLetters").asLong())
          .isGreaterThanOrEqualTo(3);
      assertThat(alice.get("/api/intakes/" + poisoned).body()).doesNotContain("Poisoned note");
    } finally {
      jdbc.sql("DROP TRIGGER IF EXISTS poisoned_case ON intake_view").update();
    }

    JsonNode retried = as("admin").post("/api/admin/dead-letters/caseload/retry", "").json();
    assertThat(retried.get("stillParked").asLong()).isZero();
    String seen = alice.get("/api/intakes/" + poisoned).body();
    assertThat(seen).contains("Poisoned note 1", "Poisoned note 2", "Poisoned note 3");
    assertThat(seen.indexOf("Poisoned note 1")).isLessThan(seen.indexOf("Poisoned note 3"));
    assertThat(parkedTypes(as("admin"), poisoned)).isEmpty();
    assertThat(
            jdbc.sql("SELECT version FROM intake_view WHERE intake_id = CAST(:id AS uuid)")
                .param("id", poisoned)
                .query(Long.class)
                .single())
        .isEqualTo(eventsOf(poisoned) - 1);
  }

  private static String openWithConsent(Api alice) {
    String id = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + id + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    return id;
  }

  private static Response note(Api alice, String intake, String text) {
    return alice.post("/api/intakes/" + intake + "/notes", "{\"text\":\"" + text + "\"}");
  }

  private static List<String> parkedTypes(Api admin, String intake) {
    List<String> types = new ArrayList<>();
    for (JsonNode record : admin.get("/api/admin/dead-letters").json()) {
      for (JsonNode event : record.get("events")) {
        if (intake.equals(event.get("recordId").asText())) {
          types.add(event.get("eventType").asText() + "/" + event.get("sequenceNumber").asLong());
        }
      }
    }
    return types;
  }
}
