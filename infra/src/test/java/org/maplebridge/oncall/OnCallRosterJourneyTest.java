package org.maplebridge.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Sam keeps the north unit's on-call roster; its gaps show before they happen; and an escalation is
 * acknowledged by the person paged for its tier or someone on a higher tier, never by whoever
 * raised it and not by anyone else of the unit.
 */
class OnCallRosterJourneyTest extends PlatformTest {
  private static final String ROSTER = "/api/units/north/on-call";

  /** The roster is the unit's, shared with the other tests: leave it empty (a gap) as found. */
  @AfterEach
  void emptyTheRoster() {
    assertThat(as("sam").put(ROSTER, "{\"periods\":[]}").status()).isEqualTo(204);
  }

  private static String period(String tier, String username, Instant from, Instant to) {
    return "{\"tier\":\"%s\",\"username\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}"
        .formatted(tier, username, from, to);
  }

  @Test
  void theSupervisorKeepsTheRosterAndItsGapsShowBeforeTheyHappen() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant handover = now.plus(Duration.ofHours(2));
    Response set =
        as("sam")
            .put(
                ROSTER,
                "{\"periods\":["
                    + period(
                        "ON_CALL_SUPERVISOR",
                        "sam",
                        now.minusSeconds(3600),
                        now.plus(Duration.ofDays(8)))
                    + ","
                    + period("ON_CALL_CLINICIAN", "carol", now.minusSeconds(3600), handover)
                    + "]}");
    assertThat(set.status()).isEqualTo(204);

    JsonNode roster =
        as("carol")
            .with("X-Consistency-Token", set.header("X-Consistency-Token"))
            .get(ROSTER)
            .json();
    assertThat(roster.get("setBy").asText()).isEqualTo("sam");
    assertThat(roster.get("periods")).hasSize(2);
    assertThat(roster.get("gaps")).hasSize(1);
    JsonNode gap = roster.get("gaps").get(0);
    assertThat(gap.get("tier").asText()).isEqualTo("ON_CALL_CLINICIAN");
    assertThat(Instant.parse(gap.get("from").asText())).isEqualTo(handover);
    JsonNode boardGaps =
        as("carol")
            .with("X-Consistency-Token", set.header("X-Consistency-Token"))
            .get("/api/crisis-board")
            .json()
            .get("rosterGaps");
    assertThat(boardGaps).as("the board warns of the gap before it happens").hasSize(1);
    assertThat(boardGaps.get(0).get("tier").asText()).isEqualTo("ON_CALL_CLINICIAN");
    assertThat(Instant.parse(boardGaps.get(0).get("from").asText())).isEqualTo(handover);

