package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
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
  private WebDriver browser;
  private boolean passed;

  @AfterEach
  void close() {
    if (browser != null) {
      if (!passed) {
        Browser.screenshot(browser, "crisis-board-live");
      }
      browser.quit();
    }
  }

  @Test
  void anImminentCallClimbsTheLadderOnTheOpenBoardWithoutAReload() throws Exception {
    browser = Browser.open("zh-CN");
    Browser.signIn(browser, port, "carol", PASSWORD);
    assertThat(browser.getCurrentUrl())
        .as("crisis workers start at the board")
        .contains("/crisis-board");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("危机看板");
    JavascriptExecutor page = (JavascriptExecutor) browser;
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
                      + " return r ? ['tier', 'risk-level', 'left'].map("
                      + " c => r.querySelector('td.' + c).textContent) : null;",
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
    passed = true;
  }
}
