package org.maplebridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.maplebridge.events.Erased;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The privacy officer erases a person: their data keys are destroyed, the read models drop their
 * fields, and afterwards no table holds their name, national ID, notes, crisis summary or referral
 * reason anywhere, while the histories still show every step with who and when, and a full replay
 * rebuilds the same read models. Retention and legal holds decide who is due (a 3-second retention
 * here, to test the boundaries).
 */
@TestPropertySource(properties = "maplebridge.retention.after-closure=PT3S")
class ErasureTest extends PlatformTest {
  @Autowired private DataSource dataSource;

  private static final List<String> CANARIES =
      List.of(
          "Erasable Canaryperson",
          "ERASECANARY440101199001019999",
          "ERASE-CANARY-NOTE nightmares since spring",
          "ERASE-CANARY-SUMMARY called from the riverbank",
          "ERASE-CANARY-REASON psychiatric review please");

  @Test
  void anErasedPersonLeavesNothingReadableInAnyTableAndTheHistoriesStillTellWhoDidWhatAndWhen() {
    Api alice = as("alice");
    Response opened =
        alice.post(
            "/api/intakes",
            """
            {"client":{"name":"Erasable Canaryperson","birthDate":"1990-01-01",
                       "phone":"+86 139 0000 2222","nationalId":"ERASECANARY440101199001019999"},
             "source":"WALK_IN","concern":"Low mood","urgency":"SOON"}
            """);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String intake = opened.id();
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}");
    Response note =
        alice.post(
            "/api/intakes/" + intake + "/notes",
            "{\"text\":\"ERASE-CANARY-NOTE nightmares since spring\"}");
    assertThat(note.status()).isEqualTo(201);
    String client =
        alice
            .with("X-Consistency-Token", note.header("X-Consistency-Token"))
            .get("/api/intakes/" + intake)
            .json()
            .get("clientId")
            .asText();
    Api carol = as("carol");
    Response crisis =
        carol.post(
            "/api/crises",
            ("{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"clientId\":\"%s\","
                    + "\"summary\":\"ERASE-CANARY-SUMMARY called from the riverbank\"}")
                .formatted(client));
    assertThat(crisis.status()).as(crisis.toString()).isEqualTo(201);
    Response referral =
        alice.post(
            "/api/referrals",
            """
            {"intakeId":"%s","serviceType":"PSYCHIATRIC_ASSESSMENT","providerId":"%s",
             "urgency":"URGENT","reason":"ERASE-CANARY-REASON psychiatric review please",
             "disclosedFields":["NAME","NATIONAL_ID"]}"""
                .formatted(intake, providerOffering("PSYCHIATRIC_ASSESSMENT")));
    assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
    List<String> before =
        historyTypes(
            alice.with("X-Consistency-Token", referral.header("X-Consistency-Token")), intake);
    assertThat(tablesHolding(CANARIES.get(0))).as("the name is in the read models").isNotEmpty();

    Api pat = as("pat");
    assertThat(
            pat.post(
                    "/api/privacy/people/" + client + "/erasure",
                    "{\"reason\":\"The client asked to be forgotten\"}")
                .status())
        .as("open records and no request: not due")
        .isEqualTo(409);
    long vacuumsBefore = vacuums("client_identity");
    Response erased =
        pat.post(
            "/api/privacy/people/" + client + "/erasure",
            "{\"reason\":\"The client asked to be forgotten\",\"requestReference\":\"PIPL-2026-17\"}");
    assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
    assertThat(
            pat.post(
                    "/api/privacy/people/" + client + "/erasure",
                    "{\"reason\":\"again\",\"requestReference\":\"PIPL-2026-17\"}")
                .status())
        .as("erased once is erased")
        .isEqualTo(409);

    Api aliceAfter = alice.with("X-Consistency-Token", erased.header("X-Consistency-Token"));
    JsonNode history = aliceAfter.get("/api/intakes/" + intake + "/history").json();
    for (JsonNode entry : history.get("entries")) {
      assertThat(entry.get("by").asText()).as(entry.toString()).isNotBlank();
      assertThat(entry.get("at").asText()).as(entry.toString()).isNotBlank();
    }
    assertThat(historyTypes(aliceAfter, intake)).as("every step still listed").isEqualTo(before);
    assertThat(history.toString()).contains("[erased]").doesNotContain("ERASE-CANARY");
    assertThat(aliceAfter.get("/api/intakes/" + intake).body()).doesNotContain("Canaryperson");

