package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * What a live board's redraw costs in recorded looks. A board of 20 episodes kept open: when a 21st
 * comes in, the server asks for the board for the stream and the page asks for its rows again; the
 * worker newly sees one row, and one look is recorded (it used to be 42: every row, twice, each a
 * stored event, a link of the audit chain and a row of the access log). The access audit still
 * tells who saw which episode and when.
 */
class CrisisBoardLooksPageTest extends PlatformTest {
  private static final int EPISODES = 20;
  private static final String OWN_PASSWORD = PASSWORD + "-looks";

  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void aRedrawOfTheLiveBoardRecordsOnlyTheRowsTheWorkerNewlySees() throws Exception {
    String unit = "looks-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            as("admin")
                .post("/api/admin/units", "{\"id\":\"" + unit + "\",\"name\":\"Looks\"}")
                .status())
        .isEqualTo(201);
    String worker = unit + "-cw";
    addStaff(worker, "CRISIS_WORKER", unit, OWN_PASSWORD);
    Api api = Api.at(port, worker, OWN_PASSWORD);
    for (int i = 0; i < EPISODES; i++) {
      api.post(
          "/api/crises",
          "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Call " + i + "\"}");
    }

    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, worker, OWN_PASSWORD);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              browser.get("http://127.0.0.1:" + port + "/crisis-board");
              return rows(browser) == EPISODES;
            });
    long firstSight = looksBy(worker);
    long rowsBefore = auditRows();

    String another =
        api.post("/api/crises", "{\"channel\":\"CHAT\",\"caller\":\"FAMILY\",\"summary\":\"New\"}")
            .id();
    await().atMost(Duration.ofSeconds(10)).until(() -> rows(browser) == EPISODES + 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM access_log WHERE viewer = :viewer"
                                + " AND record_id = CAST(:crisis AS uuid)")
                        .param("viewer", worker)
                        .param("crisis", another)
                        .query(Long.class)
                        .single()
                    >= 1);
    long redraw = looksBy(worker) - firstSight;
    // What one redraw stored, for the record: each look is an event, a link of the audit chain
    // and a row of the access log.
    System.out.printf(
        "Board of %d episodes: first sight %d looks; one redraw %d looks, %d rows stored%n",
        EPISODES, firstSight, redraw, auditRows() - rowsBefore);
    assertSoftly(
        soft -> {
          soft.assertThat(firstSight)
              .as("the first sight of the board: each row once, however often it was drawn")
              .isEqualTo(EPISODES);
          soft.assertThat(redraw)
              .as("the redraw records the one row the worker newly sees")
              .isEqualTo(1);
        });
  }

  /** Rows the looks store: events, links of the audit chain, rows of the access log. */
  private long auditRows() {
    return jdbc.sql(
            """
            SELECT (SELECT count(*) FROM domainevententry) + (SELECT count(*) FROM event_chain)
              + (SELECT count(*) FROM access_log)
            """)
        .query(Long.class)
        .single();
  }

  private static int rows(WebDriver browser) {
    return browser.findElements(By.cssSelector("#board tbody tr[data-crisis]")).size();
  }

  /** The looks recorded for the viewer: stored events. */
  private long looksBy(String viewer) {
    return jdbc.sql(
            """
            SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.RecordViewed'
              AND convert_from(payload, 'UTF8') LIKE :viewer
            """)
        .param("viewer", "%\"viewer\":\"" + viewer + "\"%")
        .query(Long.class)
        .single();
  }
}
