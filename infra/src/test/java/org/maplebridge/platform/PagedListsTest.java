package org.maplebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Lists come in pages: {@code limit} rows (50 by default, 500 at most) and, while more follow, the
 * next page's cursor as {@code next}: {@code {"items":[...],"next":cursor}}. Each test works in a
 * unit of its own, so the rows of other tests do not count.
 */
class PagedListsTest extends PlatformTest {
  private static final int ROWS = 120;
  private String supervisor;
  private String counsellor;

  @BeforeEach
  void aUnitOfItsOwn() {
    String unit = "paging-" + UUID.randomUUID().toString().substring(0, 8);
    supervisor = unit + "-sup";
    counsellor = unit + "-couns";
    Api admin = as("admin");
    assertThat(admin.post("/api/admin/units", "{\"id\":\"" + unit + "\",\"name\":\"Paging\"}"))
        .extracting(Response::status)
        .isEqualTo(201);
    addStaff(supervisor, "SUPERVISOR", unit, PASSWORD + "-paging");
    addStaff(counsellor, "COUNSELLOR", unit, PASSWORD + "-paging");
  }

  @Override
  protected Api as(String username) {
    return username.startsWith("paging-")
        ? Api.at(port, username, PASSWORD + "-paging")
        : super.as(username);
  }

  @Test
  void theSupervisorsCaseloadComesInPagesOfFiftyWithoutDuplicatesOrGaps() {
    Set<String> opened = new HashSet<>();
    Response last = null;
    for (int i = 0; i < ROWS; i++) {
      last = as(counsellor).post("/api/intakes", NEW_CLIENT_INTAKE);
      opened.add(last.id());
    }
    Api sam = as(supervisor).with("X-Consistency-Token", last.header("X-Consistency-Token"));

    List<List<String>> pages = pages(sam, "/api/caseload?limit=50", "intakeId");

    assertThat(pages).extracting(List::size).containsExactly(50, 50, 20);
    assertThat(pages.stream().flatMap(List::stream).toList())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(opened);
  }

  @Test
  void theReferralListComesInPagesAndRecordsTheLooksOfEachPageInOneWrite() {
    Api couns = as(counsellor);
    String intake = couns.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String provider =
        couns
            .get("/api/providers?serviceType=PSYCHIATRIC_ASSESSMENT")
            .json()
            .get(0)
            .get("id")
            .asText();
    Set<String> requested = new HashSet<>();
    Response last = null;
    for (int i = 0; i < ROWS; i++) {
      last =
          couns.post(
              "/api/referrals",
              "{\"intakeId\":\""
                  + intake
                  + "\",\"serviceType\":\"PSYCHIATRIC_ASSESSMENT\",\"providerId\":\""
                  + provider
                  + "\",\"urgency\":\"ROUTINE\",\"reason\":\"Review "
                  + i
                  + "\",\"disclosedFields\":[\"NAME\"]}");
      requested.add(last.id());
    }

    List<List<String>> pages =
        pages(
            couns.with("X-Consistency-Token", last.header("X-Consistency-Token")),
            "/api/referrals?limit=50",
            "id");

    assertThat(pages).extracting(List::size).containsExactly(50, 50, 20);
    assertThat(pages.stream().flatMap(List::stream).toList())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(requested);
    for (List<String> page : pages) {
      assertThat(transactionsRecordingLooksAt(page))
          .as("the looks of one page: one per row, stored in one transaction")
          .containsExactly((long) page.size(), 1L);
    }
    String firstShown = pages.get(0).get(0);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode looks =
                  as(supervisor)
                      .get("/api/audit/access?recordId=" + firstShown)
                      .json()
                      .get("items");
              assertThat(looks).hasSize(1);
              assertThat(looks.get(0).get("viewer").asText()).isEqualTo(counsellor);
              assertThat(looks.get(0).get("recordType").asText()).isEqualTo("REFERRAL");
              assertThat(looks.get(0).get("refused").asBoolean()).isFalse();
            });
  }

  @Test
  void theAccessAuditComesInPagesOfFiftyWithoutDuplicatesOrGaps() {
    Api couns = as(counsellor);
    Response opened = couns.post("/api/intakes", NEW_CLIENT_INTAKE);
    String intake = opened.id();
    String from = Instant.now().toString();
    Api reading = couns.with("X-Consistency-Token", opened.header("X-Consistency-Token"));
    for (int i = 0; i < ROWS; i++) {
      assertThat(reading.get("/api/intakes/" + intake).status()).isEqualTo(200);
    }
    String audit = "/api/audit/access?recordId=" + intake + "&from=" + from;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> as(supervisor).get(audit + "&limit=500").json().get("items").size() == ROWS);

    List<List<String>> pages = pages(as(supervisor), audit + "&limit=50", "viewId");

    assertThat(pages).extracting(List::size).containsExactly(50, 50, 20);
    assertThat(pages.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates().hasSize(ROWS);
  }

  @Test
  void aLimitOutsideOneToFiveHundredOrABadCursorIsAProblemResponse() {
    for (String list : List.of("/api/caseload", "/api/referrals", "/api/audit/access")) {
      for (String query : List.of("limit=501", "limit=0", "limit=many", "cursor=not-a-cursor")) {
        Response answer = as(supervisor).get(list + "?" + query);
        assertThat(answer.status()).as(list + "?" + query).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      }
      assertThat(as(supervisor).get(list + "?limit=500").status()).isEqualTo(200);
    }
  }

  /**
   * Follows the cursor from {@code first} to the last page: each page's {@code field} values. Every
   * page but the last names the next one in both headers.
   */
  private static List<List<String>> pages(Api api, String first, String field) {
    List<List<String>> pages = new ArrayList<>();
    String path = first;
    while (path != null) {
      Response page = api.get(path);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      List<String> values = new ArrayList<>();
      page.json().get("items").forEach(row -> values.add(row.get(field).asText()));
      pages.add(values);
      JsonNode cursor = page.json().get("next");
      path = cursor == null ? null : first + "&cursor=" + cursor.asText();
      assertThat(pages).as("the pages end").hasSizeLessThan(10);
    }
    return pages;
  }

  /** How many looks at these records are stored, and in how many transactions. */
  private List<Long> transactionsRecordingLooksAt(List<String> recordIds) {
    String[] patterns =
        recordIds.stream().map(id -> "%\"recordId\":\"" + id + "\"%").toArray(String[]::new);
    return jdbc.sql(
            """
            SELECT count(*) AS looks, count(DISTINCT xmin::text) AS transactions
            FROM domainevententry WHERE payloadtype LIKE '%.RecordViewed'
              AND convert_from(payload, 'UTF8') LIKE ANY(:patterns)
            """)
        .param("patterns", patterns)
        .query((row, n) -> List.of(row.getLong("looks"), row.getLong("transactions")))
        .single();
  }
}
