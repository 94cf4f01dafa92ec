package org.maplebridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Leaks found by trying the platform as a curious supervisor or counsellor would: each step of each
 * script must now fail, through the real HTTP stack.
 */
class PrivacyLeaksTest extends PlatformTest {

  private static String returning(String clientField, String birthDate) {
    return """
        {%s%s"source":"PHONE","concern":"Back again","urgency":"ROUTINE"}"""
        .formatted(clientField, birthDate == null ? "" : "\"birthDate\":\"" + birthDate + "\",");
  }

  private JsonNode read(Api who, Response after, String path) {
    return who.with("X-Consistency-Token", after.header("X-Consistency-Token")).get(path).json();
  }

  @Test
  void aSupervisorCannotUnmaskAClientByOpeningAnIntakeOnThem() {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    JsonNode masked = read(as("sam"), opened, "/api/intakes/" + opened.id());
    assertThat(masked.get("client").get("name").asText()).isEqualTo("L.W.");
    assertThat(masked.has("clientId")).as("a masked view carries no client id").isFalse();
    String reference = masked.get("clientReference").asText();
    String clientId = read(alice, opened, "/api/intakes/" + opened.id()).get("clientId").asText();
    long before = intakesOpened();

    // Even knowing the id (from elsewhere) and the birth date, sam takes no known client in.
    Api sam = as("sam");
    assertThat(
            sam.post("/api/intakes", returning("\"clientId\":\"" + clientId + "\",", "1990-03-04"))
                .status())
        .isEqualTo(403);
    assertThat(
            sam.post(
                    "/api/intakes",
                    returning("\"clientReference\":\"" + reference + "\",", "1990-03-04"))
                .status())
        .isEqualTo(403);
    assertThat(intakesOpened()).as("nothing stored").isEqualTo(before);

    // A supervisor who opens an intake for a new person is not on its care team either.
    Response own = sam.post("/api/intakes", NEW_CLIENT_INTAKE);
    assertThat(own.status()).isEqualTo(201);
    JsonNode ownCase = read(sam, own, "/api/intakes/" + own.id());
    assertThat(ownCase.get("client").get("name").asText()).isEqualTo("L.W.");
    assertThat(ownCase.get("scope").asText()).isEqualTo("SUPERVISOR");
  }

  @Test
  void aCounsellorNeedsTheClientsBirthDateToTakeAReturningClientIn() {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    JsonNode full = read(alice, opened, "/api/intakes/" + opened.id());
    String reference = full.get("clientReference").asText();
    String clientId = full.get("clientId").asText();
    long before = intakesOpened();

    Api bob = as("bob");
    Response noProof =
        bob.post("/api/intakes", returning("\"clientReference\":\"" + reference + "\",", null));
    assertThat(noProof.status()).isEqualTo(400);
    assertThat(
            bob.post("/api/intakes", returning("\"clientId\":\"" + clientId + "\",", null))
                .status())
        .isEqualTo(400);
    Response wrongDate =
        bob.post(
            "/api/intakes", returning("\"clientReference\":\"" + reference + "\",", "1991-03-04"));
    assertThat(wrongDate.status()).isEqualTo(400);
    assertThat(wrongDate.body()).doesNotContain("Li Wei", "1990");
    assertThat(
            as("dave")
                .post(
                    "/api/intakes",
                    returning("\"clientReference\":\"" + reference + "\",", "1990-03-04"))
                .status())
        .as("another unit's counsellor, even with the birth date")
        .isEqualTo(400);
    assertThat(intakesOpened()).as("nothing stored").isEqualTo(before);

    Response withProof =
        bob.post(
            "/api/intakes", returning("\"clientReference\":\"" + reference + "\",", "1990-03-04"));
    assertThat(withProof.status()).isEqualTo(201);
    JsonNode bobsCase = read(bob, withProof, "/api/intakes/" + withProof.id());
    assertThat(bobsCase.get("clientReference").asText()).isEqualTo(reference);

    // Alice cares for the client already: the id alone is enough for her.
    assertThat(
            alice
                .post("/api/intakes", returning("\"clientId\":\"" + clientId + "\",", null))
                .status())
        .isEqualTo(201);
  }

  @Test
  void aReassignedCounsellorLosesTheCaseUnlessKeptOn() {
    Api alice = as("alice");
    String id = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + id + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}");
    alice.post("/api/intakes/" + id + "/assignment", "{\"counsellor\":\"alice\"}");

    Response kept =
        as("sam")
            .post(
                "/api/intakes/" + id + "/assignment",
                "{\"counsellor\":\"bob\",\"keepPrevious\":true}");
    assertThat(kept.status()).isEqualTo(204);
    assertThat(
            alice
                .with("X-Consistency-Token", kept.header("X-Consistency-Token"))
                .get("/api/intakes/" + id)
                .status())
        .isEqualTo(200);

