package org.maplebridge.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * A person who calls again gives their client reference: the crisis contact names that client of
 * the unit instead of starting without one; another unit's staff find nobody by it.
 */
class CrisisReturningCallerTest extends PlatformTest {

  @Test
  void aReturningCallerIsNamedByTheirReferenceWithinTheUnitOnly() {
    Api alice = as("alice");
    String intake =
        alice.post("/api/intakes", NEW_CLIENT_INTAKE.replace("Li Wei", "Zhou Lan")).id();
    Response note = alice.post("/api/intakes/" + intake + "/notes", "{\"text\":\"Seen\"}");
    JsonNode client =
        alice
            .with("X-Consistency-Token", note.header("X-Consistency-Token"))
            .get("/api/intakes/" + intake)
            .json();
    String reference = client.get("clientReference").asText();

    Response opened =
        as("carol")
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Calling again\","
                    + "\"clientReference\":\""
                    + reference
                    + "\"}");
    assertThat(opened.status()).isEqualTo(201);
    JsonNode episode =
        as("carol")
            .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
            .get("/api/crises/" + opened.id())
            .json();
    assertThat(episode.get("clientId").asText()).isEqualTo(client.get("clientId").asText());

    Response elsewhere =
        as("erin")
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Calling again\","
                    + "\"clientReference\":\""
                    + reference
                    + "\"}");
    assertThat(elsewhere.status())
        .as("a client of another unit is found by nobody here")
        .isEqualTo(400);
    assertThat(
            as("carol")
                .post(
                    "/api/crises",
                    "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\","
                        + "\"clientReference\":\"Zhou Lan\"}")
                .status())
        .isEqualTo(400);
  }
}
