package org.maplebridge.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * The C-SSRS decides, not the worker's impression: an intake's high-risk screening opens an episode
 * at that risk with its acknowledgement deadline, at the top of the board; an assessment below the
 * screener's answers is the supervisor's, with a written rationale; and closing goes by the highest
 * risk the episode has had.
 */
class CrisisScreeningRiskTest extends PlatformTest {
  private static final List<String> RISKS = List.of("LOW", "MODERATE", "HIGH", "IMMINENT");
  private static final String HIGH_ANSWERS = "[true,true,true,true,false,false]";

  @Test
  void anIntakesHighRiskScreeningOpensAnEpisodeAtThatRiskWithItsDeadlineAtTheTop() {
    Api carol = as("carol");
    String hotline =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    assertThat(
            carol
                .post("/api/crises/" + hotline + "/risk-assessments", "{\"level\":\"MODERATE\"}")
                .status())
        .isEqualTo(201);
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    Response screening =
        alice.post(
            "/api/intakes/" + intake + "/screenings",
            "{\"instrument\":\"CSSRS\",\"answers\":" + HIGH_ANSWERS + "}");
    assertThat(screening.status()).isEqualTo(201);
    // The alert's episode is named after the screening, so a redelivered alert opens no other.
    String episode =
        UUID.nameUUIDFromBytes(
                ("crisis-for-screening:" + screening.id()).getBytes(StandardCharsets.UTF_8))
            .toString();

    AtomicReference<JsonNode> board = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              board.set(carol.get("/api/crisis-board").json().get("items"));
              assertThat(findIn(board.get(), "crisisId", episode)).isNotNull();
              assertThat(findIn(board.get(), "crisisId", episode).get("risk").asText())
                  .isEqualTo("HIGH");
            });
    JsonNode alert = findIn(board.get(), "crisisId", episode);
    assertThat(alert.get("tier").asText()).isEqualTo("ON_CALL_SUPERVISOR");
    assertThat(alert.get("acknowledged").asBoolean()).isFalse();
    assertThat(alert.get("secondsLeft").asLong())
        .as("high risk's acknowledgement deadline, 15 minutes")
        .isBetween(600L, 900L);
    boolean passedAlert = false;
    for (JsonNode item : board.get()) {
      if (item == alert) {
        passedAlert = true;
      } else if (passedAlert) {
        assertThat(rank(item)).as("ranked below the alert").isLessThanOrEqualTo(rank(alert));
      } else {
        assertThat(rank(item)).as("ranked above the alert").isGreaterThanOrEqualTo(rank(alert));
      }
    }
    assertThat(indexOf(board.get(), hotline))
        .as("a moderate episode ranks below the alert")
        .isGreaterThan(indexOf(board.get(), episode));
  }

  @Test
  void theScreenersAnswersBindTheLevelUnlessTheSupervisorWritesWhy() {
    Api carol = as("carol");
    Api sam = as("sam");
    String id =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    Response chosenLow =
        carol.post(
            "/api/crises/" + id + "/risk-assessments",
            "{\"level\":\"LOW\",\"answers\":" + HIGH_ANSWERS + "}");
    assertThat(chosenLow.status()).as("high answers, low level").isEqualTo(409);
    assertThat(chosenLow.json().get("rule").asText())
        .isEqualTo("ALevelBelowTheScreenerNeedsTheSupervisorsRationale");
    assertThat(
            carol
                .post(
                    "/api/crises/" + id + "/risk-assessments",
                    "{\"level\":\"LOW\",\"answers\":"
                        + HIGH_ANSWERS
                        + ",\"rationale\":\"Sounded calm\"}")
                .status())
        .as("a worker's rationale is not the supervisor's agreement")
        .isEqualTo(409);
    assertThat(
            sam.post(
                    "/api/crises/" + id + "/risk-assessments",
                    "{\"level\":\"LOW\",\"answers\":" + HIGH_ANSWERS + "}")
                .status())
        .as("the supervisor writes why")
        .isEqualTo(409);
    Response agreed =
        sam.post(
            "/api/crises/" + id + "/risk-assessments",
            "{\"level\":\"LOW\",\"answers\":"
                + HIGH_ANSWERS
                + ",\"rationale\":\"The answers were about a novel she is writing\"}");
    assertThat(agreed.status()).isEqualTo(201);
    String token = agreed.header("X-Consistency-Token");
    assertThat(sam.with("X-Consistency-Token", token).get("/crises/" + id).body())
        .as("the supervisor's assessment form asks for the rationale")
        .contains("id=\"assess-rationale\"");
    assertThat(carol.with("X-Consistency-Token", token).get("/crises/" + id).body())
        .doesNotContain("id=\"assess-rationale\"");

    JsonNode episode =
        carol
            .with("X-Consistency-Token", agreed.header("X-Consistency-Token"))
            .get("/api/crises/" + id)
            .json();
    assertThat(episode.get("risk").asText()).isEqualTo("LOW");
    assertThat(episode.get("highestRisk").asText()).isEqualTo("HIGH");
    Response closing =
        carol.post(
            "/api/crises/" + id + "/closure", "{\"reason\":\"STABILISED\",\"summary\":\"Safe\"}");
    assertThat(closing.status())
        .as("closing goes by the highest risk the episode has had: the supervisor approves")
        .isEqualTo(202);
  }

  /** Clinical gap 5: the screener's skip logic. */
  @Test
  void questionsThreeToFiveAreAnsweredOnlyAfterAYesToQuestionTwo() {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    Response skipped =
        alice.post(
            "/api/intakes/" + intake + "/screenings",
            "{\"instrument\":\"CSSRS\",\"answers\":[true,false,true,false,false,false]}");
    assertThat(skipped.status()).isEqualTo(400);
    assertThat(skipped.body()).contains("question 2");
    String crisis =
        as("carol")
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    assertThat(
            as("carol")
                .post(
                    "/api/crises/" + crisis + "/risk-assessments",
                    "{\"level\":\"HIGH\",\"answers\":[false,false,false,true,false,false]}")
                .status())
        .isEqualTo(400);
  }

  /** Clinical gap 6: three failed attempts in a row lose the person, not three in all. */
  @Test
  void reachingThePersonBetweenFailedAttemptsKeepsThemInFollowUp() {
    Api carol = as("carol");
    String id =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    String soon = Instant.now().plusSeconds(3600).toString();
    String first =
        carol.post("/api/crises/" + id + "/follow-ups", "{\"dueAt\":\"" + soon + "\"}").id();
    String failed = "{\"reached\":false,\"notes\":\"No answer\"}";
    assertThat(complete(carol, id, first, failed)).isEqualTo(204);
    assertThat(complete(carol, id, first, "{\"reached\":true,\"level\":\"LOW\"}")).isEqualTo(204);
    String second =
        carol.post("/api/crises/" + id + "/follow-ups", "{\"dueAt\":\"" + soon + "\"}").id();
    assertThat(complete(carol, id, second, failed)).isEqualTo(204);
    Response last =
        carol.post("/api/crises/" + id + "/follow-ups/" + second + "/completion", failed);
    assertThat(last.status()).isEqualTo(204);
    JsonNode episode =
        carol
            .with("X-Consistency-Token", last.header("X-Consistency-Token"))
            .get("/api/crises/" + id)
            .json();
    assertThat(episode.get("lostToFollowUp").asBoolean()).isFalse();
    assertThat(episode.get("failedFollowUps").asInt()).isEqualTo(2);
  }

  /** Clinical gap 10: a safety plan says something, the person's reasons for living among it. */
  @Test
  void aSafetyPlanWithEveryStepEmptyIsRefused() {
    Api carol = as("carol");
    String id =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    Response empty =
        carol.post(
            "/api/crises/" + id + "/safety-plan",
            "{\"warningSigns\":[],\"internalCopingStrategies\":[],"
                + "\"peopleAndPlacesForDistraction\":[],\"peopleToAskForHelp\":[],"
                + "\"professionalsAndAgencies\":[],\"makingTheEnvironmentSafe\":[]}");
    assertThat(empty.status()).isEqualTo(400);
    Response reasons =
        carol.post(
            "/api/crises/" + id + "/safety-plan",
            "{\"warningSigns\":[\"Not sleeping\"],\"internalCopingStrategies\":[],"
                + "\"peopleAndPlacesForDistraction\":[],\"peopleToAskForHelp\":[],"
                + "\"professionalsAndAgencies\":[],\"makingTheEnvironmentSafe\":[],"
                + "\"reasonsForLiving\":[\"Her son\"]}");
    assertThat(reasons.status()).isEqualTo(204);
    Api reading = carol.with("X-Consistency-Token", reasons.header("X-Consistency-Token"));
    assertThat(
            reading
                .get("/api/crises/" + id)
                .json()
                .get("safetyPlan")
                .get("reasonsForLiving")
                .get(0)
                .asText())
        .isEqualTo("Her son");
    assertThat(reading.get("/crises/" + id).body()).contains("id=\"reasons-for-living\"");
  }

  private static int complete(Api api, String crisis, String followUp, String body) {
    return api.post("/api/crises/" + crisis + "/follow-ups/" + followUp + "/completion", body)
        .status();
  }

  private static int rank(JsonNode item) {
    return !item.hasNonNull("risk") ? -1 : RISKS.indexOf(item.get("risk").asText());
  }

  private static int indexOf(JsonNode items, String crisisId) {
    for (int i = 0; i < items.size(); i++) {
      if (crisisId.equals(items.get(i).get("crisisId").asText())) {
        return i;
      }
    }
    return -1;
  }
}
