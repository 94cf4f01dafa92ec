package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maplebridge.pages.Browser.awaitText;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Approvals through the pages, each by the approver's own hand: alice asks to refer without
 * consent, sam finds the ask on his dashboard and grants it on the referral's page; pat approves a
 * supervisor account the administrator added.
 */
class ApprovalsPagesTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void theReferrerAsksAndTheSupervisorGrantsTheOverrideHimself() throws Exception {
    String clinic = providerOffering("PSYCHIATRIC_ASSESSMENT");
    String intake = as("alice").post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String referral =
        as("alice")
            .post(
                "/api/referrals",
                "{\"intakeId\":\""
                    + intake
                    + "\",\"serviceType\":\"PSYCHIATRIC_ASSESSMENT\",\"providerId\":\""
                    + clinic
                    + "\",\"urgency\":\"URGENT\",\"reason\":\"Needs an assessment\","
                    + "\"disclosedFields\":[\"NAME\"]}")
            .id();

    WebDriver alice = browsers.open("en");
    Browser.signIn(alice, port, "alice", PASSWORD);
    alice.get("http://127.0.0.1:" + port + "/referrals/" + referral);
    alice.findElement(By.cssSelector("details summary")).click();
    Browser.shown(alice, By.id("waiver-reason")).sendKeys("Risk to life, cannot consent now");
    Browser.submit(alice, alice.findElement(By.id("request-waiver")));
    awaitText(alice, By.id("waiver-pending"), "Waiting for the supervisor");
    assertThat(alice.findElements(By.id("grant-waiver"))).as("not hers to grant").isEmpty();

    WebDriver sam = browsers.open("zh-CN");
    Browser.signIn(sam, port, "sam", PASSWORD);
    sam.get("http://127.0.0.1:" + port + "/dashboard");
    sam.findElement(By.cssSelector("#waiting a[href='/referrals/" + referral + "']")).click();
    awaitText(sam, By.id("waiver-ask"), "Risk to life, cannot consent now");
    Browser.shown(sam, By.id("grant-reason")).sendKeys("Agreed: risk to life");
    Browser.submit(sam, sam.findElement(By.id("grant-waiver")));
    awaitText(sam, By.id("history"), "记录例外授权");
    assertThat(sam.findElements(By.id("grant-waiver"))).as("granted once").isEmpty();

    alice.navigate().refresh();
    Browser.shown(alice, By.id("send-referral"));
    assertThat(alice.findElements(By.id("request-waiver"))).isEmpty();
  }

  @Test
  void thePrivacyOfficerApprovesASupervisorAccountOnTheStaffPage() throws Exception {
    assertThat(
            as("admin")
                .post(
                    "/api/admin/staff",
                    "{\"username\":\"stan\",\"displayName\":\"Stan Pending\","
                        + "\"role\":\"SUPERVISOR\",\"unit\":\"north\","
                        + "\"password\":\"waits-for-the-officer\"}")
                .status())
        .isEqualTo(201);

    WebDriver pat = browsers.open("en");
    Browser.signIn(pat, port, "pat", PASSWORD);
    assertThat(pat.getCurrentUrl()).contains("/emergency-access");
    pat.findElement(By.cssSelector("nav a[href='/admin/staff']")).click();
    awaitText(pat, By.cssSelector("tr[data-username='stan']"), "waiting for the privacy officer");
    assertThat(pat.findElements(By.id("add-account"))).as("the admin's, not hers").isEmpty();
    Browser.submit(
        pat, pat.findElement(By.cssSelector("tr[data-username='stan'] button.approve-account")));
    awaitText(pat, By.id("changes"), "pat · stan: account approved");
    assertThat(pat.findElement(By.cssSelector("tr[data-username='stan']")).getText())
        .doesNotContain("waiting");

    WebDriver stan = browsers.open("en");
    Browser.signIn(stan, port, "stan", "waits-for-the-officer");
    assertThat(stan.getCurrentUrl())
        .as("approved, he first chooses his own password")
        .contains("/me/password");
  }
}
