package org.maplebridge.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Clinical gap 9: the on-call supervisor consulted on an episode, paged on it, or asked to approve
 * its closure sees its clinical content while that lasts, recorded as a CONSULT look and with no
 * emergency access to review; routine supervision stays masked.
 */
class SupervisorConsultAccessTest extends PlatformTest {

  @Test
  void theOnCallSupervisorSeesTheEpisodeWhileConsultedOrPagedAndMaskedOtherwise() {
    samAndCarolOnCall();
    Api carol = as("carol");
    Response opened =
        carol.post(
            "/api/crises",
            """
            {"channel":"HOTLINE","caller":"SELF","summary":"Took pills an hour ago",
             "callbackNumber":"+86 139 3333 4444"}""");
    String id = opened.id();

    JsonNode routine = sam(opened).get("/api/crises/" + id).json();
    assertThat(routine.has("summary")).as("routine supervision is masked").isFalse();

    Response high = carol.post("/api/crises/" + id + "/risk-assessments", "{\"level\":\"HIGH\"}");
    assertThat(high.status()).isEqualTo(201);
    JsonNode consulted = sam(high).get("/api/crises/" + id).json();
    assertThat(consulted.get("summary").asText()).isEqualTo("Took pills an hour ago");
    assertThat(consulted.get("whereabouts").get("callbackNumber").asText())
        .isEqualTo("+86 139 3333 4444");
    assertThat(consulted.get("scope").asText()).isEqualTo("CONSULT");
    assertThat(consulted.get("allowedActions").toString())
        .contains("RECORD_CONSULT")
        .doesNotContain("RECORD_SAFETY_PLAN");

    Response advice =
        as("sam")
            .post(
                "/api/crises/" + id + "/supervisor-consult",
                "{\"advice\":\"Ambulance if she stops answering\"}");
    assertThat(advice.status()).isEqualTo(204);
    assertThat(sam(advice).get("/api/crises/" + id).json().has("summary"))
        .as("the consult given, supervision is masked again")
        .isFalse();

    Response paged = carol.post("/api/crises/" + id + "/escalations", "{\"reason\":\"Drowsy\"}");
    assertThat(paged.status()).isEqualTo(201);
    assertThat(sam(paged).get("/api/crises/" + id).json().get("summary").asText())
        .as("paged at the supervisor's rung")
        .isEqualTo("Took pills an hour ago");
    assertThat(as("bob").get("/api/crises/" + id).status()).isEqualTo(404);

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              JsonNode looks =
                  as("sam").get("/api/audit/access?recordId=" + id + "&viewer=sam").json();
              boolean consultLook = false;
              for (JsonNode look : looks.get("items")) {
                consultLook |= "CONSULT".equals(look.get("purpose").asText());
                assertThat(look.get("purpose").asText()).isNotEqualTo("EMERGENCY_ACCESS");
              }
              assertThat(consultLook).as("the consult's looks are recorded as such").isTrue();
            });
  }

  @Test
  void theSupervisorWhoTookTheRungIsMaskedAgainOnceTheEpisodeIsDeescalated() {
    samAndCarolOnCall();
    Api carol = as("carol");
    String id =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\","
                    + "\"summary\":\"Consult-lifetime canary on the roof\"}")
            .id();
    assertThat(
            carol.post("/api/crises/" + id + "/risk-assessments", "{\"level\":\"HIGH\"}").status())
        .isEqualTo(201);
    assertThat(
            as("sam")
                .post(
                    "/api/crises/" + id + "/supervisor-consult",
                    "{\"advice\":\"Stay on the line\"}")
                .status())
        .isEqualTo(204);
    Response paged = carol.post("/api/crises/" + id + "/escalations", "{\"reason\":\"Drowsy\"}");
    assertThat(paged.status()).isEqualTo(201);
    String escalation =
        carol
            .with("X-Consistency-Token", paged.header("X-Consistency-Token"))
            .get("/api/crises/" + id)
            .json()
            .get("escalations")
            .get(0)
            .get("id")
            .asText();
    Response taken =
        as("sam").post("/api/crises/" + id + "/escalations/" + escalation + "/acknowledgement", "");
    assertThat(taken.status()).as(taken.toString()).isEqualTo(204);
    assertThat(sam(taken).get("/api/crises/" + id).json().get("scope").asText())
        .as("the rung taken, the consult is with him")
        .isEqualTo("CONSULT");

    Response calmer =
        carol.post("/api/crises/" + id + "/de-escalation", "{\"notes\":\"Calm, safe at home\"}");
    assertThat(calmer.status()).as(calmer.toString()).isEqualTo(204);
    JsonNode after = sam(calmer).get("/api/crises/" + id).json();
    assertThat(after.has("summary"))
        .as("de-escalated, the consult is over: routine supervision is masked again")
        .isFalse();
    assertThat(after.get("scope").asText()).isEqualTo("SUPERVISOR");
  }

  private void samAndCarolOnCall() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertThat(
            as("sam")
                .put(
                    "/api/units/north/on-call",
                    """
                    {"periods":[{"tier":"ON_CALL_SUPERVISOR","username":"sam","from":"%s","to":"%s"},
                     {"tier":"ON_CALL_CLINICIAN","username":"carol","from":"%s","to":"%s"}]}"""
                        .formatted(
                            now.minusSeconds(3600),
                            now.plus(Duration.ofDays(1)),
                            now.minusSeconds(3600),
                            now.plus(Duration.ofDays(1))))
                .status())
        .isEqualTo(204);
  }

  private Api sam(Response after) {
    return as("sam").with("X-Consistency-Token", after.header("X-Consistency-Token"));
  }
}
