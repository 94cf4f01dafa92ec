package org.maplebridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Broken glass is never refused, but it is reviewed once, by someone else: the unit's supervisor
 * for a crisis worker's grant, the privacy officer for a supervisor's; the care team is told, and
 * who breaks the glass often is flagged to the privacy officer.
 */
class EmergencyAccessReviewTest extends PlatformTest {

  private String glass(Api who, String recordId) {
    Response granted =
        who.post(
            "/api/emergency-access",
            "{\"recordId\":\"" + recordId + "\",\"reason\":\"Caller at risk, need the address\"}");
    assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
    return granted.id();
  }

  private static int review(Api who, String grant, String finding) {
    return who.post(
            "/api/emergency-access/" + grant + "/review", "{\"finding\":\"" + finding + "\"}")
        .status();
  }

  @Test
  void aSupervisorDoesNotReviewHisOwnGrantThePrivacyOfficerDoesOnce() {
    Api sam = as("sam");
    Api pat = as("pat");
    String intake = as("alice").post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String grant = glass(sam, intake);

    assertThat(review(sam, grant, "Justified")).as("his own grant").isEqualTo(403);
    assertThat(review(as("dave"), grant, "Justified")).isEqualTo(403);
    assertThat(review(pat, grant, "Justified: client missing")).isEqualTo(204);
    assertThat(review(pat, grant, "Not justified after all"))
        .as("a later review overwrites nothing")
        .isEqualTo(409);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode seen = findIn(pat.get("/api/emergency-access").json(), "id", grant);
              assertThat(seen).isNotNull();
              assertThat(seen.get("reviewedBy").asText()).isEqualTo("pat");
              assertThat(seen.get("finding").asText()).isEqualTo("Justified: client missing");
              assertThat(seen.get("reviewer").asText()).isEqualTo("PRIVACY_OFFICER");
            });
  }

  @Test
  void aCrisisWorkersGrantIsTheUnitSupervisorsToReviewAndTheCareTeamIsTold() {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String grant = glass(as("carol"), intake);

    assertThat(review(as("carol"), grant, "Fine")).isEqualTo(403);
    assertThat(review(as("pat"), grant, "Fine")).as("not the privacy officer's").isEqualTo(403);
    assertThat(review(as("sam"), grant, "Justified")).isEqualTo(204);
    assertThat(review(as("sam"), grant, "Again")).isEqualTo(409);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode line = findIn(alice.everyPage("/api/caseload"), "intakeId", intake);
              assertThat(line).isNotNull();
              assertThat(line.get("notices").toString())
                  .contains("EMERGENCY_ACCESS")
                  .contains("carol");
              assertThat(alice.get("/api/intakes/" + intake).json().get("notices").toString())
                  .contains("EMERGENCY_ACCESS")
                  .contains("Caller at risk, need the address");
            });
    assertThat(alice.get("/intakes/" + intake).body()).contains("id=\"notices\"");
  }

  @Test
  void brokenGlassOnACrisisEpisodeIsToldToItsCrisisStaff() {
    Api carol = as("carol");
    String crisis =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Calls at night\"}")
            .id();
    glass(as("sam"), crisis);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        carol
                            .get("/api/crises/" + crisis)
                            .json()
                            .get("emergencyAccesses")
                            .toString())
                    .contains("\"by\":\"sam\"")
                    .contains("Caller at risk, need the address"));
    assertThat(carol.get("/crises/" + crisis).body()).contains("id=\"notices\"");
  }

  @Test
  void whoBreaksTheGlassOftenIsFlaggedToThePrivacyOfficerAndNeverRefused() {
    Api cora = addStaff("cora", "CRISIS_WORKER", "north", "breaks-glass-often");
    String intake = as("alice").post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String first = glass(cora, intake);
    String second = glass(cora, intake);
    String third = glass(cora, intake);

    Api pat = as("pat");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode grants = pat.get("/api/emergency-access").json();
              assertThat(findIn(grants, "id", third)).isNotNull();
              assertThat(findIn(grants, "id", first).get("repeated").asBoolean()).isFalse();
              assertThat(findIn(grants, "id", second).get("repeated").asBoolean()).isFalse();
              assertThat(findIn(grants, "id", third).get("repeated").asBoolean())
                  .as("the third in 7 days")
                  .isTrue();
            });
    assertThat(pat.get("/emergency-access").body()).contains("class=\"error repeated\"");
  }

  @Test
  void thePrivacyOfficerSeesTheAuditOfEveryUnitButNoPersonsContent() {
    Response opened = as("dave").post("/api/intakes", NEW_CLIENT_INTAKE);
    String southCase = opened.id();
    as("dave")
        .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
        .get("/api/intakes/" + southCase);
    Api pat = as("pat");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        pat.get("/api/audit/access?recordId=" + southCase)
                            .json()
                            .get("items")
                            .toString())
                    .contains("dave"));
    assertThat(pat.everyPage("/api/audit/access").toString()).doesNotContain("Li Wei");
    assertThat(pat.get("/api/intakes/" + southCase).status()).isEqualTo(404);
    assertThat(pat.get("/api/caseload").status()).isEqualTo(403);
    assertThat(pat.get("/audit/access").status()).isEqualTo(200);
  }
}
