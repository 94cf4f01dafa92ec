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

    // Newest first.
    List<String> expected =
        List.of(
            "dave COUNSELLOR refused",
            "sam SUPERVISOR case,masked-identity",
            "bob COUNSELLOR refused",
            "alice COUNSELLOR identity,clinical,case",
            "alice COUNSELLOR identity,clinical,case");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              List<String> seen = new ArrayList<>();
              for (JsonNode entry :
                  as("sam").get("/api/audit/access?recordId=" + id).json().get("items")) {
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
    assertThat(as("sam").everyPage("/api/audit/access?viewer=bob").toString()).contains(id);
  }

  @Test
  void aHistoryAsOfAMomentShowsWhoHadViewedTheRecordByThen() throws Exception {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    String id = opened.id();
    assertThat(
            alice
                .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
                .get("/api/intakes/" + id)
                .status())
        .isEqualTo(200);
    assertThat(as("bob").get("/api/intakes/" + id).status()).isEqualTo(404);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                as("sam").get("/api/audit/access?recordId=" + id).json().get("items").size() == 2);
    Thread.sleep(20);
    String then = java.time.Instant.now().toString();
    Thread.sleep(20);
    assertThat(as("sam").get("/api/intakes/" + id).status()).isEqualTo(200);

    JsonNode asSupervisorSawIt =
        as("sam").get("/api/intakes/" + id + "/history?asOf=" + then).json();
    assertThat(asSupervisorSawIt.get("asOf").asText()).isNotBlank();
    assertThat(asSupervisorSawIt.get("entries")).hasSize(1);
    List<String> views = new ArrayList<>();
    asSupervisorSawIt
        .get("views")
        .forEach(
            view ->
                views.add(
                    view.get("viewer").asText()
                        + (view.get("refused").asBoolean() ? " refused" : " viewed")));
    assertThat(views)
        .as("who had looked by then; sam's own later look is not in it")
        .containsExactly("alice viewed", "bob refused");

    JsonNode asCounsellorSeesIt = alice.get("/api/intakes/" + id + "/history").json();
    asCounsellorSeesIt
        .get("views")
        .forEach(view -> assertThat(view.get("viewer").asText()).isEqualTo("alice"));
  }

  @Test
  void theSupervisorBreaksTheGlassSeesEverythingAndTheAccessIsAuditedAndReviewed() {
    Api alice = as("alice");
    String id = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + id + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    Response note = alice.post("/api/intakes/" + id + "/notes", "{\"text\":\"Talks of a plan\"}");
    Api sam = as("sam").with("X-Consistency-Token", note.header("X-Consistency-Token"));
    assertThat(sam.get("/api/intakes/" + id).body()).doesNotContain("Li Wei", "Talks of a plan");

    assertThat(
            as("alice")
                .post("/api/emergency-access", "{\"recordId\":\"" + id + "\",\"reason\":\"x\"}")
                .status())
        .isEqualTo(403);
    Response glass =
        as("sam")
            .post(
                "/api/emergency-access",
                "{\"recordId\":\""
                    + id
                    + "\",\"reason\":\"Police report: client missing, need contacts\"}");
    assertThat(glass.status()).isEqualTo(201);

    JsonNode seen =
        as("sam")
            .with("X-Consistency-Token", glass.header("X-Consistency-Token"))
            .get("/api/intakes/" + id)
            .json();
    assertThat(seen.get("scope").asText()).isEqualTo("EMERGENCY");
    assertThat(seen.get("client").get("name").asText()).isEqualTo("Li Wei");
    assertThat(seen.get("notes").get(0).get("text").asText()).isEqualTo("Talks of a plan");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(as("sam").get("/api/audit/access?recordId=" + id + "&viewer=sam").body())
                    .contains("EMERGENCY_ACCESS"));
    JsonNode grants = as("sam").get("/api/emergency-access").json();
    JsonNode grant = findIn(grants, "id", glass.id());
    assertThat(grant.get("active").asBoolean()).isTrue();
    assertThat(grant.path("reviewedBy").isNull()).as("awaiting review").isTrue();
    assertThat(as("carol").get("/api/emergency-access").status()).isEqualTo(403);

    assertThat(
            as("sam")
                .post(
                    "/api/emergency-access/" + glass.id() + "/review",
                    "{\"finding\":\"Justified\"}")
                .status())
        .as("a supervisor's own grant is the privacy officer's to review")
        .isEqualTo(403);
    Response reviewed =
        as("pat")
            .post("/api/emergency-access/" + glass.id() + "/review", "{\"finding\":\"Justified\"}");
    assertThat(reviewed.status()).isEqualTo(204);
    JsonNode after =
        findIn(
            as("sam")
                .with("X-Consistency-Token", reviewed.header("X-Consistency-Token"))
                .get("/api/emergency-access")
                .json(),
            "id",
            glass.id());
    assertThat(after.get("reviewedBy").asText()).isEqualTo("pat");
  }

  @Test
  void brokenGlassOpensACrisisEpisodeToTheSupervisor() {
    String crisis =
        as("carol")
            .post(
                "/api/crises",
                "{\"channel\":\"CHAT\",\"caller\":\"SELF\",\"summary\":\"Says goodbye\"}")
            .id();
    Response glass =
        as("sam")
            .post(
                "/api/emergency-access",
                "{\"recordId\":\"" + crisis + "\",\"reason\":\"Chat went silent\"}");
    assertThat(glass.status()).isEqualTo(201);
    JsonNode seen =
        as("sam")
            .with("X-Consistency-Token", glass.header("X-Consistency-Token"))
            .get("/api/crises/" + crisis)
            .json();
    assertThat(seen.get("scope").asText()).isEqualTo("EMERGENCY");
    assertThat(seen.get("summary").asText()).isEqualTo("Says goodbye");
  }
}
