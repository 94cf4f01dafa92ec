package org.maplebridge.crisis;

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

/** Carol takes a crisis call from first contact through rescue, safety plan and follow-up. */
class CrisisJourneyTest extends PlatformTest {

  @Test
  void aHotlineWorkerTakesAnImminentCallThroughRescueToFollowUp() {
    Api carol = as("carol");
    Api sam = as("sam");
    Response opened =
        carol.post(
            "/api/crises",
            """
            {"channel":"HOTLINE","caller":"SELF","summary":"Caller on a bridge, has been drinking"}""");
    assertThat(opened.status()).isEqualTo(201);
    String id = opened.id();

    Response assessed =
        carol.post(
            "/api/crises/" + id + "/risk-assessments",
            """
            {"level":"IMMINENT","answers":[true,true,true,true,true,false],"desire":true,
             "capability":true,"intent":true,"buffers":"Talks about her daughter",
             "notes":"On the bridge now"}""");
    assertThat(assessed.status()).isEqualTo(201);

    JsonNode board =
        carol
            .with("X-Consistency-Token", assessed.header("X-Consistency-Token"))
            .get("/api/crisis-board")
            .json();
    JsonNode item = findIn(board.get("items"), "crisisId", id);
    assertThat(item.get("risk").asText()).isEqualTo("IMMINENT");
    assertThat(item.get("tier").asText()).isEqualTo("ON_CALL_SUPERVISOR");
    assertThat(item.get("acknowledged").asBoolean()).isFalse();
    assertThat(item.get("secondsLeft").asLong()).isBetween(200L, 300L);
    assertThat(board.get("items").get(0).get("crisisId").asText())
        .as("imminent risk heads the board")
        .isEqualTo(id);

    String escalation = item.get("escalationId").asText();
    Response acknowledged =
        sam.post("/api/crises/" + id + "/escalations/" + escalation + "/acknowledgement", "");
    assertThat(acknowledged.status()).isEqualTo(204);
    assertThat(
            sam.post("/api/crises/" + id + "/escalations/" + escalation + "/acknowledgement", "")
                .status())
        .isEqualTo(409);

    assertThat(
            carol
                .post(
                    "/api/crises/" + id + "/emergency-dispatch",
                    """
                    {"agency":"AMBULANCE","reference":"120-20261127-0042",
                     "confidentialityBreakReason":"Imminent danger to life"}""")
                .status())
        .isEqualTo(204);
    assertThat(
            carol
                .post(
                    "/api/crises/" + id + "/rescue-confirmation",
                    "{\"outcome\":\"Ambulance crew with her, taken to hospital\"}")
                .status())
        .isEqualTo(204);
    assertThat(
            carol
                .post(
                    "/api/crises/" + id + "/safety-plan",
                    """
                    {"warningSigns":["Drinking alone"],"internalCopingStrategies":["Walk the dog"],
                     "peopleAndPlacesForDistraction":["Sister's flat"],"peopleToAskForHelp":["Sister"],
                     "professionalsAndAgencies":["Hotline 12356"],
                     "makingTheEnvironmentSafe":["Medication kept by sister"]}""")
                .status())
        .isEqualTo(204);

    Response afterPlan =
        carol.post(
            "/api/crises/" + id + "/de-escalation", "{\"notes\":\"Calmer, at the hospital\"}");
    Api carolReading = carol.with("X-Consistency-Token", afterPlan.header("X-Consistency-Token"));
    JsonNode crisis = carolReading.get("/api/crises/" + id).json();
    assertThat(crisis.get("rescue").get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(crisis.get("safetyPlanVersion").asInt()).isEqualTo(1);
    assertThat(crisis.get("safetyPlan").get("peopleToAskForHelp").get(0).asText())
        .isEqualTo("Sister");
    JsonNode followUp = crisis.get("followUps").get(0);
    assertThat(followUp.get("status").asText())
        .as("high risk gets a follow-up")
        .isEqualTo("PENDING");

    Response completed =
        carol.post(
            "/api/crises/" + id + "/follow-ups/" + followUp.get("id").asText() + "/completion",
            "{\"reached\":true,\"level\":\"LOW\",\"notes\":\"Home, sister staying\"}");
    assertThat(completed.status()).isEqualTo(204);

    Response closing =
        carol.post(
            "/api/crises/" + id + "/closure", "{\"reason\":\"STABILISED\",\"summary\":\"Safe\"}");
    assertThat(closing.status()).as("high risk closes with approval").isEqualTo(202);
    Response approved =
        sam.post(
            "/api/crises/" + id + "/closure", "{\"reason\":\"STABILISED\",\"summary\":\"Safe\"}");
    assertThat(approved.status()).isEqualTo(204);
    Api samReading = sam.with("X-Consistency-Token", approved.header("X-Consistency-Token"));
    assertThat(findIn(samReading.get("/api/crisis-board").json().get("items"), "crisisId", id))
        .isNull();

    JsonNode seenBySam = samReading.get("/api/crises/" + id).json();
    assertThat(seenBySam.get("closure").get("approvedBy").asText()).isEqualTo("sam");
    assertThat(seenBySam.has("summary")).as("no clinical content for the supervisor").isFalse();
    assertThat(seenBySam.has("safetyPlan")).isFalse();

    List<String> steps = new ArrayList<>();
    samReading
        .get("/api/crises/" + id + "/history")
        .json()
        .get("entries")
        .forEach(step -> steps.add(step.get("type").asText() + "/" + step.get("by").asText()));
    assertThat(steps)
        .containsSubsequence(
            "CrisisContactOpened/carol",
            "RiskAssessed/carol",
            "EscalationRaised/carol",
            "EscalationAcknowledged/sam",
            "EmergencyServicesDispatched/carol",
            "RescueConfirmed/carol",
            "SafetyPlanRecorded/carol",
            "FollowUpCompleted/carol",
            "ClosureApprovalRequested/carol",
            "CrisisClosed/sam");
  }

  @Test
  void onlyTheUnitsCrisisStaffSeeTheBoardAndItsEpisodes() {
    String id =
        as("carol")
            .post(
                "/api/crises",
                "{\"channel\":\"CHAT\",\"caller\":\"FAMILY\",\"summary\":\"Worried mother\"}")
            .id();
    assertThat(as("alice").get("/api/crisis-board").status()).isEqualTo(403);
    assertThat(as("admin").get("/api/crisis-board").status()).isEqualTo(403);
    assertThat(as("erin").get("/api/crises/" + id).status()).isEqualTo(404);
    assertThat(
            as("erin")
                .post("/api/crises/" + id + "/risk-assessments", "{\"level\":\"LOW\"}")
                .status())
        .isEqualTo(404);
    assertThat(as("alice").get("/api/crises/" + id).status()).isEqualTo(404);
    assertThat(
            as("carol").post("/api/crises/" + id + "/escalations", "{\"reason\":\"x\"}").status())
        .as("no escalation before a risk level")
        .isEqualTo(409);
    assertThat(
            as("carol")
                .post(
                    "/api/crises", "{\"channel\":\"PIGEON\",\"caller\":\"SELF\",\"summary\":\"x\"}")
                .status())
        .isEqualTo(400);
  }

  @Test
  void aScreeningShowingRiskPutsTheCaseOnTheCrisisBoard() {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    Response screening =
        alice.post(
            "/api/intakes/" + intake + "/screenings",
            "{\"instrument\":\"CSSRS\",\"answers\":[true,true,true,true,false,false]}");
    assertThat(screening.status()).isEqualTo(201);

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              JsonNode board = as("carol").get("/api/crisis-board").json();
              boolean fromIntake = false;
              for (JsonNode item : board.get("items")) {
                fromIntake |= "INTAKE_ALERT".equals(item.get("channel").asText());
              }
              assertThat(fromIntake).isTrue();
            });
    String clientId =
        alice
            .with("X-Consistency-Token", screening.header("X-Consistency-Token"))
            .get("/api/intakes/" + intake)
            .json()
            .get("clientId")
            .asText();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(as("carol").get("/api/clients/" + clientId + "/risk-alert").status())
                    .isEqualTo(200));
  }
}
