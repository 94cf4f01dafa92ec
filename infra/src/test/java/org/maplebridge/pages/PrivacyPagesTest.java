package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maplebridge.pages.Browser.awaitText;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The privacy officer erases a person through the pages: finds them by their client reference,
 * records the request, confirms, and sees the erasure listed; the counsellor's case history then
 * still shows every step, with the person's fields shown as erased in Chinese. The audit chain's
 * state has its page too.
 */
class PrivacyPagesTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void thePrivacyOfficerErasesAPersonOnRequestAndTheHistoryShowsTheFieldsAsErased()
      throws Exception {
    Api alice = as("alice");
    Response opened =
        alice.post(
            "/api/intakes",
            NEW_CLIENT_INTAKE
                .replace("Li Wei", "Pagecanary Lin")
                .replace("Low mood for weeks, not sleeping", "Pagecanary concern"));
    String intake = opened.id();
    Response note =
        alice.post(
            "/api/intakes/" + intake + "/notes", "{\"text\":\"Pagecanary note about her sleep\"}");
    JsonNode read =
        alice
            .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
            .get("/api/intakes/" + intake)
            .json();
    String reference = read.get("clientReference").asText();

    WebDriver pat = browsers.open("en");
    Browser.signIn(pat, port, "pat", PASSWORD);
    pat.get("http://127.0.0.1:" + port + "/privacy/retention");
    Browser.shown(pat, By.id("person")).sendKeys(reference);
    pat.findElement(By.cssSelector("#find-person button")).click();
    awaitText(pat, By.id("standing"), "Records still open");
    Browser.shown(pat, By.id("erase-reason")).sendKeys("The client asked to be forgotten");
    Browser.shown(pat, By.id("erase-request")).sendKeys("PIPL-REQ-0042");
    pat.findElement(By.id("erase")).click();
    assertThat(pat.findElements(By.cssSelector("#standing strong")))
        .as("nothing is erased before the confirmation is ticked")
        .isEmpty();
    pat.findElement(By.id("erase-confirm")).click();
    Browser.submit(pat, pat.findElement(By.id("erase")));
    awaitText(pat, By.id("standing"), "Erased by pat");
    assertThat(pat.findElements(By.id("erase-form"))).as("erased once").isEmpty();

    pat.get("http://127.0.0.1:" + port + "/privacy/erasures");
    awaitText(pat, By.id("erasures"), "PIPL-REQ-0042");
    assertThat(pat.findElement(By.id("erasures")).getText())
        .contains(reference, "pat", "Request")
        .doesNotContain("Pagecanary");
    pat.get("http://127.0.0.1:" + port + "/admin/audit-chain");
    awaitText(pat, By.id("chain-state"), "The chain is intact");

    WebDriver counsellor = browsers.open("zh-CN");
    Browser.signIn(counsellor, port, "alice", PASSWORD);
    counsellor.get("http://127.0.0.1:" + port + "/intakes/" + intake);
    awaitText(counsellor, By.id("history"), "已删除");
    String history = counsellor.findElement(By.id("history")).getText();
    assertThat(history)
        .as("every step, with who did it")
        .contains("alice")
        .doesNotContain("Pagecanary");
    assertThat(counsellor.findElements(By.cssSelector("#history li")))
        .as("the opening, the note")
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(counsellor.getPageSource()).doesNotContain("Pagecanary");
    assertThat(counsellor.findElement(By.tagName("h1")).getText())
        .as("the name, shown as erased")
        .contains(reference, "已删除");
    assertThat(note.status()).isEqualTo(201);
  }
}
