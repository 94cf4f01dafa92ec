package org.maplebridge.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Clinical gap 7: a crisis contact records a number to call back and where the person is, shown to
 * the crisis staff on the episode and in the board's data; supervision sees only the area.
 */
class CrisisWhereaboutsTest extends PlatformTest {

  @Test
  void theCallBackNumberAndLocationGoWithTheContactToTheEpisodeAndTheBoard() {
    Api carol = as("carol");
    Response opened =
        carol.post(
            "/api/crises",
            """
            {"channel":"HOTLINE","caller":"SELF","summary":"Caller on a bridge",
             "callbackNumber":"+86 139 1111 2222","location":"On the Maple Road bridge",
             "area":"Grid 7"}""");
    assertThat(opened.status()).isEqualTo(201);
    String id = opened.id();
    Api reading = carol.with("X-Consistency-Token", opened.header("X-Consistency-Token"));

    JsonNode whereabouts = reading.get("/api/crises/" + id).json().get("whereabouts");
    assertThat(whereabouts.get("callbackNumber").asText()).isEqualTo("+86 139 1111 2222");
    assertThat(whereabouts.get("location").asText()).isEqualTo("On the Maple Road bridge");
    assertThat(whereabouts.get("area").asText()).isEqualTo("Grid 7");

    JsonNode onTheBoard =
        findIn(reading.get("/api/crisis-board").json().get("whereabouts"), "crisisId", id);
    assertThat(onTheBoard.get("callbackNumber").asText()).isEqualTo("+86 139 1111 2222");
    assertThat(onTheBoard.get("location").asText()).isEqualTo("On the Maple Road bridge");

    Api sam = as("sam").with("X-Consistency-Token", opened.header("X-Consistency-Token"));
    JsonNode samSees =
        findIn(sam.get("/api/crisis-board").json().get("whereabouts"), "crisisId", id);
    assertThat(samSees.get("area").asText()).isEqualTo("Grid 7");
    assertThat(samSees.has("callbackNumber")).as("supervision is masked").isFalse();
    assertThat(samSees.has("location")).isFalse();
    assertThat(
            as("sam")
                .put("/api/crises/" + id + "/whereabouts", "{\"location\":\"Station\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            carol
                .put("/api/crises/" + id + "/whereabouts", "{\"callbackNumber\":\"call me\"}")
                .status())
        .as("not a number to dial")
        .isEqualTo(400);

    Response moved =
        carol.put(
            "/api/crises/" + id + "/whereabouts",
            """
            {"callbackNumber":"+86 139 1111 2222","location":"Walking to the north station"}""");
    assertThat(moved.status()).isEqualTo(204);
    JsonNode now =
        carol
            .with("X-Consistency-Token", moved.header("X-Consistency-Token"))
            .get("/api/crises/" + id)
            .json()
            .get("whereabouts");
    assertThat(now.get("location").asText()).isEqualTo("Walking to the north station");
    assertThat(now.has("area")).as("each recording replaces the last").isFalse();
    assertThat(now.get("recordedBy").asText()).isEqualTo("carol");
  }
}
