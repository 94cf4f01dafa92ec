package org.maplebridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * A person taken in twice in a unit of its own: the supervisor finds the two clients among the
 * possible duplicates (masked), merges them with a reason, and the old reference then takes the
 * person in as the client who stayed, with both clients' cases and histories still readable.
 */
class MergingDuplicateClientsTest extends PlatformTest {
  private static final String OWN_PASSWORD = "folds-two-records-into-one";

  /** Hua Mei, her second registration under another phone, and a stranger. */
  private static final String HUA_MEI =
      intake("Hua Mei", "1988-05-06", "+86 139 1111 2222", "First time here");

  private static final String HUA_MEI_AGAIN =
      intake("Hua Mei", "1988-05-06", "+86 137 0000 9999", "Came back, gave another phone");
  private static final String SAME_PHONE =
      intake("Lan Fang", "1988-11-30", "+86 (139) 1111-2222", "Shares Hua Mei's phone");
  private static final String STRANGER =
      intake("Qiu Yue", "1975-01-02", "+86 135 5555 6666", "Someone else");

  private String unit;
  private String supervisor;
  private String counsellor;

  private static String intake(String name, String birthDate, String phone, String concern) {
    return """
        {"client":{"name":"%s","birthDate":"%s","phone":"%s"},
         "source":"WALK_IN","concern":"%s","urgency":"ROUTINE"}"""
        .formatted(name, birthDate, phone, concern);
  }

  @BeforeEach
  void aUnitOfItsOwn() {
    unit = "merge-" + UUID.randomUUID().toString().substring(0, 8);
    supervisor = unit + "-sup";
    counsellor = unit + "-couns";
    assertThat(
            as("admin")
                .post("/api/admin/units", "{\"id\":\"" + unit + "\",\"name\":\"Merges\"}")
                .status())
        .isEqualTo(201);
    addStaff(supervisor, "SUPERVISOR", unit, OWN_PASSWORD);
    addStaff(counsellor, "COUNSELLOR", unit, OWN_PASSWORD);
  }

  @Override
  protected Api as(String username) {
    return username.startsWith("merge-")
        ? Api.at(port, username, OWN_PASSWORD)
        : super.as(username);
  }

  /** A case the counsellor opened, as the counsellor sees it once the read side has it. */
  private JsonNode opened(String body) {
    Response created = as(counsellor).post("/api/intakes", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return caseSeen(created.id(), created.header("X-Consistency-Token"));
  }

  private JsonNode caseSeen(String intakeId, String token) {
    Response seen =
        as(counsellor).with("X-Consistency-Token", token).get("/api/intakes/" + intakeId);
    assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
    return seen.json();
  }

  private Response merge(String as, String duplicate, String into) {
    return as(as)
        .post(
            "/api/clients/" + duplicate + "/merge",
            "{\"into\":\"" + into + "\",\"reason\":\"Same person: same name and birth date\"}");
  }

  private static List<String> references(JsonNode duplicates) {
    List<String> references = new ArrayList<>();
    duplicates.forEach(line -> references.add(line.get("reference").asText()));
    return references;
  }

  @Test
  void theUnitsSupervisorSeesPossibleDuplicatesMaskedAndNobodyElseDoes() {
    JsonNode first = opened(HUA_MEI);
    JsonNode again = opened(HUA_MEI_AGAIN);
    JsonNode samePhone = opened(SAME_PHONE);
    JsonNode stranger = opened(STRANGER);

    Response seen = as(supervisor).get("/api/clients/duplicates");
    assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
    JsonNode items = seen.json().get("items");
    assertThat(references(items))
        .containsExactly(
            again.get("clientReference").asText(), samePhone.get("clientReference").asText());
    JsonNode sameName = items.get(0);
    assertThat(sameName.get("likeReference").asText())
        .isEqualTo(first.get("clientReference").asText());
    assertThat(sameName.get("alike").toString()).isEqualTo("[\"NAME_AND_BIRTH_DATE\"]");
    assertThat(sameName.get("clients").get(0).get("name").asText()).isEqualTo("H.M.");
    assertThat(sameName.get("clients").get(1).get("birthYear").asInt()).isEqualTo(1988);
    JsonNode samePhoneLine = items.get(1);
    assertThat(samePhoneLine.get("likeReference").asText())
        .isEqualTo(first.get("clientReference").asText());
    assertThat(samePhoneLine.get("alike").toString()).isEqualTo("[\"PHONE_AND_BIRTH_YEAR\"]");
    assertThat(seen.body())
        .doesNotContain("Hua Mei", "Lan Fang", "1111", "1988-05-06", "clientId")
        .doesNotContain(stranger.get("clientReference").asText());

    // Looking is recorded, for each client shown.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        as(supervisor)
                            .everyPage(
                                "/api/audit/access?recordId=" + first.get("clientId").asText())
                            .toString())
                    .contains("\"viewer\":\"" + supervisor + "\"", "\"recordType\":\"CLIENT\""));

