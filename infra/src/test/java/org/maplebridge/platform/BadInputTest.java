package org.maplebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Malformed bodies against every write endpoint the OpenAPI document lists, as a counsellor and a
 * crisis worker, with the ids of an intake and of a crisis episode in every id slot (so most
 * requests name a record of the wrong kind): wrong types, oversized text, control characters,
 * unknown fields (a client-supplied risk level or assignee) and unknown enum values. Never a server
 * error, never accepted, and no event stored.
 */
class BadInputTest extends PlatformTest {
  private static final List<String> BODIES =
      List.of(
          "{not json",
          "[]",
          "{\"reason\":123,\"level\":[1],\"answers\":\"many\",\"risk\":\"HIGH\",\"assignee\":\"bob\"}",
          "{\"text\":\""
              + "x".repeat(30_000)
              + "\",\"summary\":\"bell\\u0007\",\"reason\":\"\\u0000\"}",
          // Well formed but with fields a client must not set, or an unknown enum value.
          "{\"text\":\"A note\",\"riskLevel\":\"LOW\",\"assignedCounsellor\":\"bob\"}",
          NEW_CLIENT_INTAKE.replace("\"urgency\"", "\"risk\":\"IMMINENT\",\"urgency\""),
          "{\"scope\":\"EVERYTHING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");

  @Test
  void noMalformedWriteEverGetsAServerError() {
    String intake = as("alice").post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String crisis =
        as("carol")
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    JsonNode paths = Api.anonymousAt(port).get("/v3/api-docs").json().get("paths");
    long eventsBefore = recordEvents();
    List<String> failures = new ArrayList<>();
    int requests = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      if (!path.getValue().has("post") && !path.getValue().has("put")) {
        continue;
      }
      for (String id : List.of(intake, crisis)) {
        String url = path.getKey().replaceAll("\\{[^}]+}", id);
        for (String user : List.of("alice", "carol")) {
          for (String body : BODIES) {
            Response response = path.getValue().has("post") ? as(user).post(url, body) : null;
            if (response == null) {
              continue;
            }
            requests++;
            if (response.status() >= 500 || response.status() < 300) {
              failures.add(
                  user
                      + " POST "
                      + url
                      + " "
                      + body.substring(0, Math.min(40, body.length()))
                      + " -> "
                      + response.status());
            }
          }
        }
      }
    }
    System.out.printf(
        "Bad input: %d malformed writes, %d server errors%n", requests, failures.size());
    assertThat(requests).isGreaterThan(300);
    assertThat(failures).as("no 5xx, and nothing malformed accepted").isEmpty();
    assertThat(recordEvents()).as("no event stored").isEqualTo(eventsBefore);
  }

  /**
   * Events of records; looks at records and refused attempts (a body that names a record of the
   * wrong kind may reach its command) are recorded as they happen.
   */
  private long recordEvents() {
    return jdbc.sql(
            """
            SELECT count(*) FROM domainevententry
            WHERE payloadtype NOT LIKE '%.RecordViewed' AND payloadtype NOT LIKE '%.AccessRefused'
            """)
        .query(Long.class)
        .single();
  }
}
