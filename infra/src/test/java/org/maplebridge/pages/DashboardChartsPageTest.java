package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The supervisor's dashboard charts, read as a supervisor reads them, in both languages: the risk
 * bars in a fixed risk order, every bar from the same line, each level told by its name and count
 * and in a colour that stands out 3:1 from the page; the weekly charts with an axis and each week's
 * figure.
 */
class DashboardChartsPageTest extends PlatformTest {
  private static final Map<String, List<String>> RISK_ORDER =
      Map.of(
          "en", List.of("Imminent", "High", "Moderate", "Low", "Not assessed yet"),
          "zh-CN", List.of("紧迫", "高", "中", "低", "待评估"));
  private static final Pattern RGB =
      Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)(, ([\\d.]+))?\\)");

  @RegisterExtension final Browsers browsers = new Browsers();

  /** Open episodes at two levels, so that bars of different lengths stand side by side. */
  @BeforeEach
  void crisesAtTwoLevels() {
    Api carol = as("carol");
    for (String level : List.of("LOW", "HIGH", "HIGH")) {
      String crisis =
          carol
              .post(
                  "/api/crises",
                  "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Chart "
                      + level
                      + "\"}")
              .id();
      carol.post(
          "/api/crises/" + crisis + "/risk-assessments",
          "{\"level\":\"" + level + "\",\"desire\":true,\"capability\":false,\"notes\":\"n\"}");
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> as("sam").get("/api/dashboard").json().get("crisesByRisk").has("LOW"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void theRiskBarsStandInRiskOrderFromOneLineWithTheirCountsAndTheWeeksHaveAnAxis(String language)
      throws Exception {
    WebDriver browser = browsers.open(language);
    Browser.signIn(browser, port, "sam", PASSWORD);
    browser.get("http://127.0.0.1:" + port + "/dashboard");
    JavascriptExecutor js = (JavascriptExecutor) browser;

    List<String> labels =
        browser.findElements(By.cssSelector(".hbar .hbar-label")).stream()
            .map(WebElement::getText)
            .toList();
    @SuppressWarnings("unchecked")
    List<Number> starts =
        (List<Number>)
            js.executeScript(
                "return [...document.querySelectorAll('.hbar-bar')]"
                    + ".map(bar => bar.getBoundingClientRect().left);");
    List<String> counts =
        browser.findElements(By.cssSelector(".hbar .hbar-value")).stream()
            .map(WebElement::getText)
            .toList();
    @SuppressWarnings("unchecked")
    List<String> barColours =
        (List<String>)
            js.executeScript(
                "return [...document.querySelectorAll('.hbar-bar, .swatch, .seg')].map(bar => {"
                    + " const s = getComputedStyle(bar);"
                    + " return s.backgroundColor + ' ' + s.backgroundImage; });");
    @SuppressWarnings("unchecked")
    List<String> looks =
        (List<String>)
            js.executeScript(
                "return [...document.querySelectorAll('.hbar-bar')].map(bar => {"
                    + " const s = getComputedStyle(bar);"
                    + " return s.backgroundColor + ' ' + s.backgroundImage; });");

    assertSoftly(
        soft -> {
          soft.assertThat(labels).as("risk bars in risk order").isEqualTo(RISK_ORDER.get(language));
          soft.assertThat(starts.stream().map(Number::doubleValue).distinct().count())
              .as("every bar starts at the same line: " + starts)
              .isEqualTo(1);
          soft.assertThat(counts).as("each bar's count in figures").hasSize(5);
          soft.assertThat(counts).allMatch(count -> count.matches("\\d+"));
          soft.assertThat(Integer.parseInt(counts.get(1))).as("high").isGreaterThanOrEqualTo(2);
          soft.assertThat(looks).as("each level looks different").doesNotHaveDuplicates();
          for (String colours : barColours) {
            for (double[] colour : colours(colours)) {
              soft.assertThat(contrastWithWhite(colour))
                  .as("contrast of " + colours + " on the page")
                  .isGreaterThanOrEqualTo(3.0);
            }
          }
          for (String chart : List.of("referral-chart", "escalation-chart")) {
            int column = chart.equals("referral-chart") ? 2 : 3;
            List<String> inTheTable =
                browser
                    .findElements(By.cssSelector("#weeks tr td:nth-child(" + column + ")"))
                    .stream()
                    .map(WebElement::getText)
                    .toList();
            List<String> onTheColumns =
                browser.findElements(By.cssSelector("#" + chart + " .column-value")).stream()
                    .map(WebElement::getText)
                    .toList();
            soft.assertThat(onTheColumns).as(chart + ": each week's figure").isEqualTo(inTheTable);
            List<String> ticks =
                browser
                    .findElements(
                        By.xpath(
                            "//*[@id='" + chart + "']/preceding-sibling::*[@class='y-axis']/*"))
                    .stream()
                    .map(WebElement::getText)
                    .toList();
            int most = Math.max(1, inTheTable.stream().mapToInt(Integer::parseInt).max().orElse(1));
            soft.assertThat(ticks)
                .as(chart + ": an axis from 0 to the largest week")
                .containsExactly(String.valueOf(most), "0");
          }
        });
  }

  /** Every opaque colour in a computed background (its colour and any gradient's stops). */
  private static List<double[]> colours(String background) {
    List<double[]> found = new ArrayList<>();
    Matcher rgb = RGB.matcher(background);
    while (rgb.find()) {
      if (rgb.group(5) != null && Double.parseDouble(rgb.group(5)) == 0) {
        continue;
      }
      found.add(
          new double[] {
            Integer.parseInt(rgb.group(1)),
            Integer.parseInt(rgb.group(2)),
            Integer.parseInt(rgb.group(3))
          });
    }
    assertThat(found).as("a colour in " + background).isNotEmpty();
    return found;
  }

  /** WCAG's contrast ratio of a colour against white. */
  static double contrastWithWhite(double[] rgb) {
    return 1.05 / (luminance(rgb) + 0.05);
  }

  static double luminance(double[] rgb) {
    double[] weights = {0.2126, 0.7152, 0.0722};
    double luminance = 0;
    for (int i = 0; i < 3; i++) {
      double c = rgb[i] / 255.0;
      c = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      luminance += weights[i] * c;
    }
    return luminance;
  }
}