    assertThat(as(counsellor).get("/api/clients/duplicates").status()).isEqualTo(403);
    assertThat(as("alice").get("/api/clients/duplicates").status()).isEqualTo(403);
    Response anotherUnits = as("sam").get("/api/clients/duplicates?limit=500");
    assertThat(anotherUnits.status()).isEqualTo(200);
    assertThat(as("sam").everyPage("/api/clients/duplicates?limit=500").toString())
        .doesNotContain(
            again.get("clientReference").asText(), samePhone.get("clientReference").asText());
  }

  @Test
  void aMergeTakesTheOldReferenceToTheClientWhoStaysAndKeepsBothHistories() {
    JsonNode first = opened(HUA_MEI);
    JsonNode again = opened(HUA_MEI_AGAIN);
    String stays = first.get("clientReference").asText();
    String duplicate = again.get("clientReference").asText();
    Response note =
        as(counsellor)
            .post(
                "/api/intakes/" + again.get("id").asText() + "/notes",
                "{\"text\":\"Second-record note\"}");
    assertThat(note.status()).isEqualTo(201);

    Response merged = merge(supervisor, duplicate, stays);
    assertThat(merged.status()).as(merged.toString()).isEqualTo(204);
    String token = merged.header("X-Consistency-Token");
    assertThat(eventsOf("client-merge:" + duplicate)).isEqualTo(1);

    // No longer a possible duplicate.
    assertThat(
            references(
                as(supervisor)
                    .with("X-Consistency-Token", token)
                    .everyPage("/api/clients/duplicates")))
        .doesNotContain(duplicate);

    // The old reference takes her in again as the client who stayed.
    Response returning =
        as(counsellor)
            .post(
                "/api/intakes",
                """
                {"clientReference":"%s","birthDate":"1988-05-06","source":"PHONE",
                 "concern":"Back once more","urgency":"ROUTINE"}"""
                    .formatted(duplicate));
    assertThat(returning.status()).as(returning.toString()).isEqualTo(201);
    JsonNode third = caseSeen(returning.id(), returning.header("X-Consistency-Token"));
    assertThat(third.get("clientReference").asText()).isEqualTo(stays);
    assertThat(third.get("clientId").asText()).isEqualTo(first.get("clientId").asText());

    // The duplicate's case now shows the client who stayed; its history still reads as it
    // happened, with the merge in it (who, why).
    JsonNode secondCase = caseSeen(again.get("id").asText(), token);
    assertThat(secondCase.get("clientReference").asText()).isEqualTo(stays);
    assertThat(secondCase.get("clientId").asText()).isEqualTo(first.get("clientId").asText());
    String history =
        as(counsellor).get("/api/intakes/" + again.get("id").asText() + "/history").body();
    assertThat(history)
        .contains(duplicate, "Second-record note", "\"type\":\"ClientsMerged\"")
        .contains("\"by\":\"" + supervisor + "\"", "Same person: same name and birth date");
    assertThat(as(supervisor).get("/api/intakes/" + again.get("id").asText() + "/history").body())
        .contains("\"type\":\"ClientsMerged\"")
        .doesNotContain("Hua Mei", "Second-record note");
    assertThat(as(counsellor).get("/api/intakes/" + first.get("id").asText() + "/history").status())
        .isEqualTo(200);
    assertThat(
            as(supervisor).with("X-Consistency-Token", token).everyPage("/api/caseload").toString())
        .contains(again.get("id").asText())
        .doesNotContain(duplicate);
  }

  @Test
  void badMergesAreRefusedAndStoreNothing() {
    String stays = opened(HUA_MEI).get("clientReference").asText();
    String duplicate = opened(HUA_MEI_AGAIN).get("clientReference").asText();
    JsonNode erasedOne = opened(SAME_PHONE);
    String erased = erasedOne.get("clientReference").asText();
    String merges = "client-merge:" + duplicate;

    assertThat(
            as(supervisor)
                .post("/api/clients/" + duplicate + "/merge", "{\"into\":\"" + stays + "\"}")
                .status())
        .as("no reason")
        .isEqualTo(400);
    assertThat(merge(supervisor, duplicate, "not-a-reference").status()).isEqualTo(400);
    assertThat(merge(supervisor, duplicate, "C-1999-999999").status())
        .as("no such client")
        .isEqualTo(400);
    assertThat(merge(counsellor, duplicate, stays).status()).isEqualTo(403);
    assertThat(merge("sam", duplicate, stays).status())
        .as("another unit's supervisor: no such client for him")
        .isEqualTo(404);
    assertThat(merge(supervisor, duplicate, duplicate).status()).isEqualTo(409);
    Response north =
        as("alice")
            .post("/api/intakes", intake("Wu Kai", "1988-05-06", "+86 139 1111 2222", "North"));
    String northClient =
        as("alice")
            .with("X-Consistency-Token", north.header("X-Consistency-Token"))
            .get("/api/intakes/" + north.id())
            .json()
            .get("clientReference")
            .asText();
    assertThat(merge(supervisor, duplicate, northClient).status())
        .as("two units' clients")
        .isEqualTo(409);
    assertThat(eventsOf(merges)).isZero();

    Response erasure =
        as("pat")
            .post(
                "/api/privacy/people/" + erasedOne.get("clientId").asText() + "/erasure",
                "{\"reason\":\"Asked to be forgotten\",\"requestReference\":\"MERGE-TEST-1\"}");
    assertThat(erasure.status()).as(erasure.toString()).isEqualTo(204);
    assertThat(merge(supervisor, erased, stays).status())
        .as("an erased person is found by nobody")
        .isEqualTo(404);
    assertThat(merge(supervisor, duplicate, erased).status()).as("into erased").isEqualTo(400);
    assertThat(eventsOf("client-merge:" + erased)).isZero();
    assertThat(eventsOf(merges)).isZero();

    assertThat(merge(supervisor, duplicate, stays).status()).isEqualTo(204);
    assertThat(merge(supervisor, duplicate, stays).status()).as("merged already").isEqualTo(409);
    assertThat(merge(supervisor, stays, duplicate).status())
        .as("into a client merged away")
        .isEqualTo(409);
    assertThat(eventsOf(merges)).isEqualTo(1);
    assertThat(eventsOf("client-merge:" + stays)).isZero();
  }

  @Test
  void erasingTheClientWhoStayedErasesTheMergedDuplicatesRecordsToo() {
    JsonNode stays = opened(HUA_MEI);
    JsonNode duplicate = opened(HUA_MEI_AGAIN);
    String duplicateReference = duplicate.get("clientReference").asText();
    assertThat(
            merge(supervisor, duplicateReference, stays.get("clientReference").asText()).status())
        .isEqualTo(204);

    Response erasure =
        as("pat")
            .post(
                "/api/privacy/people/" + stays.get("clientId").asText() + "/erasure",
                "{\"reason\":\"Asked to be forgotten\",\"requestReference\":\"MERGE-TEST-2\"}");
    assertThat(erasure.status()).as(erasure.toString()).isEqualTo(204);

    assertThat(
            jdbc.sql("SELECT count(*) FROM data_key WHERE record_id = :intake AND wrapped IS NULL")
                .param("intake", UUID.fromString(duplicate.get("id").asText()))
                .query(Long.class)
                .single())
        .as("the duplicate's case is the same person's: its key is destroyed too")
        .isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "SELECT count(*) FROM client_identity WHERE client_id = :client"
                                    + " AND (phone IS NOT NULL OR name LIKE '%Hua%')")
                            .param("client", UUID.fromString(duplicate.get("clientId").asText()))
                            .query(Long.class)
                            .single())
                    .as("the duplicate's identity in the caseload")
                    .isZero());
    Response again =
        as(counsellor)
            .post(
                "/api/intakes",
                """
                {"clientReference":"%s","birthDate":"1988-05-06",
                 "source":"WALK_IN","concern":"Back once more","urgency":"ROUTINE"}"""
                    .formatted(duplicateReference));
    assertThat(again.status())
        .as("the duplicate's reference finds nobody either: %s", again)
        .isEqualTo(400);
  }
}
