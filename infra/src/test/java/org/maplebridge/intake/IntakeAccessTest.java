package org.maplebridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/** Who may see and do what with alice's case: one allowed and one refused case per function. */
class IntakeAccessTest extends PlatformTest {
  private String id;
  private String token;

  @BeforeEach
  void aliceHasACase() {
    Api alice = as("alice");
    id = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + id + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}");
    Response note = alice.post("/api/intakes/" + id + "/notes", "{\"text\":\"Private note\"}");
    token = note.header("X-Consistency-Token");
  }

  private Api reading(String username) {
    return as(username).with("X-Consistency-Token", token);
  }

  @Test
  void signingInIsRequired() {
    Response anonymous = Api.anonymousAt(port).get("/api/intakes/" + id);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Api.at(port, "alice", "wrong").get("/api/caseload").status()).isEqualTo(401);
  }

  @Test
  void anotherCounsellorOfTheUnitSeesNothingOfIt() {
    assertThat(reading("bob").get("/api/intakes/" + id).status()).isEqualTo(404);
    assertThat(reading("bob").get("/api/intakes/" + id + "/history").status()).isEqualTo(404);
    assertThat(reading("bob").everyPage("/api/caseload").toString()).doesNotContain(id);
    assertThat(as("bob").post("/api/intakes/" + id + "/notes", "{\"text\":\"x\"}").status())
        .isEqualTo(404);
  }

  @Test
  void aCounsellorOfAnotherUnitSeesNothingOfIt() {
    assertThat(reading("dave").get("/api/intakes/" + id).status()).isEqualTo(404);
    assertThat(
            as("dave")
                .post(
                    "/api/intakes/" + id + "/triage",
                    "{\"priority\":\"URGENT\",\"rationale\":\"x\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void theSupervisorSeesTheCaseMaskedAndWithoutClinicalContent() {
    Response seen = reading("sam").get("/api/intakes/" + id);
    assertThat(seen.status()).isEqualTo(200);
    JsonNode intake = seen.json();
    assertThat(intake.get("client").get("name").asText()).isEqualTo("L.W.");
    assertThat(intake.get("client").get("birthYear").asInt()).isEqualTo(1990);
    assertThat(intake.get("client").has("phone")).isFalse();
    assertThat(intake.has("notes")).isFalse();
    assertThat(intake.has("concern")).isFalse();
    assertThat(seen.body()).doesNotContain("Li Wei", "Private note", "138 0000", "Maple Road");

    String history = reading("sam").get("/api/intakes/" + id + "/history").body();
    assertThat(history).doesNotContain("Li Wei", "Private note", "Low mood").contains("[hidden]");
    assertThat(reading("sam").everyPage("/api/caseload").toString())
        .contains(id)
        .doesNotContain("Li Wei");
  }

  @Test
  void theSupervisorAssignsButDoesNotWriteNotes() {
    assertThat(
            as("sam")
                .post("/api/intakes/" + id + "/assignment", "{\"counsellor\":\"bob\"}")
                .status())
        .isEqualTo(204);
    Response note = as("sam").post("/api/intakes/" + id + "/notes", "{\"text\":\"x\"}");
    assertThat(note.status()).isEqualTo(403);
    assertThat(note.json().get("type").asText()).endsWith("/forbidden");
  }

  @Test
  void theAdminAndCrisisWorkersDoNotTakePeopleIn() {
    assertThat(as("admin").post("/api/intakes", NEW_CLIENT_INTAKE).status()).isEqualTo(403);
    assertThat(as("carol").post("/api/intakes", NEW_CLIENT_INTAKE).status()).isEqualTo(403);
    assertThat(reading("admin").get("/api/intakes/" + id).status()).isEqualTo(404);
    assertThat(reading("carol").get("/api/intakes/" + id).status()).isEqualTo(404);
  }

  @Test
  void aColleagueAddedToTheCareTeamSeesAndWritesNotes() {
    Response added = as("alice").post("/api/intakes/" + id + "/care-team", "{\"member\":\"bob\"}");
    assertThat(added.status()).isEqualTo(204);
    Api bob = as("bob").with("X-Consistency-Token", added.header("X-Consistency-Token"));
    assertThat(bob.get("/api/intakes/" + id).json().get("client").get("name").asText())
        .isEqualTo("Li Wei");
    assertThat(bob.post("/api/intakes/" + id + "/notes", "{\"text\":\"Covering\"}").status())
        .isEqualTo(201);
  }
}
