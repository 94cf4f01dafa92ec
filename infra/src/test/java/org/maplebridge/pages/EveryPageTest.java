package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page of every role, walked in a real browser: in Chinese with no untranslated key or
 * Latin-only domain word (enum values, {@code true}, raw ISO times), and on a phone 390 px wide in
 * both languages without sideways scrolling, the sign-out within reach.
 */
// A platform of its own: only this walk's records are on its pages, not the words other tests
// typed.
@TestPropertySource(properties = "maplebridge.test.platform=every-page")
class EveryPageTest extends PlatformTest {
  /** Latin words a Chinese page may show: instrument names, formats, people's user names. */
  private static final Pattern UNTRANSLATED =
      Pattern.compile(
          "\\?\\?[^?]*\\?\\?"
              + "|\\b(?!PHQ\\b|GAD\\b|SSRS\\b|FHIR\\b|HSDS\\b|PDF\\b|SMS\\b|OIDC\\b|API\\b|SHA\\b)"
              + "[A-Z]{3,}(?:_[A-Z]+)*\\b"
              + "|\\btrue\\b|\\bfalse\\b"
              + "|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

  @RegisterExtension final Browsers browsers = new Browsers();

  private final Map<String, List<String>> pages = new LinkedHashMap<>();

  /** A unit's worth of records, so that each page has something in every part to show. */
  @BeforeEach
  void records() {
    Api alice = as("alice");
    String intake =
        alice
            .post(
                "/api/intakes",
                NEW_CLIENT_INTAKE.replace("\"STUDENT\"", "\"LEFT_BEHIND_CHILD\",\"STUDENT\""))
            .id();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> alice.get("/api/intakes/" + intake).status() == 200);
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"GUARDIAN\",\"method\":\"WRITTEN\"}");
    alice.post(
        "/api/intakes/" + intake + "/screenings",
        "{\"instrument\":\"PHQ9\",\"answers\":[1,2,1,2,1,2,1,2,1]}");
    String chinese = alice.post("/api/intakes", NEW_CLIENT_INTAKE.replace("Li Wei", "杨丽")).id();
    alice.post(
        "/api/intakes/" + chinese + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    alice.post("/api/intakes/" + chinese + "/assignment", "{\"counsellor\":\"alice\"}");
    Api carol = as("carol");
    String crisis =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"FAMILY\",\"summary\":\"Worried mother\"}")
            .id();
    carol.post(
        "/api/crises/" + crisis + "/risk-assessments",
        "{\"level\":\"HIGH\",\"desire\":true,\"capability\":false,\"notes\":\"n\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> carol.get("/api/crises/" + crisis).json().has("risk"));
    pages.put(
        "alice",
        List.of(
            "/caseload",
            "/intakes/new",
            "/intakes/" + intake,
            "/referrals",
            "/providers",
            "/me/password"));
    pages.put(
        "carol",
        List.of(
            "/crisis-board",
            "/crises/new",
            "/crises/" + crisis,
            "/risk-alert",
            "/on-call",
            "/referrals"));
    pages.put(
        "sam",
        List.of(
            "/caseload",
            "/dashboard",
            "/referrals",
            "/audit/access",
            "/emergency-access",
            "/crisis-board",
            "/crises/" + crisis,
            "/intakes/" + intake,
            "/on-call"));
    pages.put("admin", List.of("/admin/staff", "/admin/providers", "/admin/providers/new"));
    pages.put(
        "pat",
        List.of(
            "/emergency-access",
            "/audit/access",
            "/admin/staff",
            "/privacy/retention",
            "/privacy/legal-holds",
            "/privacy/erasures",
            "/admin/audit-chain"));
    pages.put("pia", List.of("/provider/referrals"));
  }

  /** Every role finds the service directory in its navigation, to look in, not to type names. */
  @Test
  void everyRoleHasTheServiceDirectoryInItsNavigation() throws Exception {
    for (String user : pages.keySet()) {
      WebDriver browser = browsers.open("en");
      Browser.signIn(browser, port, user, PASSWORD);
      browser.findElement(By.linkText("Service directory")).click();
      assertThat(Browser.shown(browser, By.tagName("h1")).getText())
          .as(user)
          .isEqualTo("Service directory");
      assertThat(browser.findElements(By.cssSelector("#providers tr[data-provider]")))
          .as(user)
          .isNotEmpty();
    }
  }

  /** A masked Chinese name follows the local convention: the family name and 某. */
  @Test
  void theSupervisorSeesAChineseNameMaskedAsFamilyNameAndMou() throws Exception {
    WebDriver browser = browsers.open("zh-CN");
    Browser.signIn(browser, port, "sam", PASSWORD);
    browser.get("http://127.0.0.1:" + port + "/caseload");
    assertThat(Browser.shown(browser, By.tagName("main")).getText()).contains("杨某");
  }

