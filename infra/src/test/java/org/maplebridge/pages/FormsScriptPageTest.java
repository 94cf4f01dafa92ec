package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** The pages' form script where a refusal names no field: the focus goes to what was said. */
class FormsScriptPageTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();

  /**
   * A counsellor writes a note on a case someone closed meanwhile: the platform refuses it, and the
   * focus moves to the refusal (it used to stay on the button, so a screen reader user heard the
   * alert once and then nothing tied to where they were).
   */
  @Test
  void aRefusalThatNamesNoFieldTakesTheFocus() throws Exception {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE.replace("Li Wei", "Stale Page"));
    String intake = opened.id();
    alice.post("/api/intakes/" + intake + "/assignment", "{\"counsellor\":\"alice\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> alice.get("/api/intakes/" + intake).status() == 200);

    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, "alice", PASSWORD);
    browser.get("http://127.0.0.1:" + port + "/intakes/" + intake);
    Browser.shown(browser, By.id("note")).sendKeys("Written on a page left open");
    assertThat(
            alice
                .post("/api/intakes/" + intake + "/closure", "{\"reason\":\"CLIENT_WITHDREW\"}")
                .status())
        .isLessThan(300);
    browser.findElement(By.id("add-note")).click();

    Browser.shown(browser, By.cssSelector("form .problem"));
    JavascriptExecutor js = (JavascriptExecutor) browser;
    assertThat(js.executeScript("return document.activeElement.className"))
        .isEqualTo("problem error");
    assertThat(browser.findElements(By.cssSelector("form .problem"))).hasSize(1);
  }
}
