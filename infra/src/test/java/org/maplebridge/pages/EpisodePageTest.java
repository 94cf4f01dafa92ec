package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.maplebridge.pages.Browser.awaitText;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.TestPropertySource;

/**
 * The episode page as a worker under pressure opens it: what is due now comes first (the
 * acknowledgement, the rescue's confirmation, with their countdowns), times in the viewer's own
 * time zone, the assessment folded away once a level exists, and closing asks first. The same
 * settings as the other crisis page tests, so the platform is shared with them.
 */
@TestPropertySource(
    properties = {
      "maplebridge.deadlines.escalation-ack.imminent=PT2S",
      "maplebridge.deadlines.escalation-ack.high=PT2S",
      "maplebridge.deadlines.rescue-confirmation=PT3S",
      "maplebridge.deadlines.referral-response.urgent=PT2S",
      "maplebridge.emergency-access.duration=PT3S"
    })
class EpisodePageTest extends PlatformTest {
  /** A zone other than the server's, so a time written in the server's zone shows. */
  private static final ZoneId VIEWER = ZoneId.of("Asia/Kathmandu");

  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void theOnCallSupervisorAcknowledgesFromThePagesTopInTheirOwnTimeZone() throws Exception {
    Api carol = as("carol");
    String crisis =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"m\"}")
            .id();
    carol.post("/api/crises/" + crisis + "/risk-assessments", "{\"level\":\"MODERATE\"}");
    carol.post("/api/crises/" + crisis + "/escalations", "{\"reason\":\"Wants a clinician\"}");
    Api sam = as("sam");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> sam.get("/api/crises/" + crisis).json().path("escalations").size() == 1);
    JsonNode escalation = sam.get("/api/crises/" + crisis).json().get("escalations").get(0);
    String deadline =
        DateTimeFormatter.ofPattern("HH:mm:ss")
            .format(Instant.parse(escalation.get("deadline").asText()).atZone(VIEWER));

    WebDriver browser = browsers.open("en");
    ((ChromeDriver) browser)
        .executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", VIEWER.getId()));
    Browser.signIn(browser, port, "sam", PASSWORD);
    JavascriptExecutor page = (JavascriptExecutor) browser;
    // Wherever the on-call supervisor is, the header counts what waits for them, and the tab too.
    int waiting =
        Integer.parseInt(
            Browser.shown(browser, By.cssSelector("#waiting-badge .badge-count")).getText());
    assertThat(waiting).isPositive();
    assertThat(browser.getTitle()).startsWith("(" + waiting + ") ");
    assertThat(waitingFor(page)).contains(crisis);

    browser.get("http://127.0.0.1:" + port + "/crises/" + crisis);
    String dueNow = Browser.shown(browser, By.id("due-now")).getText();
    assertThat(dueNow).contains("Acknowledge").containsPattern("\\d+:\\d{2}").contains(deadline);
    assertThat(
            page.executeScript(
                "const due = document.getElementById('due-now');"
                    + " return [...document.querySelectorAll('main form')]"
                    + ".filter(f => !due.contains(f))"
                    + ".every(f => due.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);"))
        .as("what is due now comes above every other form")
        .isEqualTo(true);
    assertThat(browser.findElement(By.id("escalations")).getText())
        .as("the escalation's deadline in the viewer's time zone")
        .contains(deadline);

    Browser.submit(browser, browser.findElement(By.cssSelector("#due-now button.acknowledge")));
    awaitText(browser, By.id("escalations"), "sam");
    assertThat(browser.findElements(By.id("due-now"))).isEmpty();
    assertThat(waitingFor(page))
        .as("acknowledged: no longer waiting for sam")
        .doesNotContain(crisis);
  }

  /** The episodes the header's badge counts for the signed-in person, as the page asks them. */
  private static String waitingFor(JavascriptExecutor page) {
    return (String)
        page.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " fetch('/crisis-board/waiting').then(r => r.text()).then(done);");
  }

  @Test
  void anUnconfirmedRescueIsDueFirstAndClosingAsksBeforeItActs() throws Exception {
    Api carol = as("carol");
    String high =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"h\"}")
            .id();
    carol.post("/api/crises/" + high + "/risk-assessments", "{\"level\":\"HIGH\"}");
    carol.post(
        "/api/crises/" + high + "/emergency-dispatch",
        "{\"agency\":\"AMBULANCE\",\"reference\":\"120-55\",\"confidentialityBreakReason\":\"x\"}");
    String low =
        carol
            .post("/api/crises", "{\"channel\":\"CHAT\",\"caller\":\"SELF\",\"summary\":\"l\"}")
            .id();
    carol.post("/api/crises/" + low + "/risk-assessments", "{\"level\":\"LOW\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                carol.get("/api/crises/" + high).json().has("rescue")
                    && carol.get("/api/crises/" + low).json().has("risk"));

    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, "carol", PASSWORD);
    browser.get("http://127.0.0.1:" + port + "/crises/" + high);
    assertThat(Browser.shown(browser, By.id("due-now")).getText())
        .contains("Help reached the person")
        .containsPattern("\\d+:\\d{2}|Overdue");
    assertThat(browser.findElement(By.id("assess-details")).getAttribute("open"))
        .as("the assessment is folded away once a level exists")
        .isNull();

    browser.get("http://127.0.0.1:" + port + "/crises/" + low);
    var close = Browser.shown(browser, By.id("close-crisis"));
    assertThat(close.getDomAttribute("class")).contains("danger");
    assertThat(close.getCssValue("background-color"))
        .as("closing looks unlike the other buttons")
        .isNotEqualTo(browser.findElement(By.id("assess")).getCssValue("background-color"));
    close.click();
    browser.switchTo().alert().dismiss();
    Thread.sleep(500);
    assertThat(browser.findElement(By.id("crisis-status")).getText()).isNotEqualTo("Closed");
    Browser.shown(browser, By.id("close-crisis")).click();
    browser.switchTo().alert().accept();
    awaitText(browser, By.id("crisis-status"), "Closed");
  }
}