    alice.post("/api/intakes/" + id + "/assignment", "{\"counsellor\":\"alice\"}");
    Response handedOver =
        as("sam").post("/api/intakes/" + id + "/assignment", "{\"counsellor\":\"bob\"}");
    assertThat(handedOver.status()).isEqualTo(204);
    Api aliceAfter = alice.with("X-Consistency-Token", handedOver.header("X-Consistency-Token"));
    assertThat(aliceAfter.get("/api/intakes/" + id).status()).isEqualTo(404);
    assertThat(aliceAfter.get("/api/caseload").body()).doesNotContain(id);
    assertThat(alice.post("/api/intakes/" + id + "/notes", "{\"text\":\"x\"}").status())
        .isEqualTo(404);

    JsonNode bobsView = read(as("bob"), handedOver, "/api/intakes/" + id);
    assertThat(bobsView.get("careTeam").toString()).doesNotContain("alice").contains("bob");
    String history = read(as("bob"), handedOver, "/api/intakes/" + id + "/history").toString();
    assertThat(history).contains("CareTeamMemberRemoved");
  }

  @Test
  void clinicalFreeTextDoesNotReachTheSupervisor() {
    Api carol = as("carol");
    String crisis =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Caller upset\"}")
            .id();
    // Routine supervision: nobody consults or pages sam on this episode (a consult would show it
    // to him while it lasts: SupervisorConsultAccessTest).
    Response escalated =
        carol.post(
            "/api/crises/" + crisis + "/risk-assessments",
            "{\"level\":\"MODERATE\",\"notes\":\"CANARY-ASSESSMENT he has pills at home\"}");
    assertThat(escalated.status()).isBetween(200, 299);
    Api sam = as("sam").with("X-Consistency-Token", escalated.header("X-Consistency-Token"));
    assertThat(sam.get("/api/crises/" + crisis).body()).doesNotContain("CANARY-ASSESSMENT");
    assertThat(sam.get("/api/crises/" + crisis + "/history").body())
        .doesNotContain("CANARY-ASSESSMENT");
    assertThat(carol.get("/api/crises/" + crisis + "/history").body())
        .contains("CANARY-ASSESSMENT");

    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post("/api/intakes/" + intake + "/closure", "{\"reason\":\"CLIENT_WITHDREW\"}");
    Response reopened =
        alice.post(
            "/api/intakes/" + intake + "/reopening",
            "{\"reason\":\"CANARY-REOPEN relapse after a break-up\"}");
    assertThat(reopened.status()).isEqualTo(204);
    assertThat(
            as("sam")
                .with("X-Consistency-Token", reopened.header("X-Consistency-Token"))
                .get("/api/intakes/" + intake + "/history")
                .body())
        .doesNotContain("CANARY-REOPEN");

    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}");
    String provider = providerOffering("PSYCHIATRIC_ASSESSMENT");
    String referral =
        alice
            .post(
                "/api/referrals",
                """
                {"intakeId":"%s","serviceType":"PSYCHIATRIC_ASSESSMENT","providerId":"%s",
                 "urgency":"URGENT","reason":"CANARY-REASON voices at night",
                 "disclosedFields":["NAME"]}"""
                    .formatted(intake, provider))
            .id();
    alice.post("/api/referrals/" + referral + "/sending", "");
    Response declined =
        alice.post(
            "/api/referrals/" + referral + "/decline",
            "{\"reason\":\"OTHER\",\"notes\":\"CANARY-DECLINE psychosis suspected\"}");
    assertThat(declined.status()).isEqualTo(204);
    Api samReading = as("sam").with("X-Consistency-Token", declined.header("X-Consistency-Token"));
    assertThat(samReading.get("/api/referrals/" + referral + "/audit").body())
        .doesNotContain("CANARY-DECLINE", "CANARY-REASON");
    assertThat(samReading.get("/api/referrals").body())
        .contains(referral)
        .doesNotContain("CANARY-REASON");
  }

  @Test
  void anEpisodeCannotNameAnIntakeOrClientOfAnotherUnit() {
    Response south = as("dave").post("/api/intakes", NEW_CLIENT_INTAKE);
    String southClient =
        read(as("dave"), south, "/api/intakes/" + south.id()).get("clientId").asText();
    Api carol = as("carol");
    Response byIntake =
        carol.post(
            "/api/crises",
            "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\",\"intakeId\":\""
                + south.id()
                + "\"}");
    assertThat(byIntake.status()).isEqualTo(400);
    Response byClient =
        carol.post(
            "/api/crises",
            "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\",\"clientId\":\""
                + southClient
                + "\"}");
    assertThat(byClient.status()).isEqualTo(400);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE"
                        + " '%.CrisisContactOpened' AND convert_from(payload, 'UTF8') LIKE :id")
                .param("id", "%" + south.id() + "%")
                .query(Long.class)
                .single())
        .as("nothing stored")
        .isZero();
  }
}
