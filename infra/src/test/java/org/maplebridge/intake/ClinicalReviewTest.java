package org.maplebridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * What a screening asks of the care team before it is a crisis (Columbia protocol): a moderate
 * C-SSRS puts a clinician's review and safety precautions on the counsellor's caseload, with a
 * deadline, until the care team records it.
 */
class ClinicalReviewTest extends PlatformTest {

  private String consentedIntake(Api alice) {
    String id = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + id + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    return id;
  }

  @Test
  void aModerateCssrsPutsAClinicianReviewWithADeadlineOnTheCounsellorsCaseload() {
    Api alice = as("alice");
    String id = consentedIntake(alice);
    Instant before = Instant.now();
    Response cssrs =
        alice.post(
            "/api/intakes/" + id + "/screenings",
            """
            {"instrument":"CSSRS","answers":[true,true,true,false,false,false]}""");
    assertThat(cssrs.status()).isEqualTo(201);

    Api reading = alice.with("X-Consistency-Token", cssrs.header("X-Consistency-Token"));
    JsonNode line = findCase(reading.everyPage("/api/caseload"), id);
    assertThat(line.get("nextAction").asText()).isEqualTo("CLINICIAN_REVIEW");
    assertThat(line.get("riskFlag").asBoolean()).isTrue();
    JsonNode review = line.get("reviews").get(0);
    assertThat(review.get("review").asText()).isEqualTo("CLINICIAN_REVIEW");
    assertThat(review.get("overdue").asBoolean()).isFalse();
    Instant due = Instant.parse(review.get("dueBy").asText());
    assertThat(due)
        .isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
    assertThat(line.get("nextActionDue").asText()).isEqualTo(review.get("dueBy").asText());

    assertThat(
            as("sam")
                .post("/api/intakes/" + id + "/clinical-review", "{\"outcome\":\"Fine\"}")
                .status())
        .as("supervision does not do the care team's review")
        .isEqualTo(403);

    Response done =
        alice.post(
            "/api/intakes/" + id + "/clinical-review",
            "{\"outcome\":\"Reviewed with Dr Zhao: means removed, safety plan made\"}");
    assertThat(done.status()).isEqualTo(204);
    Api after = alice.with("X-Consistency-Token", done.header("X-Consistency-Token"));
    assertThat(findCase(after.everyPage("/api/caseload"), id).get("reviews")).isEmpty();
    JsonNode intake = after.get("/api/intakes/" + id).json();
    assertThat(intake.get("reviews").get(0).get("doneBy").asText()).isEqualTo("alice");
    assertThat(intake.get("reviews").get(0).get("outcome").asText())
        .isEqualTo("Reviewed with Dr Zhao: means removed, safety plan made");

    Response again =
        alice.post("/api/intakes/" + id + "/clinical-review", "{\"outcome\":\"Again\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("rule").asText()).isEqualTo("OnlyAnOpenReviewIsDone");
  }

  @Test
  void selfHarmThoughtsAskForASameDayCssrsAndANegativeOneLetsTriageGoLowerWithARationale() {
    Api alice = as("alice");
    String id = consentedIntake(alice);
    Response phq9 =
        alice.post(
            "/api/intakes/" + id + "/screenings",
            """
            {"instrument":"PHQ9","answers":[1,1,0,1,0,1,0,0,1]}""");
    assertThat(phq9.status()).isEqualTo(201);
    Api reading = alice.with("X-Consistency-Token", phq9.header("X-Consistency-Token"));
    JsonNode line = findCase(reading.everyPage("/api/caseload"), id);
    assertThat(line.get("nextAction").asText()).isEqualTo("SAME_DAY_CSSRS");
    assertThat(line.get("reviews").get(0).get("review").asText()).isEqualTo("SAME_DAY_CSSRS");
    assertThat(line.get("priority").asText()).isEqualTo("URGENT");
    assertThat(line.has("crisisAlert")).as("no crisis alert by itself").isFalse();
    List<String> steps = new ArrayList<>();
    reading
        .get("/api/intakes/" + id + "/history")
        .json()
        .get("entries")
        .forEach(step -> steps.add(step.get("type").asText()));
    assertThat(steps).contains("ClinicalReviewRequested").doesNotContain("CrisisAlertRaised");

    String lower =
        """
        {"priority":"SOON","rationale":"C-SSRS negative; item 9 was about sleeping pills for rest"}""";
    Response tooEarly = alice.post("/api/intakes/" + id + "/triage", lower);
    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(tooEarly.json().get("rule").asText())
        .isEqualTo("TriageIsNotBelowTheRiskAScreeningShowed");

    Response cssrs =
        alice.post(
            "/api/intakes/" + id + "/screenings",
            """
            {"instrument":"CSSRS","answers":[false,false,false,false,false,false]}""");
    assertThat(cssrs.status()).isEqualTo(201);
    Response lowered = alice.post("/api/intakes/" + id + "/triage", lower);
    assertThat(lowered.status()).isEqualTo(204);
    Api after = alice.with("X-Consistency-Token", lowered.header("X-Consistency-Token"));
    JsonNode now = findCase(after.everyPage("/api/caseload"), id);
    assertThat(now.get("reviews")).as("the same-day C-SSRS was done").isEmpty();
    assertThat(now.get("priority").asText()).isEqualTo("SOON");
    JsonNode intake = after.get("/api/intakes/" + id).json();
    assertThat(intake.get("triage").get("rationale").asText())
        .isEqualTo("C-SSRS negative; item 9 was about sleeping pills for rest");
    assertThat(intake.get("reviews").get(0).get("doneBy").asText()).isEqualTo("alice");
  }

  private static JsonNode findCase(JsonNode caseload, String intakeId) {
    return findIn(caseload, "intakeId", intakeId);
  }
}
