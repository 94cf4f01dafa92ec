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
import org.openqa.selenium.support.ui.Select;

/**
 * The closed loop with two people in real browsers: alice refers (through the API here; her pages
 * are the counsellor's test), pia at the provider acknowledges, accepts, books, records the
 * attendance and completes in her own pages, seeing the person's name only once she accepted, and
 * alice closes the loop on her referral's page.
 */
class ProviderPagesTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private String referralToPia() {
    Api alice = as("alice");
    String clinic =
        UUID.nameUUIDFromBytes(
                "demo-provider:North District Mental Health Centre"
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}");
    String id =
        alice
            .post(
                "/api/referrals",
                """
                {"intakeId":"%s","serviceType":"PSYCHIATRIC_ASSESSMENT","providerId":"%s",
                 "urgency":"URGENT","reason":"Pages test: needs an assessment",
                 "disclosedFields":["NAME","PHONE"]}"""
                    .formatted(intake, clinic))
            .id();
    alice.post("/api/referrals/" + id + "/sending", "");
    return id;
  }

  @Test
  void theProviderAnswersInHerOwnPagesAndTheReferrerClosesTheLoop() throws Exception {
    String id = referralToPia();

    WebDriver pia = browsers.open("en");
    Browser.signIn(pia, port, "pia", PASSWORD);
    Browser.shown(pia, By.cssSelector("tr[data-referral='" + id + "'] a")).click();
    assertThat(Browser.shown(pia, By.id("referral-person")).getText()).contains("L.W.");
    assertThat(pia.findElement(By.tagName("main")).getText())
        .as("before acceptance: initials and age only")
        .doesNotContain("Li Wei");

    Browser.submit(pia, pia.findElement(By.id("acknowledge")));
    Browser.awaitText(pia, By.id("referral-status"), "Received");
    Browser.submit(pia, pia.findElement(By.id("accept")));
    Browser.awaitText(pia, By.id("referral-status"), "Accepted");
    assertThat(pia.findElement(By.id("person-name")).getText()).isEqualTo("Li Wei");

    Browser.setValue(pia, By.id("appointment-at"), "2026-12-03T09:30");
    Browser.submit(pia, pia.findElement(By.id("book-appointment")));
    Browser.awaitText(pia, By.id("referral-status"), "Scheduled");
    new Select(pia.findElement(By.id("attended"))).selectByValue("true");
    Browser.submit(pia, pia.findElement(By.id("record-attendance")));
    Browser.awaitText(pia, By.id("referral-status"), "In progress");
    pia.findElement(By.id("completion-outcome")).sendKeys("Assessed; follow-up arranged");
    Browser.submit(pia, pia.findElement(By.id("complete")));
    assertThat(pia.getCurrentUrl()).contains("/provider/referrals?");
    assertThat(pia.findElements(By.cssSelector("tr[data-referral='" + id + "']")))
        .as("a completed referral no longer reaches the provider")
        .isEmpty();

    WebDriver alice = browsers.open("en");
    Browser.signIn(alice, port, "alice", PASSWORD);
    alice.get(url("/referrals/" + id));
    Browser.awaitText(alice, By.id("referral-outcome"), "Assessed; follow-up arranged");
    Browser.submit(alice, alice.findElement(By.id("close-loop")));
    Browser.awaitText(alice, By.id("referral-status"), "Loop closed");
  }

  @Test
  void theProviderSuggestsAnotherProviderWhenDecliningAndTheReferrerRedirectsThere()
      throws Exception {
    Api admin = as("admin");
    String hillside =
        admin
            .post(
                "/api/providers",
                """
                {"organisation":"Hillside Assessment Clinic","serviceName":"Assessment clinic",
                 "serviceTypes":["PSYCHIATRIC_ASSESSMENT"],"area":"north",
                 "capacity":"AVAILABLE"}""")
            .id();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.get("/api/providers/" + hillside).status() == 200);
    String id = referralToPia();

    WebDriver pia = browsers.open("zh-CN");
    Browser.signIn(pia, port, "pia", PASSWORD);
    pia.get(url("/provider/referrals/" + id));
    Browser.submit(pia, Browser.shown(pia, By.id("acknowledge")));
    Browser.awaitText(pia, By.id("referral-status"), "已收到");
    new Select(pia.findElement(By.id("decline-suggestion"))).selectByValue(hillside);
    Browser.submit(pia, pia.findElement(By.id("decline")));

    WebDriver alice = browsers.open("en");
    Browser.signIn(alice, port, "alice", PASSWORD);
    alice.get(url("/referrals/" + id));
    Browser.awaitText(alice, By.id("suggested-provider"), "Hillside Assessment Clinic");
    assertThat(
            new Select(alice.findElement(By.id("redirect-provider")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .as("the suggestion is preselected")
        .isEqualTo(hillside);
    Browser.submit(alice, alice.findElement(By.id("redirect")));
    Browser.awaitText(alice, By.id("referral-status"), "Requested");
    assertThat(as("alice").get("/api/referrals/" + id).json().get("providerId").asText())
        .isEqualTo(hillside);
  }

  @Test
  void theAdministratorPicksTheOrganisationOfANewProviderAccountOnTheStaffPage() throws Exception {
    WebDriver admin = browsers.open("en");
    Browser.signIn(admin, port, "admin", PASSWORD);
    admin.get(url("/admin/staff"));
    admin.findElement(By.cssSelector("#account-form")).findElement(By.xpath("..")).click();
    Browser.shown(admin, By.id("new-username")).sendKeys("pema");
    admin.findElement(By.id("new-name")).sendKeys("Pema Lin");
    new Select(admin.findElement(By.id("new-role"))).selectByValue("PROVIDER");
    new Select(admin.findElement(By.id("new-unit"))).selectByValue("");
    new Select(admin.findElement(By.id("new-provider")))
        .selectByVisibleText("North District Mental Health Centre · Psychiatric assessment clinic");
    admin.findElement(By.id("new-password")).sendKeys("quiet-harbour-in-june");
    Browser.submit(admin, admin.findElement(By.id("add-account")));
    Browser.awaitText(
        admin, By.cssSelector("tr[data-username='pema']"), "North District Mental Health Centre");
    assertThat(
            jdbc.sql("SELECT provider_id FROM staff_account WHERE username = 'pema'")
                .query(UUID.class)
                .single()
                .toString())
        .isEqualTo(
            UUID.nameUUIDFromBytes(
                    "demo-provider:North District Mental Health Centre"
                        .getBytes(StandardCharsets.UTF_8))
                .toString());
  }
}
