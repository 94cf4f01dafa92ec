package org.maplebridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * What an erasure reaches beyond the canary journey of {@link ErasureTest}: an anonymous caller's
 * whereabouts, a case's clinical review.
 */
class ErasedPersonTest extends PlatformTest {

  private static Api after(Api who, Response write) {
    return who.with("X-Consistency-Token", write.header("X-Consistency-Token"));
  }

  private Response eraseOnRequest(String person) {
    Response erased =
        as("pat")
            .post(
                "/api/privacy/people/" + person + "/erasure",
                "{\"reason\":\"The person asked to be forgotten\","
                    + "\"requestReference\":\"PIPL-REVIEW-1\"}");
    assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
    return erased;
  }

  private void awaitNoTableHolds(String... canaries) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (String canary : canaries) {
                assertThat(ErasureTest.tablesHolding(jdbc, canary)).as(canary).isEmpty();
              }
            });
  }

  @Test
  void anAnonymousCallersCallBackNumberAndWhereaboutsGoWithTheErasure() {
    Api carol = as("carol");
    Response opened =
        carol.post(
            "/api/crises",
            """
            {"channel":"HOTLINE","caller":"SELF","summary":"Caller wants to be forgotten later",
             "callbackNumber":"+86 139 4417 0017","location":"WHEREABOUTS-CANARY under the pier",
             "area":"Grid 9"}""");
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    assertThat(
            after(carol, opened)
                .get("/api/crises/" + opened.id())
                .json()
                .get("whereabouts")
                .toString())
        .contains("+86 139 4417 0017");

    Response erased = eraseOnRequest(opened.id());

    JsonNode episode = after(carol, erased).get("/api/crises/" + opened.id()).json();
    assertThat(episode.toString())
        .as("the crisis staff no longer read where the erased caller was")
        .doesNotContain("+86 139 4417 0017", "WHEREABOUTS-CANARY");
    awaitNoTableHolds("+86 139 4417 0017", "WHEREABOUTS-CANARY");
  }

  @Test
  void aCasesClinicalReviewGoesWithTheErasure() {
    Api alice = as("alice");
    String intake =
        alice.post("/api/intakes", NEW_CLIENT_INTAKE.replace("Li Wei", "Tang Yue")).id();
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    Response cssrs =
        alice.post(
            "/api/intakes/" + intake + "/screenings",
            """
            {"instrument":"CSSRS","answers":[true,true,true,false,false,false]}""");
    assertThat(cssrs.status()).as(cssrs.toString()).isEqualTo(201);
    Response reviewed =
        alice.post(
            "/api/intakes/" + intake + "/clinical-review",
            "{\"outcome\":\"REVIEW-CANARY means removed with her sister\"}");
    assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(204);
    String client =
        after(alice, reviewed).get("/api/intakes/" + intake).json().get("clientId").asText();

    Response erased = eraseOnRequest(client);

    assertThat(after(alice, erased).get("/api/intakes/" + intake).body())
        .doesNotContain("REVIEW-CANARY");
    awaitNoTableHolds("REVIEW-CANARY");
  }
}
