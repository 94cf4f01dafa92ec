package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.test.context.TestPropertySource;

/**
 * The crisis board as a worker with a caller on the line reads it: who and what on each row, the
 * most urgent first (an intake's alert above a low-risk call, the unassessed above the low), one
 * row per client, a missed deadline kept in sight after the ladder climbed. Deadlines are seconds
 * long (the same settings as the other crisis page tests, so the platform is shared with them).
 */
@TestPropertySource(
    properties = {
      "maplebridge.deadlines.escalation-ack.imminent=PT2S",
      "maplebridge.deadlines.escalation-ack.high=PT2S",
      "maplebridge.deadlines.rescue-confirmation=PT3S",
      "maplebridge.deadlines.referral-response.urgent=PT2S",
      "maplebridge.emergency-access.duration=PT3S"
    })
class CrisisBoardRowsPageTest extends PlatformTest {
  private static final String HIGH_ANSWERS = "[true,true,true,true,false,false]";

  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void anIntakeAlertSitsAboveALowRiskCallAndAMissedDeadlineStaysMarked() throws Exception {
    Api carol = as("carol");
    String low =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Feels calmer now\"}")
            .id();
    carol.post("/api/crises/" + low + "/risk-assessments", "{\"level\":\"LOW\"}");
    carol.post(
        "/api/crises/" + low + "/follow-ups",
        "{\"dueAt\":\"" + Instant.now().plus(Duration.ofHours(24)) + "\"}");
    String unassessed =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"CHAT\",\"caller\":\"FAMILY\",\"summary\":\"Sister worried\"}")
            .id();
    String imminent =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"y\"}")
            .id();
    carol.post("/api/crises/" + imminent + "/risk-assessments", "{\"level\":\"IMMINENT\"}");

    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String screening =
        alice
            .post(
                "/api/intakes/" + intake + "/screenings",
                "{\"instrument\":\"CSSRS\",\"answers\":" + HIGH_ANSWERS + "}")
            .id();
    String alert =
        UUID.nameUUIDFromBytes(
                ("crisis-for-screening:" + screening).getBytes(StandardCharsets.UTF_8))
            .toString();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> alice.get("/api/intakes/" + intake).status() == 200);
    String client = alice.get("/api/intakes/" + intake).json().get("clientId").asText();
    String reference = alice.get("/api/intakes/" + intake).json().get("clientReference").asText();
    // The same person calls the hotline while the alert is open: still one row.
    String again =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"clientId\":\""
                    + client
                    + "\",\"summary\":\"Calls again\"}")
            .id();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                findIn(carol.get("/api/crisis-board").json().get("items"), "crisisId", alert)
                        != null
                    && findIn(carol.get("/api/crisis-board").json().get("items"), "crisisId", again)
                        != null);

    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, "carol", PASSWORD);
    Browser.shown(browser, By.id("board"));
    JavascriptExecutor page = (JavascriptExecutor) browser;

    assertThat(text(page, alert, "td.who a"))
        .as("the row's link says who and what, not the opening time")
        .contains("Alert from an intake")
        .contains(reference);
    assertThat(text(page, alert, "td.who")).contains("Raised 2 times");
    assertThat(browser.findElements(By.cssSelector("tr[data-crisis='" + again + "']")))
        .as("one client raised twice is one row")
        .isEmpty();
    assertThat(text(page, alert, "td.handler")).isEqualTo("system");
    assertThat(text(page, unassessed, "td.who"))
        .contains("Chat")
        .contains("Family")
        .contains("Sister worried");
    assertThat(text(page, unassessed, "td.risk-level")).contains("Not yet assessed");
    assertThat(text(page, low, "td.on-line")).as("a running call timer").matches("\\d+:\\d{2}");

    List<String> order = rowOrder(page);
    assertThat(order.indexOf(imminent)).isLessThan(order.indexOf(alert));
    assertThat(order.indexOf(alert))
        .as("the intake alert carries its risk: above the unassessed and the low")
        .isLessThan(order.indexOf(unassessed));
    assertThat(order.indexOf(unassessed))
        .as("unknown is not safe: an unassessed contact above a low-risk one")
        .isLessThan(order.indexOf(low));

    assertThat(text(page, low, "td.left"))
        .as("a day-long deadline in hours and minutes, and which one it is")
        .contains("Follow-up")
        .containsPattern("2[34] h \\d{2} min");

    // Imminent and high differ in more than colour: their marks and borders.
    assertThat(text(page, imminent, ".risk-mark")).isEqualTo("‼");
    assertThat(text(page, alert, ".risk-mark")).isEqualTo("!");
    assertThat(borderStyle(page, imminent)).isNotEqualTo(borderStyle(page, alert));

    // Nobody acknowledges: the ladder climbs, and the miss stays on the row, with its tier.
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        (String)
                            page.executeScript(
                                "const r = document.querySelector(`tr[data-crisis='${arguments[0]}']`);"
                                    + " return r ? r.querySelector('td.missed-deadline').textContent"
                                    + " : '';",
                                alert))
                    .containsPattern(
                        "(On-call supervisor|On-call clinician|Emergency services)" + " missed it")
                    .containsPattern("\\d+:\\d{2} ago"));

    WebDriver supervisor = browsers.open("en");
    Browser.signIn(supervisor, port, "sam", PASSWORD);
    supervisor.get("http://127.0.0.1:" + port + "/dashboard");
    assertThat(Integer.parseInt(Browser.shown(supervisor, By.id("missed-deadlines")).getText()))
        .as("the dashboard counts the missed deadlines")
        .isPositive();
  }

  /** The board changes under a worker's keyboard: the focus stays, the change is announced. */
  @Test
  void aRedrawAnnouncesNewAndEscalatedEpisodesAndLeavesTheFocusWhereItWas() throws Exception {
    Api carol = as("carol");
    String first =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"f\"}")
            .id();
    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, "carol", PASSWORD);
    JavascriptExecutor page = (JavascriptExecutor) browser;
    await().atMost(Duration.ofSeconds(10)).until(() -> text(page, first, "td.who a") != null);
    page.executeScript(
        "document.querySelector(`tr[data-crisis='${arguments[0]}'] td.who a`).focus()", first);

    String next =
        carol
            .post("/api/crises", "{\"channel\":\"CHAT\",\"caller\":\"POLICE\",\"summary\":\"n\"}")
            .id();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                browser.findElement(By.id("board-status")).getText().contains("New contact: Chat"));
    carol.post("/api/crises/" + next + "/risk-assessments", "{\"level\":\"IMMINENT\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> browser.findElement(By.id("board-status")).getText().contains("Escalated"));
    assertThat(
            page.executeScript(
                "const row = document.activeElement.closest('tr');"
                    + " return row ? row.dataset.crisis : document.activeElement.tagName;"))
        .as("the redraws left the keyboard focus on the same row's link")
        .isEqualTo(first);
  }

  /** Read in one go: the live page may redraw its rows between two calls of the driver. */
  private static String text(JavascriptExecutor page, String crisis, String cell) {
    return (String)
        page.executeScript(
            "const r = document.querySelector(`tr[data-crisis='${arguments[0]}']`);"
                + " const c = r && r.querySelector(arguments[1]);"
                + " return c ? c.textContent.replace(/\\s+/g, ' ').trim() : null;",
            crisis,
            cell);
  }

  private static String borderStyle(JavascriptExecutor page, String crisis) {
    return (String)
        page.executeScript(
            "const r = document.querySelector(`tr[data-crisis='${arguments[0]}']`);"
                + " return getComputedStyle(r.querySelector('td.risk-level')).borderLeftStyle;",
            crisis);
  }

  @SuppressWarnings("unchecked")
  private static List<String> rowOrder(JavascriptExecutor page) {
    return (List<String>)
        page.executeScript(
            "return [...document.querySelectorAll('#board tbody tr')].map(r => r.dataset.crisis);");
  }
}
