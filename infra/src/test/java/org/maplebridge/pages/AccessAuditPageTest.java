package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The access audit as its readers use it: newest first, a page at a time with a way on to older
 * views, a from/to filter in days of the reader's own calendar, and people, units, records and
 * scopes by their names, never a raw id or code.
 */
class AccessAuditPageTest extends PlatformTest {
  private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-";

  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void theSupervisorReadsTheNewestLooksFirstByNamePageByPageAndDayByDay() throws Exception {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE.replace("Li Wei", "Audit Ng"));
    String intake = opened.id();
    Api reading = alice.with("X-Consistency-Token", opened.header("X-Consistency-Token"));
    String reference = reading.get("/api/intakes/" + intake).json().get("clientReference").asText();
    for (int look = 1; look < 55; look++) {
      reading.get("/api/intakes/" + intake);
    }
    Api carol = as("carol");
    String crisis =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"FAMILY\",\"summary\":\"Audit names\"}")
            .id();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> carol.get("/api/crises/" + crisis).status() == 200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                as("sam")
                        .get("/api/audit/access?limit=500&recordId=" + intake)
                        .json()
                        .get("items")
                        .size()
                    >= 55);

    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, "sam", PASSWORD);
    browser.get("http://127.0.0.1:" + port + "/audit/access?recordId=" + intake);

    List<Instant> firstPage = times(browser);
    assertThat(firstPage).as("a page of 50").hasSize(50);
    assertThat(firstPage).as("newest first").isSortedAccordingTo(Comparator.reverseOrder());
    String table = browser.findElement(By.id("access")).getText();
    assertThat(table)
        .as("the viewer by name, the case by its client's reference, the scope in words")
        .contains("Alice Wang (alice · counsellor)")
        .contains("Case " + reference)
        .contains("identity, clinical content, case facts")
        .doesNotContainPattern(UUID_TEXT)
        .doesNotContain("identity,clinical");

    browser.findElement(By.id("next-page")).click();
    List<Instant> olderPage = times(browser);
    assertThat(olderPage).as("the older looks").isNotEmpty().hasSizeLessThan(50);
    assertThat(olderPage.get(0)).isBeforeOrEqualTo(firstPage.get(firstPage.size() - 1));
    assertThat(browser.findElements(By.id("next-page"))).as("no page after the last").isEmpty();
    browser.findElement(By.id("newest-page")).click();
    assertThat(times(browser)).isEqualTo(firstPage);

    String today =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript("return new Date().toLocaleDateString('sv');");
    String yesterday =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript("return new Date(Date.now() - 86400000).toLocaleDateString('sv');");
    Browser.setValue(browser, By.id("from"), today);
    Browser.setValue(browser, By.id("to"), today);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    assertThat(times(browser)).as("today's looks").hasSize(50);
    Browser.setValue(browser, By.id("from"), yesterday);
    Browser.setValue(browser, By.id("to"), yesterday);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    assertThat(browser.findElements(By.cssSelector("#access tbody tr")))
        .as("nothing yesterday")
        .isEmpty();

    browser.get("http://127.0.0.1:" + port + "/audit/access?recordId=" + crisis);
    assertThat(browser.findElement(By.id("access")).getText())
        .as("the episode by its channel and caller")
        .contains("Carol Zhang (carol · ")
        .contains("Crisis episode Hotline Family")
        .doesNotContainPattern(UUID_TEXT);
  }

  @Test
  void thePrivacyOfficerSeesTheRecordsUnitByName() throws Exception {
    Response opened = as("alice").post("/api/intakes", NEW_CLIENT_INTAKE);
    as("alice")
        .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
        .get("/api/intakes/" + opened.id());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                !as("pat")
                    .get("/api/audit/access?recordId=" + opened.id())
                    .json()
                    .get("items")
                    .isEmpty());

    WebDriver browser = browsers.open("zh-CN");
    Browser.signIn(browser, port, "pat", PASSWORD);
    browser.get("http://127.0.0.1:" + port + "/audit/access?recordId=" + opened.id());
    assertThat(browser.findElement(By.cssSelector("#access tbody td.unit")).getText())
        .isEqualTo("North community counselling centre");
    assertThat(browser.findElement(By.cssSelector("#access tbody td.scope")).getText())
        .doesNotContainPattern("[a-z]{4,}");
  }

  private static List<Instant> times(WebDriver browser) {
    return browser.findElements(By.cssSelector("#access tbody td:first-child time")).stream()
        .map(time -> Instant.parse(time.getAttribute("datetime")))
        .toList();
  }
}
