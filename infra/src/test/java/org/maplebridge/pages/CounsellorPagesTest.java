package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maplebridge.pages.Browser.awaitText;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A counsellor's case from intake to closure in a real browser, in English and in Simplified
 * Chinese, without the API: the caseload, a new intake through the form, consent, a PHQ-9 entered
 * item by item, triage and assignment, a session note, a referral request, the history, closing and
 * reopening. Every page after a post already shows the change.
 */
class CounsellorPagesTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();
  private WebDriver browser;

  /** The words the journey expects to read, in the page's language. */
  record Words(
      String client,
      String caseloadTitle,
      String signOut,
      String soon,
      String counselling,
      String moderate,
      String urgent,
      String requested,
      String closed,
      String intakeOpened,
      String priority) {}

  @Test
  void aCounsellorTakesACaseFromIntakeToClosureInEnglish() throws Exception {
    journey(
        "en",
        new Words(
            "Zhao Lei",
            "My caseload",
            "Sign out",
            "Soon",
            "Counselling",
            "Moderate",
            "Urgent",
            "Requested",
            "Closed",
            "Intake opened",
            "Priority"));
  }

  @Test
  void aCounsellorTakesACaseFromIntakeToClosureInChinese() throws Exception {
    journey(
        "zh-CN",
        new Words("钱小梅", "我的个案", "退出", "尽快", "心理咨询", "中度", "紧急", "已申请", "已结案", "开始接案", "优先级"));
  }

  @Test
  void theSupervisorSeesTheUnitsCasesWithMaskedNames() throws Exception {
    String id = as("alice").post("/api/intakes", NEW_CLIENT_INTAKE).id();
    browser = browsers.open("en");
    Browser.signIn(browser, port, "sam", PASSWORD);
    browser.get(url("/caseload"));
    WebElement row = browser.findElement(By.cssSelector("tr[data-intake='" + id + "']"));
    assertThat(row.getText()).contains("L.W.").doesNotContain("Li Wei");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Open cases of the unit");
    // Choosing an order sends the form at once (a script of the page's own, no inline handler).
    new Select(browser.findElement(By.id("sort"))).selectByValue("reference");
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.urlContains("sort=reference"));
  }

  private void journey(String language, Words words) throws Exception {
    browser = browsers.open(language);
    browser.get(url("/caseload"));
    assertThat(browser.getCurrentUrl()).as("sign in first").contains("/login");
    Browser.signIn(browser, port, "alice", PASSWORD);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(words.caseloadTitle());

    browser.findElement(By.id("new-intake")).click();
    browser.findElement(By.id("open-intake")).click();
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
        .as("an empty form is refused with a message, and nothing is opened")
        .isNotBlank();
    assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
    browser.findElement(By.id("name")).sendKeys(words.client());
    Browser.setValue(browser, By.id("birthDate"), "1999-09-09");
    browser.findElement(By.id("phone")).sendKeys("13800000000");
    browser.findElement(By.id("concern")).sendKeys("Cannot sleep before exams");
    new Select(browser.findElement(By.id("urgency"))).selectByValue("SOON");
    browser.findElement(By.id("open-intake")).click();

    By newCase = By.xpath("//table[@id='caseload']//tr[td[contains(., '" + words.client() + "')]]");
    assertThat(shown(newCase).getText())
        .as("the new case is on the caseload at once")
        .contains(words.soon());

    shown(newCase).findElement(By.tagName("a")).click();
    new Select(shown(By.id("consent-scope"))).selectByValue("COUNSELLING");
    Browser.submit(browser, browser.findElement(By.id("record-consent")));
    awaitText(browser, By.id("consents"), words.counselling());

    // PHQ-9, item by item: 2+2+1+1+1+1+1+1+0 = 10, a moderate result.
    openAllDetails();
    List<Integer> answers = List.of(2, 2, 1, 1, 1, 1, 1, 1, 0);
    for (int item = 1; item <= answers.size(); item++) {
      new Select(browser.findElement(By.id("phq9-" + item)))
          .selectByValue(String.valueOf(answers.get(item - 1)));
    }
    Browser.submit(browser, browser.findElement(By.id("record-phq9")));
    awaitText(browser, By.cssSelector("#screenings tr[data-instrument=PHQ9]"), "10");
    assertThat(
            browser.findElement(By.cssSelector("#screenings tr[data-instrument=PHQ9]")).getText())
        .contains(words.moderate());

    new Select(shown(By.id("triage-priority"))).selectByValue("URGENT");
    browser.findElement(By.id("triage-rationale")).sendKeys("Exams in two weeks, not sleeping");
    Browser.submit(browser, browser.findElement(By.id("triage-submit")));
    awaitText(browser, By.id("priority"), words.urgent());

    // The counsellor is picked from the unit's list, with nobody chosen for the worker: sending
    // the form without a choice is explained on it, and nothing changes.
    browser.findElement(By.id("assign")).click();
    assertThat(shown(By.cssSelector("form .problem")).getText()).isNotBlank();
    new Select(browser.findElement(By.id("assign-counsellor"))).selectByValue("alice");
    Browser.submit(browser, browser.findElement(By.id("assign")));
    awaitText(browser, By.id("counsellor"), "alice");

    shown(By.id("note")).sendKeys("Sleeps four hours; agreed on a plan");
    Browser.submit(browser, browser.findElement(By.id("add-note")));
    awaitText(browser, By.id("notes"), "Sleeps four hours; agreed on a plan");

    openAllDetails();
    new Select(shown(By.id("referral-service"))).selectByValue("SOCIAL_WORK");
    browser.findElement(By.id("referral-reason")).sendKeys("Family support at home");
    browser.findElement(By.id("disclose-NAME")).click();
    browser.findElement(By.id("disclose-PHONE")).click();
    Browser.submit(browser, browser.findElement(By.id("request-referral")));
    awaitText(browser, By.id("referral-status"), words.requested());
    browser.findElement(By.cssSelector("main a[href^='/intakes/']")).click();
    awaitText(browser, By.id("case-referrals"), words.requested());
    assertThat(browser.findElement(By.id("history")).getText())
        .as("the history tells who did what")
        .contains(words.intakeOpened())
        .contains("alice")
        .as("in the reader's language, field names and values alike")
        .contains(words.priority() + ": " + words.urgent());

    new Select(shown(By.id("closure-reason"))).selectByValue("GOALS_MET");
    browser.findElement(By.id("closure-summary")).sendKeys("Sleeping again");
    Browser.submit(browser, browser.findElement(By.id("close-case")));
    awaitText(browser, By.id("status"), words.closed());
    assertThat(browser.findElements(By.id("note"))).as("no notes on a closed case").isEmpty();

    shown(By.id("reopen-reason")).sendKeys("Exams again");
    Browser.submit(browser, browser.findElement(By.id("reopen-case")));
    assertThat(browser.findElement(By.id("status")).getText()).doesNotContain(words.closed());

    browser.findElement(By.xpath("//button[normalize-space()='" + words.signOut() + "']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(urlContains("/login"));
  }

  private void openAllDetails() {
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
  }

  private WebElement shown(By what) {
    return Browser.shown(browser, what);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
