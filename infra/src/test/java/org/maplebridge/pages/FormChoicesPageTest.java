package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The forms offer what the case allows and the person may pick, instead of typing or guessing: a
 * triage no lower than a screening's floor, the unit's counsellors, a refusal in the page's own
 * language; the lists show whose referral it is and who has each case; the safety plan names each
 * means and what was agreed; the board shows each row's last contact.
 */
class FormChoicesPageTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();

  private static final List<String> SIX_STEPS =
      List.of(
          "warningSigns",
          "internalCopingStrategies",
          "peopleAndPlacesForDistraction",
          "peopleToAskForHelp",
          "professionalsAndAgencies",
          "makingTheEnvironmentSafe");

  private String intakeOf(Api counsellor, String clientName) {
    String id =
        counsellor.post("/api/intakes", NEW_CLIENT_INTAKE.replace("Li Wei", clientName)).id();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> counsellor.get("/api/intakes/" + id).status() == 200);
    return id;
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static List<String> optionValues(WebElement select) {
    return new Select(select)
        .getOptions().stream().map(option -> option.getDomAttribute("value")).toList();
  }

  @Test
  void triageOffersOnlyTheValuesAtOrAboveTheFloorAScreeningSet() throws Exception {
    Api alice = as("alice");
    String intake = intakeOf(alice, "Ouyang Lan");
    Api.Response screened =
        alice.post(
            "/api/intakes/" + intake + "/screenings",
            "{\"instrument\":\"CSSRS\",\"answers\":[true,true,true,true,false,false]}");
    assertThat(screened.status()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "EMERGENCY"
                    .equals(
                        alice.get("/api/intakes/" + intake).json().path("triageFloor").asText()));

    for (String language : List.of("zh-CN", "en")) {
      WebDriver browser = browsers.open(language);
      Browser.signIn(browser, port, "alice", PASSWORD);
      browser.get(url("/intakes/" + intake));
      WebElement priority = Browser.shown(browser, By.id("triage-priority"));
      assertThat(optionValues(priority))
          .as("a blank first option, then only what the floor allows (%s)", language)
          .containsExactly("", "EMERGENCY");
      assertThat(new Select(priority).getFirstSelectedOption().getDomAttribute("value")).isEmpty();
    }

    // A case without a floor offers every value.
    String plain = intakeOf(alice, "Ximen Qing");
    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, "alice", PASSWORD);
    browser.get(url("/intakes/" + plain));
    assertThat(optionValues(Browser.shown(browser, By.id("triage-priority"))))
        .containsExactly("", "ROUTINE", "SOON", "URGENT", "EMERGENCY");
  }

  @Test
  void aRefusedActionIsToldInThePagesLanguage() throws Exception {
    Api alice = as("alice");
    String intake = intakeOf(alice, "Shangguan Wen");

    // No consent to counselling yet: the assignment is refused, in Chinese on a Chinese page.
    WebDriver chinese = browsers.open("zh-CN");
    Browser.signIn(chinese, port, "alice", PASSWORD);
    chinese.get(url("/intakes/" + intake));
    new Select(Browser.shown(chinese, By.id("assign-counsellor"))).selectByValue("alice");
    chinese.findElement(By.id("assign")).click();
    String refusal = Browser.shown(chinese, By.cssSelector("form .problem")).getText();
    assertThat(refusal).contains("现在不能这样做").contains("同意接受心理咨询");
    assertThat(refusal)
        .as("no English sentence on a Chinese page")
        .doesNotContainPattern("[A-Za-z]");

    WebDriver english = browsers.open("en");
    Browser.signIn(english, port, "alice", PASSWORD);
    english.get(url("/intakes/" + intake));
    new Select(Browser.shown(english, By.id("assign-counsellor"))).selectByValue("alice");
    english.findElement(By.id("assign")).click();
    assertThat(Browser.shown(english, By.cssSelector("form .problem")).getText())
        .contains("once the client has consented to counselling");

    // The API names the rule and which explanation it is, for clients with words of their own.
    Api.Response refused =
        alice.post("/api/intakes/" + intake + "/assignment", "{\"counsellor\":\"alice\"}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("rule").asText())
        .isEqualTo("NoAssignmentBeforeConsentToCounselling");
    assertThat(refused.json().get("code").asText())
        .isEqualTo("NoAssignmentBeforeConsentToCounselling");
  }

  @Test
  void theCounsellorIsPickedFromTheUnitsList() throws Exception {
    Api alice = as("alice");
    String intake = intakeOf(alice, "Duanmu Hua");
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    WebDriver browser = browsers.open("zh-CN");
    Browser.signIn(browser, port, "alice", PASSWORD);
    browser.get(url("/intakes/" + intake));
    WebElement counsellor = Browser.shown(browser, By.id("assign-counsellor"));
    assertThat(counsellor.getTagName()).isEqualTo("select");
    assertThat(optionValues(counsellor))
        .as("nobody chosen; the unit's counsellors, not its crisis workers or another unit's")
        .startsWith("")
        .contains("alice", "bob")
        .doesNotContain("carol", "sam", "dave");
    assertThat(counsellor.findElement(By.cssSelector("option[value=bob]")).getText())
        .as("named as colleagues know them")
        .contains("Bob Li");
    new Select(counsellor).selectByValue("bob");
    Browser.submit(browser, browser.findElement(By.id("assign")));
    Browser.awaitText(browser, By.id("counsellor"), "bob");
  }

  @Test
  void theTrackerShowsTheClientReferenceAndTheSupervisorsCaseloadTheCounsellor() throws Exception {
    Api alice = as("alice");
    String intake = intakeOf(alice, "Zhuge Ming");
    String reference = alice.get("/api/intakes/" + intake).json().get("clientReference").asText();
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    assertThat(
            alice
                .post("/api/intakes/" + intake + "/assignment", "{\"counsellor\":\"bob\"}")
                .status())
        .isEqualTo(204);
    String referral =
        alice
            .post(
                "/api/referrals",
                "{\"intakeId\":\""
                    + intake
                    + "\",\"serviceType\":\"PSYCHIATRIC_ASSESSMENT\",\"providerId\":\""
                    + providerOffering("PSYCHIATRIC_ASSESSMENT")
                    + "\",\"urgency\":\"ROUTINE\",\"reason\":\"Review\","
                    + "\"disclosedFields\":[\"NAME\"]}")
            .id();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> alice.get("/api/referrals/" + referral).status() == 200);

    for (String language : List.of("zh-CN", "en")) {
      WebDriver browser = browsers.open(language);
      Browser.signIn(browser, port, "alice", PASSWORD);
      browser.get(url("/referrals"));
      assertThat(
              Browser.shown(browser, By.cssSelector("tr[data-referral='" + referral + "']"))
                  .findElement(By.className("client-reference"))
                  .getText())
          .isEqualTo(reference);

      WebDriver supervisor = browsers.open(language);
      Browser.signIn(supervisor, port, "sam", PASSWORD);
      supervisor.get(url("/caseload"));
      assertThat(
              Browser.shown(supervisor, By.cssSelector("tr[data-intake='" + intake + "']"))
                  .findElement(By.className("counsellor"))
                  .getText())
          .isEqualTo("bob");
    }
  }

  @Test
  void aSafetyPlanWithTwoMeansIsSavedFromTheEpisodePage() throws Exception {
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
    browser.get(url("/crises/" + crisis));
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
    for (String step : SIX_STEPS) {
      Browser.shown(browser, By.id("plan-" + step)).sendKeys("Step " + step);
    }
    // One row is there to fill; a second is added, a third added and removed again.
    browser.findElement(By.id("means-0")).sendKeys("Sleeping pills");
    browser.findElement(By.id("agreed-0")).sendKeys("Her sister keeps them");
    browser.findElement(By.id("add-means")).click();
    browser.findElement(By.id("means-1")).sendKeys("Car keys");
    browser.findElement(By.id("agreed-1")).sendKeys("Left with a neighbour tonight");
    browser.findElement(By.id("add-means")).click();
    assertThat(browser.findElements(By.cssSelector("#plan-means .means-row"))).hasSize(3);
    browser.findElements(By.cssSelector("#plan-means .remove-means")).get(2).click();
    assertThat(browser.findElements(By.cssSelector("#plan-means .means-row"))).hasSize(2);
    Browser.submit(browser, browser.findElement(By.id("record-plan")));

    Browser.awaitText(browser, By.id("means-agreed"), "Car keys");
    assertThat(browser.findElements(By.cssSelector("#means-agreed li")))
        .extracting(WebElement::getText)
        .containsExactly(
            "Sleeping pills · Her sister keeps them", "Car keys · Left with a neighbour tonight");
    JsonNode means =
        carol.get("/api/crises/" + crisis).json().path("safetyPlan").path("meansAgreed");
    assertThat(means).hasSize(2);
    assertThat(means.get(1).get("agreed").asText()).isEqualTo("Left with a neighbour tonight");
  }

  @Test
  void theBoardShowsEachRowsLastContactOnAPhone() throws Exception {
    Api carol = as("carol");
    String crisis =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"s2\"}")
            .id();
    String startedAt =
        Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(20, ChronoUnit.MINUTES).toString();
    assertThat(
            carol
                .post(
                    "/api/crises/" + crisis + "/contacts",
                    "{\"channel\":\"CHAT\",\"startedAt\":\"" + startedAt + "\",\"minutes\":5}")
                .status())
        .isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              JsonNode board = carol.get("/api/crisis-board").json();
              JsonNode row =
                  findIn(board.has("items") ? board.get("items") : board, "crisisId", crisis);
              return row != null && row.has("lastContactChannel");
            });

    for (String[] language :
        new String[][] {{"zh-CN", "最近联系", "在线"}, {"en", "Last contact", "Chat"}}) {
      WebDriver browser = browsers.open(language[0]);
      browser.manage().window().setSize(new Dimension(390, 844));
      Browser.signIn(browser, port, "carol", PASSWORD);
      browser.get(url("/crisis-board"));
      // The live board redraws its rows as other episodes change: read them as they are now.
      String lastContact = "tr[data-crisis='" + crisis + "'] .last-contact";
      Browser.awaitText(browser, By.cssSelector(lastContact), language[1]);
      Browser.awaitText(browser, By.cssSelector(lastContact), language[2]);
      assertThat(
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return document.querySelector(arguments[0] + ' time')"
                          + ".getAttribute('datetime')",
                      lastContact))
          .isEqualTo(startedAt);
      assertThat(
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth <= window.innerWidth"))
          .as("the board fits a 390 px phone")
          .isEqualTo(true);
    }
  }
}
