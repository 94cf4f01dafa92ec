package org.maplebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.springframework.test.context.TestPropertySource;

/**
 * With deadlines of seconds: nobody answers an imminent call and the ladder climbs by itself; an
 * unconfirmed rescue is chased; an unanswered referral becomes overdue for the supervisor.
 */
@TestPropertySource(
    properties = {
      "maplebridge.deadlines.escalation-ack.imminent=PT2S",
      "maplebridge.deadlines.escalation-ack.high=PT2S",
      "maplebridge.deadlines.rescue-confirmation=PT3S",
      "maplebridge.deadlines.referral-response.urgent=PT2S",
      "maplebridge.emergency-access.duration=PT3S"
    })
class DeadlinesTest extends PlatformTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anImminentEpisodeNobodyAcknowledgesClimbsTheLadderOnItsOwnAndTheBoardShowsIt()
      throws Exception {
    Api carol = as("carol");
    String id =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();

    // Sam watches the live board before anything happens.
    List<JsonNode> seenBySam = new ArrayList<>();
    CompletableFuture<Void> watching = watchLiveBoard("sam", seenBySam, id);

    carol.post("/api/crises/" + id + "/risk-assessments", "{\"level\":\"IMMINENT\"}");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode item =
                  findIn(as("sam").get("/api/crisis-board").json().get("items"), "crisisId", id);
              assertThat(item).as("on the board").isNotNull();
              assertThat(item.path("tier").asText()).isEqualTo("EMERGENCY_SERVICES");
              assertThat(item.get("missedDeadlines").asInt()).isGreaterThanOrEqualTo(2);
            });
    JsonNode crisis = as("sam").get("/api/crises/" + id).json();
    List<String> tiers = new ArrayList<>();
    crisis
        .get("escalations")
        .forEach(
            escalation ->
                tiers.add(
                    escalation.get("tier").asText() + "/" + escalation.get("raisedBy").asText()));
    assertThat(tiers)
        .startsWith(
            "ON_CALL_SUPERVISOR/carol", "ON_CALL_CLINICIAN/system", "EMERGENCY_SERVICES/system");

    watching.get(30, TimeUnit.SECONDS);
    List<String> tiersSeenLive = new ArrayList<>();
    for (JsonNode board : seenBySam) {
      JsonNode item = findIn(board.get("items"), "crisisId", id);
      if (item != null && item.has("tier")) {
        tiersSeenLive.add(item.get("tier").asText());
      }
    }
    assertThat(tiersSeenLive)
        .as("the live board showed each rung without a reload")
        .contains("ON_CALL_SUPERVISOR", "ON_CALL_CLINICIAN", "EMERGENCY_SERVICES");

    List<String> steps = new ArrayList<>();
    as("sam")
        .get("/api/crises/" + id + "/history")
        .json()
        .get("entries")
        .forEach(step -> steps.add(step.get("type").asText() + "/" + step.get("by").asText()));
    assertThat(steps).contains("EscalationDeadlineMissed/system");
  }

  @Test
  void anUnconfirmedRescueIsChasedOnItsDeadline() {
    Api carol = as("carol");
    String id =
        carol
            .post(
                "/api/crises", "{\"channel\":\"OUTREACH\",\"caller\":\"POLICE\",\"summary\":\"x\"}")
            .id();
    carol.post("/api/crises/" + id + "/risk-assessments", "{\"level\":\"HIGH\"}");
    carol.post(
        "/api/crises/" + id + "/emergency-dispatch",
        "{\"agency\":\"POLICE\",\"reference\":\"110-7\",\"confidentialityBreakReason\":\"Weapon\"}");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode item =
                  findIn(as("carol").get("/api/crisis-board").json().get("items"), "crisisId", id);
              assertThat(item).as("on the board").isNotNull();
              assertThat(item.path("rescue").asText()).isEqualTo("OVERDUE");
              assertThat(item.path("status").asText()).isEqualTo("RESCUE_UNCONFIRMED");
              assertThat(item.has("tier")).as("escalated while unconfirmed").isTrue();
            });
  }

  @Test
  void anUnansweredReferralIsFlaggedOverdueToTheSupervisor() {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> alice.get("/api/providers?serviceType=SOCIAL_WORK").json().size() > 0);
    String provider =
        alice.get("/api/providers?serviceType=SOCIAL_WORK").json().get(0).get("id").asText();
    String id =
        alice
            .post(
                "/api/referrals",
                """
                {"intakeId":"%s","serviceType":"SOCIAL_WORK","providerId":"%s","urgency":"URGENT",
                 "reason":"Family support","disclosedFields":["NAME","PHONE"]}"""
                    .formatted(intake, provider))
            .id();
    alice.post("/api/referrals/" + id + "/sending", "");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode referral = as("sam").get("/api/referrals/" + id).json();
              assertThat(referral.path("overdue").asBoolean()).isTrue();
              assertThat(referral.path("overdueStage").asText()).isEqualTo("ACKNOWLEDGEMENT");
            });
    assertThat(as("sam").everyPage("/api/referrals?overdue=true").toString()).contains(id);
    assertThat(as("sam").get("/api/dashboard").json().get("overdue").get("referrals").toString())
        .contains(id);
    assertThat(
            findIn(alice.everyPage("/api/caseload"), "intakeId", intake).get("overdue").toString())
        .contains("REFERRAL");
  }

  @Test
  void brokenGlassClosesByItself() {
    Api alice = as("alice");
    String id = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String grant =
        as("sam")
            .post(
                "/api/emergency-access",
                "{\"recordId\":\"" + id + "\",\"reason\":\"Missing person\"}")
            .id();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode seen = findIn(as("sam").get("/api/emergency-access").json(), "id", grant);
              assertThat(seen).isNotNull();
              assertThat(seen.get("active").asBoolean()).isFalse();
              assertThat(as("sam").get("/api/intakes/" + id).json().get("scope").asText())
                  .isEqualTo("SUPERVISOR");
            });
  }

  /** Reads the server-sent board events until the episode reaches emergency services. */
  private CompletableFuture<Void> watchLiveBoard(String username, List<JsonNode> seen, String id) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/crisis-board/stream"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "text/event-stream")
            .build();
    return HttpClient.newHttpClient()
        .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .thenAccept(
            response -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  if (!line.startsWith("data:")) {
                    continue;
                  }
                  JsonNode board = JSON.readTree(line.substring(5));
                  synchronized (seen) {
                    seen.add(board);
                  }
                  JsonNode item = findIn(board.get("items"), "crisisId", id);
                  if (item != null && "EMERGENCY_SERVICES".equals(item.path("tier").asText())) {
                    return;
                  }
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
  }
}
