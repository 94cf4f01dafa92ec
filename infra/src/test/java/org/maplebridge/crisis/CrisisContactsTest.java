package org.maplebridge.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * An episode holds several contacts (calls, chats, visits): the episode lists them, latest first,
 * with who took each; the board carries the last one; supervision does not read the notes.
 */
class CrisisContactsTest extends PlatformTest {

  @Test
  void theEpisodeListsItsContactsAndTheBoardShowsTheLast() {
    Api carol = as("carol");
    Response opened =
        carol.post(
            "/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Caller\"}");
    String id = opened.id();

    Response chat =
        carol.post(
            "/api/crises/" + id + "/contacts",
            """
            {"channel":"CHAT","startedAt":"2026-01-10T20:00:00Z","minutes":25,
             "note":"Feels calmer, sister came"}""");
    assertThat(chat.status()).isEqualTo(201);
    Api cody = addStaff("cody", "CRISIS_WORKER", "north", "visits-people-at-home");
    Response visit =
        cody.post(
            "/api/crises/" + id + "/contacts",
            """
                {"channel":"OUTREACH","startedAt":"2026-01-11T09:00:00Z","minutes":40}""");
    assertThat(visit.status()).isEqualTo(201);

    Api reading = carol.with("X-Consistency-Token", visit.header("X-Consistency-Token"));
    JsonNode contacts = reading.get("/api/crises/" + id).json().get("contacts");
    assertThat(contacts).hasSize(2);
    assertThat(contacts.get(0).get("channel").asText()).isEqualTo("OUTREACH");
    assertThat(contacts.get(0).get("takenBy").asText()).isEqualTo("cody");
    assertThat(contacts.get(0).get("minutes").asInt()).isEqualTo(40);
    assertThat(contacts.get(1).get("note").asText()).isEqualTo("Feels calmer, sister came");
    assertThat(contacts.get(1).get("takenBy").asText()).isEqualTo("carol");

    JsonNode onTheBoard =
        findIn(reading.get("/api/crisis-board").json().get("items"), "crisisId", id);
    assertThat(onTheBoard.get("lastContactChannel").asText()).isEqualTo("OUTREACH");
    assertThat(onTheBoard.get("lastContactAt").asText()).startsWith("2026-01-11T09:00");

    JsonNode samSees =
        as("sam")
            .with("X-Consistency-Token", visit.header("X-Consistency-Token"))
            .get("/api/crises/" + id)
            .json()
            .get("contacts");
    assertThat(samSees.get(1).has("note")).as("supervision is masked").isFalse();
  }

  @Test
  void aReportOrANegativeDurationIsNoContactAndStoresNothing() {
    Api carol = as("carol");
    Response opened =
        carol.post(
            "/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Caller\"}");
    String id = opened.id();
    assertThat(
            carol
                .post(
                    "/api/crises/" + id + "/contacts",
                    "{\"channel\":\"POLICE_REPORT\",\"startedAt\":\"2026-01-10T20:00:00Z\","
                        + "\"minutes\":5}")
                .status())
        .isEqualTo(400);
    assertThat(
            carol
                .post(
                    "/api/crises/" + id + "/contacts",
                    "{\"channel\":\"CHAT\",\"startedAt\":\"2026-01-10T20:00:00Z\",\"minutes\":-3}")
                .status())
        .isEqualTo(400);
    assertThat(
            as("erin")
                .post(
                    "/api/crises/" + id + "/contacts",
                    "{\"channel\":\"CHAT\",\"startedAt\":\"2026-01-10T20:00:00Z\",\"minutes\":3}")
                .status())
        .as("another unit's episode does not exist for them")
        .isEqualTo(404);
    assertThat(
            carol
                .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
                .get("/api/crises/" + id)
                .json()
                .get("contacts"))
        .isEmpty();
  }
}