  /**
   * One walk a language (each walk signs every role in and loads each page once, so the checks
   * share it): in Chinese no untranslated word; in both languages the page fits a 390 px phone with
   * the sign-out in reach; axe-core's WCAG 2.2 AA rules with nothing serious or critical.
   */
  @Test
  void everyPageIsTranslatedFitsAPhoneAndPassesTheAccessibilityRules() throws Exception {
    List<String> untranslated = new ArrayList<>();
    List<String> tooWide = new ArrayList<>();
    List<String> inaccessible = new ArrayList<>();
    for (String language : List.of("zh-CN", "en")) {
      walk(
          language,
          (browser, page) -> {
            if (language.equals("zh-CN")) {
              untranslated.addAll(untranslatedWords(browser, page));
              inaccessible.addAll(accessibilityViolations(browser, page));
            }
            tooWide.addAll(phoneProblems(browser, language + " " + page));
          },
          new Dimension(390, 844));
    }
    assertSoftly(
        soft -> {
          soft.assertThat(untranslated).as("untranslated on the Chinese pages").isEmpty();
          soft.assertThat(tooWide).as("pages wider than a 390 px phone").isEmpty();
          soft.assertThat(inaccessible)
              .as("serious or critical accessibility violations")
              .isEmpty();
        });
  }

  private static List<String> untranslatedWords(WebDriver browser, String page) {
    String text =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript("return document.body.innerText + ' ' + document.title;");
    List<String> found = new ArrayList<>();
    Matcher words = UNTRANSLATED.matcher(text);
    while (words.find()) {
      found.add(page + ": " + words.group());
    }
    return found;
  }

  private static List<String> phoneProblems(WebDriver browser, String page) {
    List<String> found = new ArrayList<>();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    @SuppressWarnings("unchecked")
    List<Long> widths =
        (List<Long>)
            js.executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
    if (widths.get(0) > widths.get(1)) {
      found.add(page + ": " + widths.get(0) + " > " + widths.get(1));
    }
    WebElement signOut = browser.findElement(By.cssSelector("form[action$='/logout'] button"));
    Object inReach =
        js.executeScript(
            "const r = arguments[0].getBoundingClientRect();"
                + " return r.width > 0 && r.right <= window.innerWidth;",
            signOut);
    if (!Boolean.TRUE.equals(inReach)) {
      found.add(page + ": sign-out out of reach");
    }
    return found;
  }

  private static List<String> accessibilityViolations(WebDriver browser, String page) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
            .analyze(browser);
    List<String> found = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        found.add(
            page
                + ": "
                + rule.getId()
                + " "
                + rule.getNodes().stream()
                    .map(node -> String.valueOf(node.getTarget()))
                    .limit(3)
                    .toList());
      }
    }
    return found;
  }

  /** The first Tab reaches a skip link; its focus ring stands out at least 3:1 on white. */
  @Test
  void theFirstTabOffersToSkipToTheContentWithAVisibleRing() throws Exception {
    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, "alice", PASSWORD);
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    JavascriptExecutor js = (JavascriptExecutor) browser;
    assertThat(js.executeScript("return document.activeElement.textContent"))
        .isEqualTo("Skip to the content");
    assertThat(js.executeScript("return document.activeElement.getAttribute('href')"))
        .isEqualTo("#main");
    String ring =
        (String) js.executeScript("return getComputedStyle(document.activeElement).outlineColor");
    assertThat(contrastWithWhite(ring)).as(ring).isGreaterThanOrEqualTo(3.0);
  }

  /** WCAG's contrast ratio of an {@code rgb(r, g, b)} colour against white. */
  private static double contrastWithWhite(String rgb) {
    String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
    double luminance = 0;
    double[] weights = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; i++) {
      double c = Integer.parseInt(parts[i]) / 255.0;
      c = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      luminance += weights[i] * c;
    }
    return 1.05 / (luminance + 0.05);
  }

  private interface Check {
    void on(WebDriver browser, String page) throws Exception;
  }

  private void walk(String language, Check check, Dimension size) throws Exception {
    for (Map.Entry<String, List<String>> user : pages.entrySet()) {
      WebDriver browser = browsers.open(language);
      browser.manage().window().setSize(size);
      Browser.signIn(browser, port, user.getKey(), PASSWORD);
      for (String page : user.getValue()) {
        browser.get("http://127.0.0.1:" + port + page);
        Browser.shown(browser, By.tagName("h1"));
        check.on(browser, user.getKey() + " " + page);
      }
    }
  }
}
