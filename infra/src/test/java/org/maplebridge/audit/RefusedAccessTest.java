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

/**
 * Every refused look at a record and every refused write to it is on record: who, which record,
 * what they attempted and when, for the supervisor of the record's unit.
 */
class RefusedAccessTest extends PlatformTest {

  @Test
  void refusedLooksAndWritesShowInTheAccessAuditOfTheRecordsSupervisor() {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    Response consent =
        alice.post(
            "/api/intakes/" + intake + "/consents",
            "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    String client =
        alice
            .with("X-Consistency-Token", consent.header("X-Consistency-Token"))
            .get("/api/intakes/" + intake)
            .json()
            .get("clientId")
            .asText();
    String provider =
        alice
            .get("/api/providers?serviceType=PSYCHIATRIC_ASSESSMENT")
            .json()
            .get(0)
            .get("id")
            .asText();
    String referral =
        alice
            .post(
                "/api/referrals",
                "{\"intakeId\":\""
                    + intake
                    + "\",\"serviceType\":\"PSYCHIATRIC_ASSESSMENT\",\"providerId\":\""
                    + provider
                    + "\",\"urgency\":\"URGENT\",\"reason\":\"Needs a review\","
                    + "\"disclosedFields\":[\"NAME\"]}")
            .id();
    Response crisisOpened =
        as("carol")
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"clientId\":\""
                    + client
                    + "\",\"summary\":\"Calls at night\"}");
    String crisis = crisisOpened.id();
    String token = crisisOpened.header("X-Consistency-Token");

    // Looks refused for scope (404) or role (403), once the read side knows every record.
    assertThat(read("dave", token, "/api/intakes/" + intake + "/history")).isEqualTo(404);
    assertThat(read("erin", token, "/api/crises/" + crisis + "/history")).isEqualTo(404);
    assertThat(read("dave", token, "/api/referrals/" + referral)).isEqualTo(404);
    assertThat(read("alice", token, "/api/referrals/" + referral + "/audit")).isEqualTo(403);
    assertThat(read("erin", token, "/api/clients/" + client + "/risk-alert")).isEqualTo(404);
    assertThat(read("bob", token, "/api/clients/" + client + "/risk-alert")).isEqualTo(403);

    // Writes refused by the records themselves; none of them changes a record.
    long intakeEvents = eventsOf(intake);
    assertThat(as("dave").post("/api/intakes/" + intake + "/notes", "{\"text\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(
            as("dave")
                .post(
                    "/api/intakes/" + intake + "/triage",
                    "{\"priority\":\"SOON\",\"rationale\":\"x\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            as("dave")
                .post(
                    "/api/intakes/" + intake + "/consents",
                    "{\"scope\":\"CONTACT\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}")
                .status())
        .isEqualTo(404);
    assertThat(as("sam").post("/api/intakes/" + intake + "/notes", "{\"text\":\"x\"}").status())
        .isEqualTo(403);
    assertThat(
            as("erin")
                .post(
                    "/api/crises/" + crisis + "/risk-assessments",
                    "{\"level\":\"LOW\",\"notes\":\"x\"}")
                .status())
        .isEqualTo(404);
    assertThat(as("dave").post("/api/referrals/" + referral + "/sending", "{}").status())
        .isEqualTo(404);
    assertThat(eventsOf(intake)).as("a refused write stores nothing").isEqualTo(intakeEvents);
    // Refused by role before the episode was read: recorded, but its unit is not known.
    assertThat(
            as("alice")
                .post(
                    "/api/crises/" + crisis + "/risk-assessments",
                    "{\"level\":\"LOW\",\"notes\":\"x\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM domainevententry
                    WHERE payloadtype LIKE '%.AccessRefused'
                      AND convert_from(payload, 'UTF8') LIKE :refusal
                    """)
                .param(
                    "refusal",
                    "%\"actor\":\"alice\"%\"attempted\":\"AssessRisk\"%\"recordId\":\""
                        + crisis
                        + "\",\"recordUnit\":null%")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(refusals(intake, "INTAKE"))
                  .containsExactlyInAnyOrder(
                      "dave FindIntakeHistory",
                      "dave AddSessionNote",
                      "dave TriageIntake",
                      "dave RecordConsent",
                      "sam AddSessionNote");
              assertThat(refusals(crisis, "CRISIS"))
                  .containsExactlyInAnyOrder("erin FindCrisisHistory", "erin AssessRisk");
              assertThat(refusals(referral, "REFERRAL"))
                  .containsExactlyInAnyOrder(
                      "dave FindReferral", "alice FindReferralAudit", "dave SendReferral");
              assertThat(refusals(client, "CLIENT"))
                  .containsExactlyInAnyOrder("erin FindRiskAlert", "bob FindRiskAlert");
            });

    String page = as("sam").get("/audit/access?recordId=" + intake).body();
    assertThat(page).contains("Refused").contains("AddSessionNote").contains("dave");
  }

  private int read(String user, String token, String path) {
    return as(user).with("X-Consistency-Token", token).get(path).status();
  }

  /** The refused attempts on a record as its unit's supervisor sees them: who, and what. */
  private List<String> refusals(String recordId, String recordType) {
    Response audit = as("sam").get("/api/audit/access?recordId=" + recordId);
    assertThat(audit.status()).isEqualTo(200);
    List<String> refused = new ArrayList<>();
    for (JsonNode entry : audit.json().get("items")) {
      if (entry.get("refused").asBoolean()) {
        assertThat(entry.get("recordType").asText()).isEqualTo(recordType);
        assertThat(entry.get("at").asText()).isNotBlank();
        refused.add(entry.get("viewer").asText() + " " + entry.path("attempted").asText());
      }
    }
    return refused;
  }
}