    assertThat(as("carol").put(ROSTER, "{\"periods\":[]}").status())
        .as("a crisis worker does not keep the roster")
        .isEqualTo(403);
    assertThat(as("sam").put("/api/units/south/on-call", "{\"periods\":[]}").status())
        .as("nor another unit's supervisor")
        .isEqualTo(403);
    assertThat(as("erin").get(ROSTER).status()).isEqualTo(403);
    assertThat(as("alice").get(ROSTER).status()).isEqualTo(403);
    assertThat(
            as("sam")
                .put(
                    ROSTER,
                    "{\"periods\":[" + period("ON_CALL_CLINICIAN", "alice", now, handover) + "]}")
                .status())
        .as("a counsellor is not on the crisis roster")
        .isEqualTo(400);
    assertThat(
            as("sam")
                .put(
                    ROSTER,
                    "{\"periods\":["
                        + period("ON_CALL_CLINICIAN", "carol", now, handover)
                        + ","
                        + period("ON_CALL_CLINICIAN", "sam", now.plusSeconds(60), handover)
                        + "]}")
                .status())
        .as("two holders of a tier at once")
        .isEqualTo(409);
    assertThat(as("sam").put(ROSTER, "{\"periods\":[{\"tier\":\"ON_CALL_CLINICIAN\"}]}").status())
        .isEqualTo(400);
  }

  @Test
  void theRosterHasAPageInBothLanguagesAndTheBoardAndDashboardShowItsGaps() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Response set =
        as("sam")
            .put(
                ROSTER,
                "{\"periods\":["
                    + period(
                        "ON_CALL_SUPERVISOR",
                        "sam",
                        now.minusSeconds(60),
                        now.plus(Duration.ofDays(8)))
                    + ","
                    + period(
                        "ON_CALL_CLINICIAN",
                        "carol",
                        now.minusSeconds(60),
                        now.plusSeconds(3 * 3600))
                    + "]}");
    String token = set.header("X-Consistency-Token");

    String keeper = as("sam").with("X-Consistency-Token", token).get("/on-call").body();
    assertThat(keeper).contains("id=\"roster-form\"", "id=\"roster-gaps\"", "Nobody on call");
    assertThat(keeper).contains("value=\"carol\"");
    String reader =
        as("carol").with("X-Consistency-Token", token).get("/on-call?lang=zh-CN").body();
    assertThat(reader).contains("值班表", "无人值班").doesNotContain("roster-form");
    assertThat(as("alice").get("/on-call").status()).isEqualTo(403);

    assertThat(as("carol").with("X-Consistency-Token", token).get("/crisis-board").body())
        .contains("id=\"roster-gaps\"", "On-call clinician");
    assertThat(as("sam").with("X-Consistency-Token", token).get("/dashboard").body())
        .contains("id=\"roster-gaps\"");
    JsonNode dashboard = as("sam").with("X-Consistency-Token", token).get("/api/dashboard").json();
    assertThat(dashboard.get("rosterGaps")).hasSize(1);
  }

  @Test
  void thePersonPagedOrAHigherTierAcknowledgesNeverWhoeverRaisedIt() {
    Instant now = Instant.now();
    assertThat(
            as("sam")
                .put(
                    ROSTER,
                    "{\"periods\":["
                        + period(
                            "ON_CALL_SUPERVISOR",
                            "sam",
                            now.minusSeconds(60),
                            now.plusSeconds(7200))
                        + ","
                        + period(
                            "ON_CALL_CLINICIAN",
                            "carol",
                            now.minusSeconds(60),
                            now.plusSeconds(7200))
                        + "]}")
                .status())
        .isEqualTo(204);

    // Carol assesses imminent risk: the escalation to the on-call supervisor is hers.
    String imminent = opened(as("carol"));
    assertThat(
            as("carol")
                .post("/api/crises/" + imminent + "/risk-assessments", "{\"level\":\"IMMINENT\"}")
                .status())
        .isEqualTo(201);
    String first = escalationOf(imminent);
    assertThat(acknowledge("carol", imminent, first).status())
        .as("whoever raised it does not acknowledge it, even on a higher tier")
        .isEqualTo(409);
    assertThat(acknowledge("sam", imminent, first).status())
        .as("the on-call supervisor paged for it does")
        .isEqualTo(204);

    // Sam raises one himself: the holder of the higher tier, carol, answers it.
    String high = opened(as("sam"));
    assertThat(
            as("sam")
                .post("/api/crises/" + high + "/risk-assessments", "{\"level\":\"HIGH\"}")
                .status())
        .isEqualTo(201);
    Response raised =
        as("sam").post("/api/crises/" + high + "/escalations", "{\"reason\":\"Worried\"}");
    assertThat(raised.status()).isEqualTo(201);
    assertThat(acknowledge("sam", high, raised.id()).status()).isEqualTo(409);
    assertThat(acknowledge("carol", high, raised.id()).status()).isEqualTo(204);

    // With carol alone on call, the unit's supervisor is no longer the one paged.
    assertThat(
            as("sam")
                .put(
                    ROSTER,
                    "{\"periods\":["
                        + period(
                            "ON_CALL_SUPERVISOR",
                            "carol",
                            now.minusSeconds(60),
                            now.plusSeconds(7200))
                        + "]}")
                .status())
        .isEqualTo(204);
    String third = opened(as("sam"));
    as("sam").post("/api/crises/" + third + "/risk-assessments", "{\"level\":\"MODERATE\"}");
    Response escalated =
        as("sam").post("/api/crises/" + third + "/escalations", "{\"reason\":\"Worried\"}");
    assertThat(escalated.status()).isEqualTo(201);
    Response bySam = acknowledge("sam", third, escalated.id());
    assertThat(bySam.status()).as("not anyone of the unit").isEqualTo(409);
    assertThat(bySam.json().get("rule").asText())
        .isEqualTo("OnlyThePersonPagedOrAHigherTierAcknowledges");
    assertThat(acknowledge("carol", third, escalated.id()).status()).isEqualTo(204);
  }

  private static String opened(Api api) {
    return api.post(
            "/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
        .id();
  }

  private String escalationOf(String crisis) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              JsonNode escalations =
                  as("carol").get("/api/crises/" + crisis).json().get("escalations");
              return escalations == null || escalations.isEmpty()
                  ? null
                  : escalations.get(0).get("id").asText();
            },
            id -> id != null);
  }

  private Response acknowledge(String username, String crisis, String escalation) {
    return as(username)
        .post("/api/crises/" + crisis + "/escalations/" + escalation + "/acknowledgement", "");
  }
}
