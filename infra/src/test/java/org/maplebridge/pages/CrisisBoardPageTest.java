package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.maplebridge.pages.Browser.awaitText;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

/**
 * The crisis journey's board in a real browser, in Chinese: an imminent call appears on the open
 * page and climbs the ladder while nobody acknowledges it, without a reload. Deadlines are seconds
 * long here (the same settings as the deadline tests, so the platform is shared with them).
 */
@TestPropertySource(
    properties = {
      "maplebridge.deadlines.escalation-ack.imminent=PT2S",
      "maplebridge.deadlines.escalation-ack.high=PT2S",
      "maplebridge.deadlines.rescue-confirmation=PT3S",
      "maplebridge.deadlines.referral-response.urgent=PT2S",
      "maplebridge.emergency-access.duration=PT3S"
    })
class CrisisBoardPageTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();
  private WebDriver browser;

  @Test
  void anImminentCallClimbsTheLadderOnTheOpenBoardWithoutAReload() throws Exception {
    browser = browsers.open("zh-CN");
    Browser.signIn(browser, port, "carol", PASSWORD);
    assertThat(browser.getCurrentUrl())
        .as("crisis workers start at the board")
        .contains("/crisis-board");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("危机看板");
    JavascriptExecutor page = (JavascriptExecutor) browser;

    // A call taken through the pages: the new contact, then its risk assessed on its page.
    browser.findElement(By.id("new-crisis")).click();
    new Select(shown(By.id("channel"))).selectByValue("HOTLINE");
    new Select(browser.findElement(By.id("caller"))).selectByValue("FAMILY");
    browser
        .findElement(By.id("summary"))
        .sendKeys("Mother calls: son stopped eating, says goodbye");
    Browser.submit(browser, browser.findElement(By.id("open-crisis")));
    awaitText(browser, By.id("crisis-status"), "待评估");
    new Select(shown(By.id("assess-level"))).selectByValue("MODERATE");
    browser.findElement(By.id("assess-notes")).sendKeys("Talked for 20 minutes, agreed to stay");
    Browser.submit(browser, browser.findElement(By.id("assess")));
    awaitText(browser, By.id("crisis-risk"), "中");
    browser.findElement(By.linkText("危机看板")).click();
    shown(By.id("board"));
    page.executeScript("window.sameDocument = true");

    Api carol = as("carol");
    String crisis =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    carol.post("/api/crises/" + crisis + "/risk-assessments", "{\"level\":\"IMMINENT\"}");

    Set<String> tiersSeen = new LinkedHashSet<>();
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < until && !tiersSeen.contains("紧急服务")) {
      // Read in one go: the page redraws its rows whenever the board changes.
      @SuppressWarnings("unchecked")
      List<String> row =
          (List<String>)
              page.executeScript(
                  "const r = document.querySelector(`tr[data-crisis='${arguments[0]}']`);"
                      + " return r ? ['.tier', '.risk-name', '.left .countdown'].map("
                      + " c => r.querySelector(c).textContent) : null;",
                  crisis);
      if (row != null && !row.get(0).isBlank()) {
        // Escalated: assessed imminent, with its deadline counting down (or passed).
        tiersSeen.add(row.get(0));
        assertThat(row.get(1)).isEqualTo("紧迫");
        assertThat(row.get(2)).matches("\\d+:\\d{2}|已超时");
      }
      Thread.sleep(150);
    }
    assertThat(tiersSeen).as("the rungs the open page showed").contains("紧急服务");
    assertThat(tiersSeen.size()).as("it climbed while the page watched").isGreaterThanOrEqualTo(2);
    assertThat(page.executeScript("return window.sameDocument === true"))
        .as("no reload")
        .isEqualTo(true);

    // From the board to the episode: acknowledge, the rescue and its confirmation, the safety
    // plan, and the follow-up, each shown on the page the post leads to.
    browser.findElement(By.cssSelector("tr[data-crisis='" + crisis + "'] a")).click();
    awaitText(browser, By.id("crisis-risk"), "紧迫");
    List<WebElement> acknowledge = browser.findElements(By.cssSelector("button.acknowledge"));
    if (!acknowledge.isEmpty()) {
      Browser.submit(browser, acknowledge.get(0));
      awaitText(browser, By.id("escalations"), "carol");
    }
    new Select(shown(By.id("dispatch-agency"))).selectByValue("AMBULANCE");
    browser.findElement(By.id("dispatch-reference")).sendKeys("120-7781");
    browser.findElement(By.id("dispatch-reason")).sendKeys("Standing on a bridge, will not move");
    Browser.submit(browser, browser.findElement(By.id("dispatch")));
    awaitText(browser, By.id("rescue"), "120-7781");
    shown(By.id("rescue-outcome")).sendKeys("Ambulance took her to City General, safe");
    Browser.submit(browser, browser.findElement(By.id("confirm-rescue")));
    awaitText(browser, By.id("rescue"), "救援已到达当事人");

    page.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
    for (String step :
        List.of(
            "warningSigns",
            "internalCopingStrategies",
            "peopleAndPlacesForDistraction",
            "peopleToAskForHelp",
            "professionalsAndAgencies",
            "makingTheEnvironmentSafe")) {
      WebElement field = shown(By.id("plan-" + step));
      field.clear();
      field.sendKeys("Plan " + step + " one\nPlan " + step + " two");
    }
    Browser.submit(browser, browser.findElement(By.id("record-plan")));
    awaitText(browser, By.id("safety-plan"), "Plan warningSigns one; Plan warningSigns two");

    Browser.setValue(
        browser,
        By.id("follow-up-due"),
        LocalDateTime.now().plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString());
    // A follow-up may be due already (imminent risk asks for one): wait for the new page.
    Browser.submit(browser, browser.findElement(By.id("schedule-follow-up")));
    awaitText(browser, By.id("follow-ups"), "待随访");
    WebElement due = browser.findElement(By.cssSelector("form.follow-up-done"));
    new Select(due.findElement(By.name("reached"))).selectByValue("true");
    new Select(due.findElement(By.name("level"))).selectByValue("LOW");
    Browser.submit(browser, due.findElement(By.cssSelector("button.complete-follow-up")));
    awaitText(browser, By.id("follow-ups"), "已完成");
    assertThat(browser.findElement(By.id("history")).getText())
        .contains("呼叫紧急救援")
        .contains("救援已确认")
        .contains("完成随访");
  }

  private WebElement shown(By what) {
    return Browser.shown(browser, what);
  }

  /** A known client calls again: the hotline looks up the reference and sees risk and plan. */
  @Test
  void aCrisisWorkerLooksUpAKnownClientsRiskAndSafetyPlan() throws Exception {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> alice.get("/api/intakes/" + intake).status() == 200);
    String client = alice.get("/api/intakes/" + intake).json().get("clientId").asText();
    String reference = alice.get("/api/intakes/" + intake).json().get("clientReference").asText();
    Api carol = as("carol");
    String crisis =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"clientId\":\""
                    + client
                    + "\",\"summary\":\"x\"}")
            .id();
    carol.post("/api/crises/" + crisis + "/risk-assessments", "{\"level\":\"HIGH\"}");
    carol.post(
        "/api/crises/" + crisis + "/safety-plan",
        "{\"warningSigns\":[\"Stops answering the phone\"],\"internalCopingStrategies\":[\"b\"],"
            + "\"peopleAndPlacesForDistraction\":[\"c\"],\"peopleToAskForHelp\":[\"Her sister\"],"
            + "\"professionalsAndAgencies\":[\"e\"],\"makingTheEnvironmentSafe\":[\"f\"]}");

    browser = browsers.open("en");
    Browser.signIn(browser, port, "carol", PASSWORD);
    browser.findElement(By.linkText("Risk alert")).click();
    shown(By.id("client")).sendKeys(reference);
    browser.findElement(By.id("look-up")).click();
    awaitText(browser, By.id("alert"), "Risk: High");
    assertThat(browser.findElement(By.id("alert-plan")).getText())
        .contains("Stops answering the phone")
        .contains("Her sister");
    shown(By.id("client")).clear();
    browser.findElement(By.id("client")).sendKeys("C-1999-999999");
    browser.findElement(By.id("look-up")).click();
    awaitText(browser, By.id("alert"), "No active risk alert");
  }
}
