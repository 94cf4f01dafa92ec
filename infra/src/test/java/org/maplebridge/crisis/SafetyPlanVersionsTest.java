package org.maplebridge.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Clinical gap 10: step 6 of the safety plan lists each means and what was agreed for it, and every
 * earlier version of the plan can be read.
 */
class SafetyPlanVersionsTest extends PlatformTest {
  private static final String STEPS =
      "\"warningSigns\":[\"Not sleeping\"],\"internalCopingStrategies\":[],"
          + "\"peopleAndPlacesForDistraction\":[],\"peopleToAskForHelp\":[],"
          + "\"professionalsAndAgencies\":[]";

  @Test
  void eachMeansKeepsWhatWasAgreedAndEveryVersionStaysReadable() {
    Api carol = as("carol");
    String id =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Caller\"}")
            .id();
    assertThat(
            carol
                .post(
                    "/api/crises/" + id + "/safety-plan",
                    "{" + STEPS + ",\"makingTheEnvironmentSafe\":[\"Pills away\"]}")
                .status())
        .isEqualTo(204);
    Response second =
        carol.post(
            "/api/crises/" + id + "/safety-plan",
            "{"
                + STEPS
                + ",\"makingTheEnvironmentSafe\":[],\"meansAgreed\":["
                + "{\"means\":\"Sleeping pills\",\"agreed\":\"Sister keeps them\"},"
                + "{\"means\":\"Balcony key\",\"agreed\":\"Stays with the neighbour\"}]}");
    assertThat(second.status()).isEqualTo(204);
    assertThat(
            carol
                .post(
                    "/api/crises/" + id + "/safety-plan",
                    "{"
                        + STEPS
                        + ",\"makingTheEnvironmentSafe\":[],"
                        + "\"meansAgreed\":[{\"means\":\"Car keys\",\"agreed\":\"\"}]}")
                .status())
        .as("a means with nothing agreed")
        .isEqualTo(400);

    Api reading = carol.with("X-Consistency-Token", second.header("X-Consistency-Token"));
    JsonNode versions =
        reading.get("/api/crises/" + id + "/safety-plan/versions").json().get("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
    assertThat(versions.get(0).get("plan").get("makingTheEnvironmentSafe").get(0).asText())
        .isEqualTo("Pills away");
    assertThat(versions.get(0).get("recordedBy").asText()).isEqualTo("carol");
    JsonNode means = versions.get(1).get("plan").get("meansAgreed");
    assertThat(means.get(0).get("means").asText()).isEqualTo("Sleeping pills");
    assertThat(means.get(0).get("agreed").asText()).isEqualTo("Sister keeps them");
    assertThat(means.get(1).get("agreed").asText()).isEqualTo("Stays with the neighbour");

    JsonNode current = reading.get("/api/crises/" + id).json();
    assertThat(current.get("safetyPlanVersion").asInt()).isEqualTo(2);
    assertThat(current.get("safetyPlan").get("meansAgreed")).hasSize(2);

    assertThat(as("erin").get("/api/crises/" + id + "/safety-plan/versions").status())
        .as("another unit's episode does not exist for them")
        .isEqualTo(404);
  }
}
