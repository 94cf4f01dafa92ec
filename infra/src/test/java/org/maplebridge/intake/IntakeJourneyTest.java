package org.maplebridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/** Alice takes a person in over the API, from first contact to closure and back. */
class IntakeJourneyTest extends PlatformTest {

  @Test
  void aCounsellorTakesAPersonInFromFirstContactToClosure() {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    assertThat(opened.status()).isEqualTo(201);
    String id = opened.id();
    assertThat(opened.header("Location")).isEqualTo("/api/intakes/" + id);

    assertThat(
            alice
                .post(
                    "/api/intakes/" + id + "/consents",
                    """
                    {"scope":"COUNSELLING","givenBy":"CLIENT","method":"VERBAL"}""")
                .status())
        .isEqualTo(204);
    Response phq9 =
        alice.post(
            "/api/intakes/" + id + "/screenings",
            """
            {"instrument":"PHQ9","answers":[2,2,1,2,1,2,1,2,1]}""");
    assertThat(phq9.status()).isEqualTo(201);
    Response gad7 =
        alice.post(
            "/api/intakes/" + id + "/screenings",
            """
            {"instrument":"GAD7","answers":[3,3,2,2,3,3,1]}""");
    assertThat(gad7.status()).isEqualTo(201);

    Response tooLow =
        alice.post(
            "/api/intakes/" + id + "/triage",
            """
            {"priority":"ROUTINE","rationale":"Seems stable"}""");
    assertThat(tooLow.status()).isEqualTo(409);
    assertThat(tooLow.json().get("rule").asText())
        .isEqualTo("TriageIsNotBelowTheRiskAScreeningShowed");

    assertThat(
            alice
                .post(
                    "/api/intakes/" + id + "/triage",
                    """
                    {"priority":"EMERGENCY","rationale":"Self-harm thoughts, lives alone"}""")
                .status())
        .isEqualTo(204);
    assertThat(
            alice.post("/api/intakes/" + id + "/assignment", "{\"counsellor\":\"alice\"}").status())
        .isEqualTo(204);
    Response note =
        alice.post("/api/intakes/" + id + "/notes", "{\"text\":\"First session: safety plan\"}");
    assertThat(note.status()).isEqualTo(201);

    Api aliceReading = alice.with("X-Consistency-Token", note.header("X-Consistency-Token"));
    JsonNode caseload = aliceReading.everyPage("/api/caseload");
    JsonNode item = findCase(caseload, id);
    assertThat(item).as("case on alice's caseload").isNotNull();
    assertThat(item.get("clientReference").asText()).matches("C-\\d{4}-\\d{6}");
    assertThat(item.get("status").asText()).isEqualTo("ASSIGNED");
    assertThat(item.get("priority").asText()).isEqualTo("EMERGENCY");
    assertThat(item.get("riskFlag").asBoolean()).isTrue();
    assertThat(item.get("nextAction").asText())
        .as("item 9 above zero asks for a same-day C-SSRS first")
        .isEqualTo("SAME_DAY_CSSRS");
    assertThat(item.get("latestScores").toString())
        .contains("\"instrument\":\"PHQ9\",\"total\":14,\"band\":\"MODERATE\"")
        .contains("SELF_HARM_ITEM")
        .contains("\"instrument\":\"GAD7\",\"total\":17,\"band\":\"SEVERE\"");

    Response read = aliceReading.get("/api/intakes/" + id);
    assertThat(read.status()).isEqualTo(200);
    JsonNode intake = read.json();
    assertThat(intake.get("client").get("name").asText()).isEqualTo("Li Wei");
    assertThat(intake.get("assignedCounsellor").asText()).isEqualTo("alice");
    assertThat(intake.get("triage").get("priority").asText()).isEqualTo("EMERGENCY");
    assertThat(intake.get("screenings").get(0).get("instrument").asText()).isEqualTo("PHQ9");
    assertThat(intake.get("screenings").get(0).get("band").asText()).isEqualTo("MODERATE");
    assertThat(intake.get("screenings").get(0).get("flags").get(0).asText())
        .isEqualTo("SELF_HARM_ITEM");
    assertThat(intake.get("screenings").get(1).get("total").asInt()).isEqualTo(17);
    assertThat(intake.get("notes").get(0).get("text").asText())
        .isEqualTo("First session: safety plan");
    assertThat(read.header("ETag")).isEqualTo("\"" + (eventsOf(id) - 1) + "\"");

    Response closed =
        alice.post(
            "/api/intakes/" + id + "/closure",
            """
            {"reason":"GOALS_MET","summary":"Mood improved, plan in place"}""");
    assertThat(closed.status()).isEqualTo(204);
    Api afterClosing = alice.with("X-Consistency-Token", closed.header("X-Consistency-Token"));
    assertThat(findCase(afterClosing.everyPage("/api/caseload"), id)).as("closed case").isNull();
    assertThat(afterClosing.get("/api/intakes/" + id).json().get("status").asText())
        .isEqualTo("CLOSED");
    assertThat(alice.post("/api/intakes/" + id + "/notes", "{\"text\":\"Late\"}").status())
        .isEqualTo(409);

    Response reopened =
        alice.post("/api/intakes/" + id + "/reopening", "{\"reason\":\"Came back in spring\"}");
    assertThat(reopened.status()).isEqualTo(204);
    assertThat(
            findCase(
                alice
                    .with("X-Consistency-Token", reopened.header("X-Consistency-Token"))
                    .everyPage("/api/caseload"),
                id))
        .isNotNull();

    JsonNode history = aliceReading.get("/api/intakes/" + id + "/history").json().get("entries");
    List<String> steps = new ArrayList<>();
    history.forEach(
        step -> {
          steps.add(step.get("type").asText());
          assertThat(step.get("at").asText()).isNotBlank();
          assertThat(step.get("role").asText()).isEqualTo("COUNSELLOR");
          assertThat(step.get("by").asText()).isEqualTo("alice");
        });
    assertThat(steps)
        .containsExactly(
            "IntakeOpened",
            "ConsentRecorded",
            "ScreeningRecorded",
            "ClinicalReviewRequested",
            "IntakeTriaged",
            "ScreeningRecorded",
            "IntakeTriaged",
            "CounsellorAssigned",
            "SessionNoteAdded",
            "IntakeClosed",
            "IntakeReopened");
  }

  @Test
  void aHistoryAsOfAnEarlierMomentShowsTheCaseAsItStoodThen() throws Exception {
    Api alice = as("alice");
    String id = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + id + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    Thread.sleep(20);
    String between = java.time.Instant.now().toString();
    Thread.sleep(20);
    Response note = alice.post("/api/intakes/" + id + "/notes", "{\"text\":\"Later\"}");
    assertThat(note.status()).isEqualTo(201);

    JsonNode then =
        alice
            .with("X-Consistency-Token", note.header("X-Consistency-Token"))
            .get("/api/intakes/" + id + "/history?asOf=" + between)
            .json()
            .get("entries");
    assertThat(then).hasSize(2);
    assertThat(then.get(1).get("type").asText()).isEqualTo("ConsentRecorded");
  }

  private static JsonNode findCase(JsonNode caseload, String intakeId) {
    return findIn(caseload, "intakeId", intakeId);
  }
}
