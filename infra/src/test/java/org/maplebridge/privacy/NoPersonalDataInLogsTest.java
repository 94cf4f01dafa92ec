package org.maplebridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The counsellor's and the crisis worker's journeys, with a unique canary in every personal and
 * clinical field, with bad input and refused steps on the way and a projection failing on a
 * duplicate key: no canary reaches the log, a problem body or a dead-letter cause.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTest extends PlatformTest {
  private final String tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  private final List<String> canaries = new ArrayList<>();
  private final List<Response> problems = new ArrayList<>();

  /** A unique word for a free-text field. */
  private String canary(String field) {
    String value = "Canary" + field + tag;
    canaries.add(value);
    return value;
  }

  /** A unique run of digits, for fields that take digits only. */
  private String digits() {
    String value = "1" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    canaries.add(value);
    return value;
  }

  @Test
  void noCanaryReachesTheLogAProblemBodyOrADeadLetterCause(CapturedOutput output) {
    String phone = digits();
    // A second client with the same phone: the read model below refuses it as a duplicate key,
    // the error PostgreSQL reports with the row's values as detail.
    jdbc.sql(
            "CREATE UNIQUE INDEX canary_phone ON client_identity (phone) WHERE phone LIKE '%"
                + phone
                + "'")
        .update();
    List<String> causes;
    String listed;
    try {
      counsellorJourney(phone);
      crisisJourney();
      badInput();
      causes =
          jdbc.sql(
                  "SELECT coalesce(causetype, '') || ': ' || coalesce(causemessage, '') FROM"
                      + " deadletterentry")
              .query(String.class)
              .list();
      listed = as("admin").get("/api/admin/dead-letters").body();
    } finally {
      jdbc.sql("DROP INDEX IF EXISTS canary_phone").update();
      // The cause is gone: the parked event goes through, leaving the queue as other tests expect.
      as("admin").post("/api/admin/dead-letters/caseload/retry", "");
    }
    assertThat(causes).as("the duplicate key was parked").isNotEmpty();
    assertThat(listed).contains("duplicate key");

    assertThat(problems).as("refusals and bad input on the way").hasSizeGreaterThan(3);
    for (String canary : canaries) {
      assertThat(output.getAll()).as("log").doesNotContain(canary);
      assertThat(String.join("\n", causes)).as("dead-letter causes").doesNotContain(canary);
      assertThat(listed).as("dead letters listed to the admin").doesNotContain(canary);
      for (Response problem : problems) {
        assertThat(problem.body()).as("problem body %s", problem).doesNotContain(canary);
      }
    }
  }

  private void counsellorJourney(String phone) {
    Api alice = as("alice");
    String id = expect(201, alice.post("/api/intakes", intake(phone))).id();
    expect(
        204,
        alice.post(
            "/api/intakes/" + id + "/consents",
            "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}"));
    expect(
        201,
        alice.post(
            "/api/intakes/" + id + "/screenings",
            "{\"instrument\":\"PHQ9\",\"answers\":[2,2,1,2,1,2,1,2,1]}"));
    expect(
        409,
        alice.post(
            "/api/intakes/" + id + "/triage",
            "{\"priority\":\"ROUTINE\",\"rationale\":\"" + canary("Rationale") + "\"}"));
    expect(
        204,
        alice.post(
            "/api/intakes/" + id + "/triage",
            "{\"priority\":\"EMERGENCY\",\"rationale\":\"" + canary("Rationale") + "\"}"));
    expect(204, alice.post("/api/intakes/" + id + "/assignment", "{\"counsellor\":\"alice\"}"));
    expect(
        201, alice.post("/api/intakes/" + id + "/notes", "{\"text\":\"" + canary("Note") + "\"}"));
    refused(
        as("dave").post("/api/intakes/" + id + "/notes", "{\"text\":\"" + canary("Note") + "\"}"));
    expect(
        204,
        alice.post(
            "/api/intakes/" + id + "/closure",
            "{\"reason\":\"GOALS_MET\",\"summary\":\"" + canary("Summary") + "\"}"));
    expect(
        409,
        alice.post("/api/intakes/" + id + "/notes", "{\"text\":\"" + canary("LateNote") + "\"}"));
    Response reopened =
        expect(
            204,
            alice.post(
                "/api/intakes/" + id + "/reopening",
                "{\"reason\":\"" + canary("Reopening") + "\"}"));
    expect(
        200,
        alice
            .with("X-Consistency-Token", reopened.header("X-Consistency-Token"))
            .get("/api/intakes/" + id));

    // Another person with the same phone: the caseload's unique index refuses the second row.
    expect(201, alice.post("/api/intakes", intake(phone)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> jdbc.sql("SELECT count(*) FROM deadletterentry").query(Long.class).single() > 0);
  }

  private String intake(String phone) {
    return """
        {"client":{"name":"%s","birthDate":"1990-03-04","phone":"+86 %s",
                   "nationalId":"%s","address":"%s"},
         "source":"WALK_IN","concern":"%s","urgency":"SOON"}"""
        .formatted(
            canary("Name"), phone, canary("NationalId"), canary("Address"), canary("Concern"));
  }

  private void crisisJourney() {
    Api carol = as("carol");
    Api sam = as("sam");
    String id =
        expect(
                201,
                carol.post(
                    "/api/crises",
                    "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\""
                        + canary("CrisisSummary")
                        + "\"}"))
            .id();
    Response assessed =
        expect(
            201,
            carol.post(
                "/api/crises/" + id + "/risk-assessments",
                """
                {"level":"IMMINENT","answers":[true,true,true,true,true,false],"desire":true,
                 "capability":true,"intent":true,"buffers":"%s","notes":"%s"}"""
                    .formatted(canary("Buffers"), canary("RiskNotes"))));
    JsonNode board =
        carol
            .with("X-Consistency-Token", assessed.header("X-Consistency-Token"))
            .get("/api/crisis-board")
            .json();
    String escalation = findIn(board.get("items"), "crisisId", id).get("escalationId").asText();
    String acknowledgement =
        "/api/crises/" + id + "/escalations/" + escalation + "/acknowledgement";
    expect(204, sam.post(acknowledgement, ""));
    expect(409, sam.post(acknowledgement, ""));
    expect(
        204,
        carol.post(
            "/api/crises/" + id + "/emergency-dispatch",
            "{\"agency\":\"AMBULANCE\",\"reference\":\"120-1\",\"confidentialityBreakReason\":\""
                + canary("BreakReason")
                + "\"}"));
    expect(
        204,
        carol.post(
            "/api/crises/" + id + "/rescue-confirmation",
            "{\"outcome\":\"" + canary("Outcome") + "\"}"));
    expect(
        204,
        carol.post(
            "/api/crises/" + id + "/safety-plan",
            """
            {"warningSigns":["%s"],"internalCopingStrategies":["%s"],
             "peopleAndPlacesForDistraction":["x"],"peopleToAskForHelp":["%s"],
             "professionalsAndAgencies":["x"],"makingTheEnvironmentSafe":["x"]}"""
                .formatted(canary("Warning"), canary("Coping"), canary("Helper"))));
    expect(
        204,
        carol.post(
            "/api/crises/" + id + "/de-escalation",
            "{\"notes\":\"" + canary("DeEscalation") + "\"}"));
    refused(
        as("erin")
            .post(
                "/api/crises/" + id + "/de-escalation",
                "{\"notes\":\"" + canary("DeEscalation") + "\"}"));
    expect(
        202,
        carol.post(
            "/api/crises/" + id + "/closure",
            "{\"reason\":\"STABILISED\",\"summary\":\"" + canary("CrisisClosure") + "\"}"));
  }

  /** Malformed and invalid requests carrying personal data: the problem must not echo it. */
  private void badInput() {
    Api alice = as("alice");
    String name = canary("BadName");
    expect(
        400,
        alice.post(
            "/api/intakes",
            """
            {"client":{"name":"%s","birthDate":"%s","phone":"%s"},
             "source":"WALK_IN","concern":"x","urgency":"SOON"}"""
                .formatted(name, canary("BirthDate"), canary("Phone"))));
    expect(
        400,
        alice.post(
            "/api/intakes",
            """
            {"client":{"name":"%s","birthDate":"1990-01-01","phone":"%s"},
             "source":"WALK_IN","concern":"x","urgency":"SOON"}"""
                .formatted(name, canary("Phone"))));
    expect(
        400,
        alice.post("/api/intakes", "{\"client\":{\"name\":\"" + name + "\"," + canary("Broken")));
    expect(
        400,
        alice.post(
            "/api/intakes",
            "{\"client\":{\"name\":\"" + name + "\"},\"source\":\"" + canary("Source") + "\"}"));
  }

  /** Another unit's worker: refused, or told the record is not in reach. */
  private void refused(Response response) {
    assertThat(response.status()).as(response.toString()).isIn(403, 404);
    problems.add(response);
  }

  private Response expect(int status, Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    if (status >= 400) {
      problems.add(response);
    }
    return response;
  }
}
