package org.maplebridge.audit;

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

/** Every look at a person's record is a recorded fact, refused attempts included. */
class AccessAuditTest extends PlatformTest {

  @Test
  void aScriptedSessionOfViewsProducesExactlyTheExpectedAccessEvents() {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    String id = opened.id();
    String token = opened.header("X-Consistency-Token");

    assertThat(alice.with("X-Consistency-Token", token).get("/api/intakes/" + id).status())
        .isEqualTo(200);
    assertThat(alice.get("/api/intakes/" + id + "/history").status()).isEqualTo(200);
    assertThat(as("bob").get("/api/intakes/" + id).status()).isEqualTo(404);
    assertThat(as("sam").get("/api/intakes/" + id).status()).isEqualTo(200);
    assertThat(as("dave").get("/api/intakes/" + id).status()).isEqualTo(404);

    List<String> expected =
        List.of(
            "alice COUNSELLOR identity,clinical,case",
            "alice COUNSELLOR identity,clinical,case",
            "bob COUNSELLOR refused",
            "sam SUPERVISOR case,masked-identity",
            "dave COUNSELLOR refused");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              List<String> seen = new ArrayList<>();
              for (JsonNode entry : as("sam").get("/api/audit/access?recordId=" + id).json()) {
                seen.add(
                    entry.get("viewer").asText()
                        + " "
                        + entry.get("viewerRole").asText()
                        + " "
                        + (entry.get("refused").asBoolean()
                            ? "refused"
                            : entry.get("scope").asText()));
                assertThat(entry.get("purpose").asText()).isEqualTo("ROUTINE");
                assertThat(entry.get("recordType").asText()).isEqualTo("INTAKE");
              }
              assertThat(seen).containsExactlyElementsOf(expected);
            });

    assertThat(alice.get("/api/audit/access").status()).isEqualTo(403);
    assertThat(as("sam").get("/api/audit/access?viewer=bob").body()).contains(id);
  }
}
