package org.maplebridge.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * The episode view tells each viewer the steps they may take now, from the published crisis state
 * machine and the scope policy, and its page offers exactly those: a closed episode offers only
 * reopening, the supervisor approves a closure only when asked, the consult only when requested,
 * and writing the safety plan or a referral only to who sees the clinical part.
 */
class CrisisAllowedActionsTest extends PlatformTest {

  @Test
  void theEpisodeOffersEachViewerTheStepsTheyMayTakeNow() {
    Api carol = as("carol");
    Api sam = as("sam");
    String id =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    Response assessed =
        carol.post("/api/crises/" + id + "/risk-assessments", "{\"level\":\"HIGH\"}");
    assertThat(assessed.status()).isEqualTo(201);
    String token = assessed.header("X-Consistency-Token");

    assertThat(actions(carol, id, token))
        .contains(
            "ASSESS_RISK",
            "ESCALATE",
            "DISPATCH_EMERGENCY_SERVICES",
            "RECORD_SAFETY_PLAN",
            "COMPLETE_FOLLOW_UP",
            "CLOSE",
            "REQUEST_REFERRAL")
        .doesNotContain(
            "RECORD_CONSULT",
            "APPROVE_CLOSURE",
            "REOPEN",
            "CONFIRM_RESCUE",
            "ACKNOWLEDGE_ESCALATION");
    assertThat(actions(sam, id, token))
        .as("the supervisor gives the consult high risk asked for, writes no clinical content")
        .contains("RECORD_CONSULT", "ESCALATE", "CLOSE")
        .doesNotContain("RECORD_SAFETY_PLAN", "REQUEST_REFERRAL", "APPROVE_CLOSURE");

    Response closing =
        carol.post(
            "/api/crises/" + id + "/closure", "{\"reason\":\"STABILISED\",\"summary\":\"Safe\"}");
    assertThat(closing.status()).isEqualTo(202);
    token = closing.header("X-Consistency-Token");
    assertThat(actions(carol, id, token))
        .as("the closure waits for the supervisor")
        .doesNotContain("CLOSE", "APPROVE_CLOSURE", "REOPEN");
    assertThat(actions(sam, id, token)).contains("APPROVE_CLOSURE").doesNotContain("CLOSE");
    assertThat(page(carol, id, token)).doesNotContain("id=\"close-crisis\"", "approve-closure");
    assertThat(page(sam, id, token)).contains("id=\"approve-closure\"");
    assertThat(
            carol
                .post(
                    "/api/crises/" + id + "/closure",
                    "{\"reason\":\"STABILISED\",\"summary\":\"Again\"}")
                .status())
        .as("what the view does not offer, the write side refuses")
        .isEqualTo(409);

    Response approved =
        sam.post(
            "/api/crises/" + id + "/closure", "{\"reason\":\"STABILISED\",\"summary\":\"Safe\"}");
    assertThat(approved.status()).isEqualTo(204);
    token = approved.header("X-Consistency-Token");
    assertThat(actions(carol, id, token)).containsExactly("REOPEN");
    assertThat(actions(sam, id, token)).containsExactly("REOPEN");
    String closedPage = page(carol, id, token);
    assertThat(closedPage)
        .contains("id=\"reopen-crisis\"")
        .doesNotContain("id=\"assess\"", "id=\"escalate\"", "id=\"close-crisis\"");
    assertThat(
            carol.post("/api/crises/" + id + "/escalations", "{\"reason\":\"Worried\"}").status())
        .isEqualTo(409);
  }

  private static List<String> actions(Api viewer, String id, String token) {
    JsonNode crisis = viewer.with("X-Consistency-Token", token).get("/api/crises/" + id).json();
    List<String> actions = new ArrayList<>();
    crisis.get("allowedActions").forEach(action -> actions.add(action.asText()));
    return actions;
  }

  private static String page(Api viewer, String id, String token) {
    Response page = viewer.with("X-Consistency-Token", token).get("/crises/" + id);
    assertThat(page.status()).isEqualTo(200);
    return page.body();
  }
}
