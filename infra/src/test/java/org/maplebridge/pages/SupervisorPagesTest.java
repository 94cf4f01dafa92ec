package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisor's access audit in a real browser, in Chinese: after sam breaks the glass on a case
 * and reads it, the page shows his look as an emergency access, beside alice's routine ones.
 */
class SupervisorPagesTest extends PlatformTest {
  private WebDriver browser;
  private boolean passed;

  @AfterEach
  void close() {
    if (browser != null) {
      if (!passed) {
        Browser.screenshot(browser, "access-audit");
      }
      browser.quit();
    }
  }

  @Test
  void theAccessAuditPageShowsTheBrokenGlassAndRoutineViews() throws Exception {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    String id = opened.id();
    alice
        .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
        .get("/api/intakes/" + id);
    Response glass =
        as("sam")
            .post(
                "/api/emergency-access",
                "{\"recordId\":\"" + id + "\",\"reason\":\"Caller at risk, need the address\"}");
    assertThat(glass.status()).isEqualTo(201);
    as("sam")
        .with("X-Consistency-Token", glass.header("X-Consistency-Token"))
        .get("/api/intakes/" + id);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> as("sam").get("/api/audit/access?recordId=" + id).json().size() >= 2);

    browser = Browser.open("zh-CN");
    Browser.signIn(browser, port, "sam", PASSWORD);
    browser.findElement(By.linkText("访问审计")).click();
    browser.findElement(By.id("recordId")).sendKeys(id);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(urlContains("recordId="));

    String audit = browser.findElement(By.id("access")).getText();
    assertThat(audit).contains("alice (咨询师)").contains("日常工作");
    assertThat(audit).contains("sam (督导)").contains("紧急访问");
    passed = true;
  }
}
