package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Nothing is chosen for the worker: a risk level, an item's answer or a triage value left unchosen
 * is an error beside the field, which gets the focus, and nothing is stored; impossible birth dates
 * are refused with the reason, by the page and by the API.
 */
class SafeFormsPageTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void aRiskFormRefusesAnUnchosenLevel() throws Exception {
    Api carol = as("carol");
    String crisis =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"s\"}")
            .id();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> carol.get("/api/crises/" + crisis).status() == 200);
    WebDriver browser = browsers.open("zh-CN");
    Browser.signIn(browser, port, "carol", PASSWORD);
    browser.get("http://127.0.0.1:" + port + "/crises/" + crisis);
    Select level = new Select(Browser.shown(browser, By.id("assess-level")));
    assertThat(level.getFirstSelectedOption().getDomAttribute("value"))
        .as("no level is chosen for the worker")
        .isEmpty();
    browser.findElement(By.id("assess")).click();
    assertThat(browser.findElement(By.id("assess-level")).getDomAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.cssSelector("#assess-level + .field-error")).getText())
        .contains("必填");
    assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"))
        .isEqualTo("assess-level");
    Thread.sleep(500);
    assertThat(carol.get("/api/crises/" + crisis).json().has("risk"))
        .as("nothing was stored")
        .isFalse();
  }

  @Test
  void unansweredItemsAndAnUnchosenTriageAreErrorsNotZeros() throws Exception {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> alice.get("/api/intakes/" + intake).status() == 200);
    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, "alice", PASSWORD);
    browser.get("http://127.0.0.1:" + port + "/intakes/" + intake);
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
    new Select(Browser.shown(browser, By.id("phq9-1"))).selectByValue("2");
    browser.findElement(By.id("record-phq9")).click();
    assertThat(browser.findElements(By.cssSelector("#phq9-form [aria-invalid=true]")))
        .as("the eight items left unanswered")
        .hasSize(8);
    assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"))
        .isEqualTo("phq9-2");
    assertThat(
            new Select(browser.findElement(By.id("triage-priority")))
                .getFirstSelectedOption()
                .getDomAttribute("value"))
        .isEmpty();
    browser.findElement(By.id("triage-rationale")).sendKeys("x");
    browser.findElement(By.id("triage-submit")).click();
    assertThat(browser.findElement(By.cssSelector("#triage-priority + .field-error")).getText())
        .contains("Required");
  }

  @Test
  void aBirthDateBefore1900OrInTheFutureIsRefusedWithTheReason() throws Exception {
    Api alice = as("alice");
    for (String date : new String[] {"1850-03-04", "2999-01-01"}) {
      Api.Response refused =
          alice.post("/api/intakes", NEW_CLIENT_INTAKE.replace("1990-03-04", date));
      assertThat(refused.status()).as(date).isEqualTo(400);
      assertThat(refused.json().path("errors").path("client.birthDate").asText())
          .as(date)
          .isNotBlank();
    }

    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, "alice", PASSWORD);
    browser.get("http://127.0.0.1:" + port + "/intakes/new");
    Browser.shown(browser, By.id("name")).sendKeys("Wang Fang");
    Browser.setValue(browser, By.id("birthDate"), "1850-03-04");
    browser.findElement(By.id("phone")).sendKeys("13800000000");
    browser.findElement(By.id("concern")).sendKeys("Cannot sleep");
    browser.findElement(By.cssSelector("#intake-form button[type=submit]")).click();
    assertThat(browser.findElement(By.cssSelector("#birthDate + .field-error")).getText())
        .contains("1900");
    assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"))
        .isEqualTo("birthDate");
  }
}
