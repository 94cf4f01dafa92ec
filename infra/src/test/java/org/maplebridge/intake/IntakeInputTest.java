package org.maplebridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/** Bad input answers 400 with problem details naming the field, and stores nothing. */
class IntakeInputTest extends PlatformTest {

  private void refused(Api api, String path, String body, String field) {
    String intake = path.startsWith("/api/intakes/") ? path.split("/")[3] : null;
    LongSupplier stored = intake == null ? this::intakesOpened : () -> eventsOf(intake);
    long before = stored.getAsLong();
    Response response = api.post(path, body);
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("type").asText()).endsWith("/validation");
    if (field != null) {
      assertThat(response.json().get("errors").has(field)).as(response.toString()).isTrue();
    }
    assertThat(stored.getAsLong()).as("events stored").isEqualTo(before);
  }

  @Test
  void badIntakesAreRefusedAndStoreNothing() {
    Api alice = as("alice");
    refused(alice, "/api/intakes", NEW_CLIENT_INTAKE.replace("WALK_IN", "TELEPATHY"), "source");
    refused(alice, "/api/intakes", NEW_CLIENT_INTAKE.replace("\"SOON\"", "\"soonish\""), "urgency");
    refused(
        alice,
        "/api/intakes",
        NEW_CLIENT_INTAKE.replace("\"urgency\"", "\"risk\":\"LOW\",\"urgency\""),
        "risk");
    refused(
        alice, "/api/intakes", NEW_CLIENT_INTAKE.replace("Low mood", "Low\\u0000mood"), "concern");
    refused(
        alice,
        "/api/intakes",
        NEW_CLIENT_INTAKE.replace("1990-03-04", "2990-03-04"),
        "client.birthDate");
    refused(alice, "/api/intakes", NEW_CLIENT_INTAKE.replace("\"Li Wei\"", "\"\""), "client.name");
    refused(
        alice,
        "/api/intakes",
        NEW_CLIENT_INTAKE.replace("1990-03-04", "yesterday"),
        "client.birthDate");
    refused(
        alice,
        "/api/intakes",
        "{\"source\":\"WALK_IN\",\"concern\":\"x\",\"urgency\":\"SOON\"}",
        "client");
    refused(alice, "/api/intakes", "{not json", null);
    refused(
        alice,
        "/api/intakes",
        NEW_CLIENT_INTAKE.replace("Low mood for weeks", "x".repeat(5000)),
        "concern");
  }

  @Test
  void badScreeningsAreRefusedAndStoreNothing() {
    Api alice = as("alice");
    String id = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String path = "/api/intakes/" + id + "/screenings";
    refused(alice, path, "{\"instrument\":\"PHQ9\",\"answers\":[1,2,3]}", "answers");
    refused(alice, path, "{\"instrument\":\"PHQ9\",\"answers\":[0,0,0,0,0,0,0,0,4]}", "answers");
    refused(alice, path, "{\"instrument\":\"GAD7\",\"answers\":[0,0,0,0,0,0,\"1\"]}", "answers");
    refused(alice, path, "{\"instrument\":\"GAD7\",\"answers\":[0,0,0,0,0,0,1.5]}", "answers");
    refused(
        alice,
        path,
        "{\"instrument\":\"CSSRS\",\"answers\":[false,false,false,false,false,true]}",
        "recentBehaviour");
    refused(alice, path, "{\"instrument\":\"BDI\",\"answers\":[]}", "instrument");
    refused(alice, path, "{\"instrument\":\"PHQ9\"}", "answers");
  }

  @Test
  void closingNeedsAReason() {
    Api alice = as("alice");
    String id = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    refused(alice, "/api/intakes/" + id + "/closure", "{\"summary\":\"done\"}", "reason");
    refused(alice, "/api/intakes/" + id + "/closure", "{\"reason\":\"BORED\"}", "reason");
  }

  @Test
  void unknownRecordsAndMalformedIdsAreAnsweredPlainly() {
    Api alice = as("alice");
    assertThat(alice.get("/api/intakes/00000000-0000-0000-0000-000000000000").status())
        .isEqualTo(404);
    assertThat(
            alice
                .post("/api/intakes/00000000-0000-0000-0000-000000000000/notes", "{\"text\":\"x\"}")
                .status())
        .isEqualTo(404);
    assertThat(alice.get("/api/intakes/not-a-uuid").status()).isEqualTo(400);
  }
}
