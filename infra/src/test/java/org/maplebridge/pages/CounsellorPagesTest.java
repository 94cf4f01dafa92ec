package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A counsellor's day in a real browser, in English and in Simplified Chinese: sign in, the
 * caseload, a new intake through the form, and the caseload showing it right after; sign out.
 */
class CounsellorPagesTest extends PlatformTest {
  private WebDriver browser;
  private String failedName;

  @AfterEach
  void close() {
    if (browser != null) {
      if (failedName != null) {
        Browser.screenshot(browser, failedName);
      }
      browser.quit();
    }
  }

  @Test
  void aCounsellorOpensAnIntakeThroughThePagesInEnglish(TestInfo test) throws Exception {
    journey("en", "Zhao Lei", "My caseload", "New intake", "Sign out", "Soon", "Counselling", test);
  }

  @Test
  void aCounsellorOpensAnIntakeThroughThePagesInChinese(TestInfo test) throws Exception {
    journey("zh-CN", "钱小梅", "我的个案", "新建接案", "退出", "尽快", "心理咨询", test);
  }

  @Test
  void theSupervisorSeesTheUnitsCasesWithMaskedNames(TestInfo test) throws Exception {
    String id = as("alice").post("/api/intakes", NEW_CLIENT_INTAKE).id();
    failedName = test.getDisplayName();
    browser = Browser.open("en");
    signIn("sam");
    browser.get(url("/caseload"));
    WebElement row = browser.findElement(By.cssSelector("tr[data-intake='" + id + "']"));
    assertThat(row.getText()).contains("L.W.").doesNotContain("Li Wei");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Open cases of the unit");
    failedName = null;
  }

  private void journey(
      String language,
      String client,
      String title,
      String newIntake,
      String signOut,
      String soon,
      String counselling,
      TestInfo test)
      throws Exception {
    failedName = test.getDisplayName();
    browser = Browser.open(language);
    browser.get(url("/caseload"));
    assertThat(browser.getCurrentUrl()).as("sign in first").contains("/login");
    signIn("alice");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);

    browser.findElement(By.id("new-intake")).click();
    browser.findElement(By.id("open-intake")).click();
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
        .as("an empty form is refused with a message, and nothing is opened")
        .isNotBlank();
    assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
    browser.findElement(By.id("name")).sendKeys(client);
    // A date input takes the digits in the browser's own order; set it as the page would.
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('birthDate').value = '1999-09-09'");
    browser.findElement(By.id("phone")).sendKeys("13800000000");
    browser.findElement(By.id("concern")).sendKeys("Cannot sleep before exams");
    new Select(browser.findElement(By.id("urgency"))).selectByValue("SOON");
    browser.findElement(By.id("open-intake")).click();

    // Each post redirects to a page that waits until it shows the change: wait for that page.
    By newCase = By.xpath("//table[@id='caseload']//tr[td[contains(., '" + client + "')]]");
    assertThat(shown(newCase).getText())
        .as("the new case is on the caseload at once")
        .contains(soon);

    // The case page: consent to counselling, then a session note, each shown after the post.
    shown(newCase).findElement(By.tagName("a")).click();
    new Select(shown(By.id("consent-scope"))).selectByValue("COUNSELLING");
    browser.findElement(By.id("record-consent")).click();
    awaitText(By.id("consents"), counselling);
    shown(By.id("note")).sendKeys("Sleeps four hours; agreed on a plan");
    browser.findElement(By.id("add-note")).click();
    awaitText(By.id("notes"), "Sleeps four hours; agreed on a plan");

    browser.findElement(By.xpath("//button[normalize-space()='" + signOut + "']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(urlContains("/login"));
    failedName = null;
  }

  private WebElement shown(By what) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.visibilityOfElementLocated(what));
  }

  private void awaitText(By what, String text) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(page -> page.findElement(what).getText().contains(text));
  }

  private void signIn(String user) {
    Browser.signIn(browser, port, user, PASSWORD);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
