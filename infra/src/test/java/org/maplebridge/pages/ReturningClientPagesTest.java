package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.maplebridge.pages.Browser.awaitText;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A returning person is looked up on the form pages and taken in as who they are, instead of as a
 * new client: by a counsellor on the new-intake page (by phone and year of birth), by a crisis
 * worker on the new crisis contact page (by reference, in Chinese).
 */
class ReturningClientPagesTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();

  /** A client bob took in first: its id and reference. */
  private record Client(String id, String reference) {}

  private Client takenInByBob(String name, String birthDate, String phone) {
    Api bob = as("bob");
    Response opened =
        bob.post(
            "/api/intakes",
            """
            {"client":{"name":"%s","birthDate":"%s","phone":"%s"},
             "source":"WALK_IN","concern":"Could not sleep","urgency":"ROUTINE"}
            """
                .formatted(name, birthDate, phone));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    JsonNode intake =
        bob.with("X-Consistency-Token", opened.header("X-Consistency-Token"))
            .get("/api/intakes/" + opened.id())
            .json();
    return new Client(intake.get("clientId").asText(), intake.get("clientReference").asText());
  }

  @Test
  void aCounsellorLooksUpAReturningClientAndTheIntakeOpensForTheSameReference() throws Exception {
    Client ma = takenInByBob("Ma Tianyu", "1984-08-21", "135-0101-2323");

    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, "alice", PASSWORD);
    browser.get(url("/intakes/new"));
    browser.findElement(By.id("lookup-phone")).sendKeys("13501012323");
    browser.findElement(By.id("lookup-birth-year")).sendKeys("1984");
    Browser.submit(browser, browser.findElement(By.id("lookup-phone-find")));

    By match = By.cssSelector("#lookup-matches li[data-reference='" + ma.reference() + "']");
    assertThat(Browser.shown(browser, match).getText())
        .as("masked: alice is not on bob's case")
        .contains("M.T.", "1984")
        .doesNotContain("Ma Tianyu");
    Browser.submit(browser, browser.findElement(match).findElement(By.cssSelector("a.use-client")));

    awaitText(browser, By.id("returning-client"), ma.reference());
    assertThat(browser.findElements(By.id("name"))).as("no new client's details asked").isEmpty();
    Browser.setValue(browser, By.id("birthDate"), "1984-08-21");
    browser.findElement(By.id("concern")).sendKeys("Back: the sleeplessness returned");
    Browser.submit(browser, browser.findElement(By.id("open-intake")));
    awaitText(browser, By.id("caseload"), "Ma Tianyu");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("SELECT count(*) FROM intake_view WHERE client_id = :id")
                            .param("id", UUID.fromString(ma.id()))
                            .query(Long.class)
                            .single())
                    .as("the second case is the same client's")
                    .isEqualTo(2));
    assertThat(
            jdbc.sql("SELECT count(*) FROM client_identity WHERE name = 'Ma Tianyu'")
                .query(Long.class)
                .single())
        .as("no new client was created")
        .isEqualTo(1);
  }

  @Test
  void aCrisisWorkerFindsTheClientOnTheNewContactPageInChinese() throws Exception {
    Client wu = takenInByBob("Wu Jinghan", "1995-03-09", "133 8888 6060");

    WebDriver browser = browsers.open("zh-CN");
    Browser.signIn(browser, port, "carol", PASSWORD);
    browser.get(url("/crises/new"));
    browser.findElement(By.id("lookup-reference")).sendKeys(wu.reference());
    Browser.submit(browser, browser.findElement(By.id("lookup-reference-find")));

    By match = By.cssSelector("#lookup-matches li[data-reference='" + wu.reference() + "']");
    assertThat(Browser.shown(browser, match).getText()).contains("W.J.", "1995");
    Browser.submit(browser, browser.findElement(match).findElement(By.cssSelector("a.use-client")));

    awaitText(browser, By.id("returning-client"), wu.reference());
    WebElement reference = browser.findElement(By.id("clientReference"));
    assertThat(reference.getAttribute("value")).isEqualTo(wu.reference());
    browser.findElement(By.id("summary")).sendKeys("又打来电话，情绪低落");
    Browser.submit(browser, browser.findElement(By.id("open-crisis")));

    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlMatches("/crises/[0-9a-f-]{36}"));
    String crisis = browser.getCurrentUrl().replaceAll(".*/crises/([0-9a-f-]{36}).*", "$1");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        as("carol").get("/api/crises/" + crisis).json().path("clientId").asText())
                    .as("the contact is about the client found")
                    .isEqualTo(wu.id()));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