    long eventsOfTheCase = eventsOf(intake);
    Response afterwards =
        alice.post("/api/intakes/" + intake + "/notes", "{\"text\":\"ERASE-CANARY-NOTE again\"}");
    assertThat(afterwards.status())
        .as("nothing personal or clinical is added to an erased person's record")
        .isEqualTo(409);
    assertThat(eventsOf(intake)).isEqualTo(eventsOfTheCase);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (String canary : CANARIES) {
                assertThat(tablesHolding(canary)).as(canary).isEmpty();
              }
            });
    await().atMost(Duration.ofSeconds(30)).until(() -> vacuums("client_identity") > vacuumsBefore);
    assertThat(aliceAfter.get("/caseload").body())
        .as("the caseload says erased in words, not the stored placeholder")
        .doesNotContain(Erased.TEXT);
    assertThat(aliceAfter.get("/referrals/" + referral.id()).body())
        .as("the referral's erased reason reads as erased in the reader's language")
        .doesNotContain(Erased.TEXT)
        .contains(">erased</dd>");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM data_key WHERE record_id IN (:records) AND wrapped IS NOT NULL")
                .param(
                    "records",
                    List.of(
                        java.util.UUID.fromString(intake),
                        java.util.UUID.fromString(crisis.id()),
                        java.util.UUID.fromString(referral.id())))
                .query(Long.class)
                .single())
        .as("no data key of the person's records is left")
        .isZero();
    JsonNode erasures = pat.get("/api/privacy/erasures").json();
    assertThat(erasures.toString())
        .contains(client, "pat", "REQUEST", "PIPL-2026-17")
        .doesNotContain("Canaryperson");

    String live = quiescentChecksums();
    Response replaying = as("admin").post("/api/admin/projections/replay", "");
    assertThat(replaying.status()).isEqualTo(202);
    assertThat(quiescentChecksums())
        .as("a full replay after erasure equals the live models")
        .isEqualTo(live);
    for (String canary : CANARIES) {
      assertThat(tablesHolding(canary)).as(canary + " after the replay").isEmpty();
    }
  }

  @Test
  void retentionAndLegalHoldDecideWhoIsDueAtTheirBoundaries() {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    String intake = opened.id();
    String client = clientOf(alice, opened);
    Api pat = as("pat");
    assertThat(due(pat)).as("an open case is not due").doesNotContain(client);

    Response closed =
        alice.post("/api/intakes/" + intake + "/closure", "{\"reason\":\"CLIENT_WITHDREW\"}");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(204);
    Instant closedAt = Instant.now();
    Api patAfterClosure = pat.with("X-Consistency-Token", closed.header("X-Consistency-Token"));
    assertThat(due(patAfterClosure))
        .as("closed, but the retention has not run out")
        .doesNotContain(client);
    assertThat(
            pat.post("/api/privacy/people/" + client + "/erasure", "{\"reason\":\"tidy up\"}")
                .status())
        .as("not due without a request")
        .isEqualTo(409);

    await().atMost(Duration.ofSeconds(20)).until(() -> due(pat).contains(client));
    JsonNode entry =
        findIn(pat.get("/api/privacy/retention").json().get("due"), "personId", client);
    Instant dueSince = Instant.parse(entry.get("dueSince").asText());
    assertThat(dueSince)
        .as("due three seconds after the closure")
        .isBetween(closedAt.plusSeconds(2), closedAt.plusSeconds(4));

    Response held =
        pat.post(
            "/api/privacy/people/" + client + "/legal-hold", "{\"reason\":\"Court case 2026-88\"}");
    assertThat(held.status()).as(held.toString()).isEqualTo(204);
    Api patHeld = pat.with("X-Consistency-Token", held.header("X-Consistency-Token"));
    assertThat(due(patHeld)).as("a hold keeps the person off the list").doesNotContain(client);
    assertThat(patHeld.get("/api/privacy/legal-holds").body())
        .contains(client, "Court case 2026-88", "pat");
    assertThat(
            pat.post(
                    "/api/privacy/people/" + client + "/erasure",
                    "{\"reason\":\"due\",\"requestReference\":\"REQ-9\"}")
                .status())
        .as("a held person cannot be erased, even on request")
        .isEqualTo(409);

    Response lifted =
        pat.post(
            "/api/privacy/people/" + client + "/legal-hold/lifting",
            "{\"reason\":\"Case settled\"}");
    assertThat(lifted.status()).isEqualTo(204);
    assertThat(due(pat.with("X-Consistency-Token", lifted.header("X-Consistency-Token"))))
        .contains(client);
    assertThat(
            pat.post("/api/privacy/people/" + client + "/legal-hold/lifting", "{\"reason\":\"x\"}")
                .status())
        .as("no hold to lift")
        .isEqualTo(409);

    Response until =
        pat.post(
            "/api/privacy/people/" + client + "/legal-hold",
            "{\"reason\":\"Inquiry\",\"until\":\"" + Instant.now().plusSeconds(3) + "\"}");
    assertThat(until.status()).isEqualTo(204);
    assertThat(due(pat.with("X-Consistency-Token", until.header("X-Consistency-Token"))))
        .doesNotContain(client);
    await("a hold that ended keeps nobody")
        .atMost(Duration.ofSeconds(20))
        .until(() -> due(pat).contains(client));

    Response reopened =
        alice.post("/api/intakes/" + intake + "/reopening", "{\"reason\":\"Came back\"}");
    assertThat(reopened.status()).as(reopened.toString()).isEqualTo(204);
    assertThat(due(pat.with("X-Consistency-Token", reopened.header("X-Consistency-Token"))))
        .as("reopening starts the retention over")
        .doesNotContain(client);
  }

  @Test
  void onlyThePrivacyOfficerSeesRetentionAndErases() {
    Response opened = as("alice").post("/api/intakes", NEW_CLIENT_INTAKE);
    String intake = opened.id();
    String client = clientOf(as("alice"), opened);
    for (String other : List.of("alice", "carol", "sam", "admin", "pia")) {
      Api staff = as(other);
      assertThat(staff.get("/api/privacy/retention").status()).as(other).isEqualTo(403);
      assertThat(staff.get("/api/privacy/legal-holds").status()).as(other).isEqualTo(403);
      assertThat(staff.get("/api/privacy/erasures").status()).as(other).isEqualTo(403);
      assertThat(
              staff
                  .post(
                      "/api/privacy/people/" + client + "/erasure",
                      "{\"reason\":\"x\",\"requestReference\":\"R-1\"}")
                  .status())
          .as(other)
          .isEqualTo(403);
      assertThat(
              staff
                  .post("/api/privacy/people/" + client + "/legal-hold", "{\"reason\":\"x\"}")
                  .status())
          .as(other)
          .isEqualTo(403);
    }
    assertThat(as("alice").get("/api/intakes/" + intake).body()).contains("Li Wei");
  }

  /**
   * Records stored before this version are found from their events when the platform is upgraded:
   * the migration's backfill, run again now, gives what the write side recorded as the events came.
   */
  @Test
  void recordsStoredBeforeErasureExistedAreFoundFromTheirEvents() throws Exception {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    String intake = opened.id();
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    String referral =
        alice
            .post(
                "/api/referrals",
                """
                {"intakeId":"%s","serviceType":"PSYCHIATRIC_ASSESSMENT","providerId":"%s",
                 "urgency":"URGENT","reason":"Review","disclosedFields":["NAME"]}"""
                    .formatted(intake, providerOffering("PSYCHIATRIC_ASSESSMENT")))
            .id();
    assertThat(
            alice
                .post(
                    "/api/referrals/" + referral + "/cancellation",
                    "{\"side\":\"REFERRER\",\"reason\":\"Not needed\"}")
                .status())
        .isEqualTo(204);
    assertThat(
            alice
                .post("/api/intakes/" + intake + "/closure", "{\"reason\":\"CLIENT_WITHDREW\"}")
                .status())
        .isEqualTo(204);
    String crisis =
        as("carol")
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    List<String> records = List.of(intake, referral, crisis);

    String migration;
    try (var script =
        getClass().getResourceAsStream("/db/migration/V2026120301__person_records.sql")) {
      migration = new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String backfill =
        migration
            .substring(migration.indexOf("WITH opened"))
            .replace("INSERT INTO person_record", "INSERT INTO backfilled");
    List<String> found = new ArrayList<>();
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE backfilled (LIKE person_record)");
      statement.execute(backfill);
      for (String table : List.of("backfilled", "person_record")) {
        try (var rows =
            statement.executeQuery(
                "SELECT record_id, person_id, record_type,"
                    + " date_trunc('milliseconds', closed_at) AS closed FROM "
                    + table
                    + " WHERE record_id::text IN ('"
                    + String.join("','", records)
                    + "') ORDER BY record_id")) {
          StringBuilder rowsOf = new StringBuilder();
          while (rows.next()) {
            rowsOf
                .append(rows.getString(1))
                .append(' ')
                .append(rows.getString(2))
                .append(' ')
                .append(rows.getString(3))
                .append(' ')
                .append(rows.getString(4))
                .append('\n');
          }
          found.add(rowsOf.toString());
        }
      }
      statement.execute("DROP TABLE backfilled");
    }
    assertThat(found.get(1).lines()).hasSize(3);
    assertThat(found.get(1)).contains("INTAKE", "REFERRAL", "CRISIS " + "null");
    assertThat(found.get(0)).as("backfilled = recorded").isEqualTo(found.get(1));
  }

  private static String clientOf(Api counsellor, Response opened) {
    return counsellor
        .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
        .get("/api/intakes/" + opened.id())
        .json()
        .get("clientId")
        .asText();
  }

  private static String due(Api pat) {
    Response list = pat.get("/api/privacy/retention");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.json().get("due").toString();
  }

  private static List<String> historyTypes(Api viewer, String intake) {
    List<String> types = new ArrayList<>();
    viewer
        .get("/api/intakes/" + intake + "/history")
        .json()
        .get("entries")
        .forEach(entry -> types.add(entry.get("type").asText() + "@" + entry.get("at").asText()));
    return types;
  }

  private List<String> tablesHolding(String canary) {
    return tablesHolding(jdbc, canary);
  }

  /** Every table holding the text in any column: rows cast to text, and bytea decoded. */
  static List<String> tablesHolding(JdbcClient jdbc, String canary) {
    List<String> found = new ArrayList<>();
    List<String> tables =
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
            .query(String.class)
            .list();
    for (String table : tables) {
      long rows =
          jdbc.sql(
                  "SELECT count(*) FROM \"" + table + "\" t WHERE position(:canary in t::text) > 0")
              .param("canary", canary)
              .query(Long.class)
              .single();
      List<String> byteColumns =
          jdbc.sql(
                  "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                      + " current_schema() AND table_name = :table AND data_type = 'bytea'")
              .param("table", table)
              .query(String.class)
              .list();
      for (String column : byteColumns) {
        rows +=
            jdbc.sql(
                    "SELECT count(*) FROM \""
                        + table
                        + "\" WHERE position(convert_to(:canary, 'UTF8') in \""
                        + column
                        + "\") > 0")
                .param("canary", canary)
                .query(Long.class)
                .single();
      }
      if (rows > 0) {
        found.add(table);
      }
    }
    return found;
  }

  private long vacuums(String table) {
    return jdbc.sql(
            // On a shared server every test platform has its own schema with the same tables.
            "SELECT coalesce(vacuum_count, 0) FROM pg_stat_user_tables"
                + " WHERE relname = :table AND schemaname = current_schema()")
        .param("table", table)
        .query(Long.class)
        .single();
  }

  /** Checksums once the projections have caught up and two readings a second apart agree. */
  private String quiescentChecksums() {
    Api admin = as("admin");
    String[] last = {""};
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              JsonNode models = admin.get("/api/admin/read-models").json();
              String now = models.get("tables").toString();
              boolean settled = models.get("caughtUp").asBoolean() && now.equals(last[0]);
              last[0] = now;
              return settled;
            });
    return last[0];
  }
}
