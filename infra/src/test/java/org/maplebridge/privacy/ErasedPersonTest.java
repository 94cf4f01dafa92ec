package org.maplebridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * What an erasure reaches beyond the canary journey of {@link ErasureTest}: an anonymous caller's
 * whereabouts, a case's clinical review, and the person's reference, by which nobody finds them
 * again.
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

  @Test
  void anErasedPersonIsFoundByNobodyByTheirReference() {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE.replace("Li Wei", "Gu Ming"));
    JsonNode intake = after(alice, opened).get("/api/intakes/" + opened.id()).json();
    String client = intake.get("clientId").asText();
    String reference = intake.get("clientReference").asText();

    eraseOnRequest(client);

    Response takenInAgain =
        alice.post(
            "/api/intakes",
            ("{\"clientReference\":\"%s\",\"birthDate\":\"1990-03-04\",\"source\":\"WALK_IN\","
                    + "\"concern\":\"Back again\",\"urgency\":\"SOON\"}")
                .formatted(reference));
    assertThat(takenInAgain.status())
        .as("an erased person is not taken in again under their old reference")
        .isEqualTo(400);
    Response called =
        as("carol")
            .post(
                "/api/crises",
                ("{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Calling again\","
                        + "\"clientReference\":\"%s\"}")
                    .formatted(reference));
    assertThat(called.status()).as("nor named on a crisis contact by it").isEqualTo(400);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM client_registry WHERE client_id = :id"
                        + " AND birth_date_digest IS NOT NULL")
                .param("id", UUID.fromString(client))
                .query(Long.class)
                .single())
        .as("no digest of the birth date is left to try dates against")
        .isZero();
  }
}
