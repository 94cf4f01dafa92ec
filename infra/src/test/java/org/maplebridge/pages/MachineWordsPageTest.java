package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Words the platform itself wrote into events, read in the reader's language. */
class MachineWordsPageTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();

  /**
   * An intake's alert opens an episode and raises its first escalation, whose reason the platform
   * wrote in English without the screening's reason after it: the Chinese episode page's history
   * says it in Chinese too (the page's patterns knew only the summary's form, with the reason).
   */
  @Test
  void anIntakeAlertsFirstEscalationReadsInChinese() throws Exception {
    Api alice = as("alice");
    String intake =
        alice.post("/api/intakes", NEW_CLIENT_INTAKE.replace("Li Wei", "Machine Words")).id();
    String screening =
        alice
            .post(
                "/api/intakes/" + intake + "/screenings",
                "{\"instrument\":\"CSSRS\",\"answers\":[true,true,true,true,false,false]}")
            .id();
    String alert =
        UUID.nameUUIDFromBytes(
                ("crisis-for-screening:" + screening).getBytes(StandardCharsets.UTF_8))
            .toString();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                as("carol")
                    .get("/api/crises/" + alert + "/history")
                    .body()
                    .contains("EscalationRaised"));

    WebDriver browser = browsers.open("zh-CN");
    Browser.signIn(browser, port, "carol", PASSWORD);
    browser.get("http://127.0.0.1:" + port + "/crises/" + alert);
    String history = Browser.shown(browser, By.id("history")).getText();
    assertThat(history).contains("升级").doesNotContain("Crisis alert from an intake screening");
  }
}
