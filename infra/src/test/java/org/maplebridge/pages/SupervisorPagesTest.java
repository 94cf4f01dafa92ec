package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.maplebridge.pages.Browser.awaitText;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisor's access audit in a real browser, in Chinese: after sam breaks the glass on a case
 * and reads it, the page shows his look as an emergency access, beside alice's routine ones.
 */
class SupervisorPagesTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();
  private WebDriver browser;

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
        .until(
            () ->
                as("sam").get("/api/audit/access?recordId=" + id).json().get("items").size() >= 2);

    browser = browsers.open("zh-CN");
    Browser.signIn(browser, port, "sam", PASSWORD);
    browser.findElement(By.linkText("访问审计")).click();
    browser.findElement(By.id("recordId")).sendKeys(id);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(urlContains("recordId="));

    String audit = browser.findElement(By.id("access")).getText();
    assertThat(audit).contains("Alice Wang (alice · 咨询师)").contains("日常工作");
    assertThat(audit).contains("Sam Chen (sam · 督导)").contains("紧急访问");
  }

  /**
   * The supervisor's day in zh-CN, without the API: the dashboard's charts and what waits for
   * approval; a high-risk episode's closure approved; a referral's audit trail read and reviewed;
   * the glass broken on a case, which the access audit then shows; the emergency access reviewed.
   */
  @Test
  void aSupervisorAuditsAReferralBreaksTheGlassAndApprovesAClosure() throws Exception {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}");
    alice.post(
        "/api/intakes/" + intake + "/notes", "{\"text\":\"Journey note: afraid of the exams\"}");
    String provider =
        alice
            .get("/api/providers?serviceType=PSYCHIATRIC_ASSESSMENT")
            .json()
            .get(0)
            .get("id")
            .asText();
    String referral =
        alice
            .post(
                "/api/referrals",
                "{\"intakeId\":\""
                    + intake
                    + "\",\"serviceType\":\"PSYCHIATRIC_ASSESSMENT\",\"providerId\":\""
                    + provider
                    + "\",\"urgency\":\"ROUTINE\",\"reason\":\"Needs a review\","
                    + "\"disclosedFields\":[\"NAME\"]}")
            .id();
    alice.post("/api/referrals/" + referral + "/sending", "");
    Response accepted = alice.post("/api/referrals/" + referral + "/acceptance", "");
    assertThat(accepted.status()).isEqualTo(204);
    Api carol = as("carol");
    String crisis =
        carol
            .post("/api/crises", "{\"channel\":\"CHAT\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    carol.post("/api/crises/" + crisis + "/risk-assessments", "{\"level\":\"HIGH\"}");
    Response closing =
        carol.post(
            "/api/crises/" + crisis + "/closure", "{\"reason\":\"STABILISED\",\"summary\":\"x\"}");
    assertThat(closing.status()).as("waits for the supervisor").isEqualTo(202);

    browser = browsers.open("zh-CN");
    Browser.signIn(browser, port, "sam", PASSWORD);
    browser.findElement(By.linkText("概览")).click();
    assertThat(browser.findElements(By.cssSelector("#referral-chart .seg")))
        .as("this week's referrals are drawn")
        .isNotEmpty();
    browser.get("http://127.0.0.1:" + port + "/dashboard");
    browser.findElement(By.cssSelector("#waiting a[href='/crises/" + crisis + "']")).click();
    new Select(Browser.shown(browser, By.id("approve-reason"))).selectByValue("STABILISED");
    assertThat(browser.findElements(By.id("close-crisis")))
        .as("asked to approve, the supervisor approves rather than closes")
        .isEmpty();
    assertThat(browser.findElements(By.id("give-consult")))
        .as("the consult high risk asked for")
        .isNotEmpty();
    assertThat(browser.findElements(By.id("record-plan"))).as("no clinical writing").isEmpty();
    browser.findElement(By.id("approve-summary")).sendKeys("Safe with family, follow-up done");
    Browser.submit(browser, browser.findElement(By.id("approve-closure")));
    awaitText(browser, By.id("crisis-closure"), "批准人 sam");
    assertThat(browser.findElements(By.id("reopen-crisis"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#assess, #escalate, #give-consult")))
        .as("a closed episode offers reopening only")
        .isEmpty();

    browser.findElement(By.linkText("转介")).click();
    browser.findElement(By.cssSelector("tr[data-referral='" + referral + "'] a")).click();
    awaitText(browser, By.id("history"), "申请转介");
    assertThat(browser.findElement(By.id("history")).getText()).contains("alice").contains("已接收");
    new Select(Browser.shown(browser, By.id("review-kind"))).selectByValue("FINDING");
    browser.findElement(By.id("review-text")).sendKeys("Sent within a day; consent on file");
    Browser.submit(browser, browser.findElement(By.id("record-review")));
    awaitText(browser, By.id("history"), "督导审核");

    browser.findElement(By.cssSelector("main a[href='/intakes/" + intake + "']")).click();
    assertThat(Browser.shown(browser, By.id("client-name")).getText()).isEqualTo("L.W.");
    assertThat(browser.findElements(By.id("notes"))).as("no clinical part before").isEmpty();
    browser.findElement(By.id("glass-reason")).sendKeys("Client called the hotline in crisis");
    Browser.submit(browser, browser.findElement(By.id("break-glass")));
    awaitText(browser, By.id("notes"), "Journey note: afraid of the exams");

    browser.findElement(By.linkText("访问审计")).click();
    Browser.shown(browser, By.id("recordId")).sendKeys(intake);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    awaitText(browser, By.id("access"), "紧急访问");

    browser.findElement(By.linkText("紧急访问")).click();
    WebElement grant =
        Browser.shown(
            browser,
            By.xpath("//table[@id='grants']//tr[td[2][starts-with(normalize-space(.), 'sam ')]]"));
    assertThat(grant.findElements(By.tagName("form")))
        .as("his own grant is the privacy officer's to review")
        .isEmpty();
    assertThat(grant.getText()).contains("由隐私专员审核");
  }
}
