package org.maplebridge.pages;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium from Debian's packages, driven by its own chromedriver (no download at
 * run time), in the given language.
 */
public final class Browser {
  private Browser() {}

  public static WebDriver open(String language) throws Exception {
    Path profile = Files.createTempDirectory("maplebridge-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(onPath("chromium", "chromium-browser", "google-chrome"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--lang=" + language,
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    // The console, so that a test can see what the Content-Security-Policy refused.
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(onPath("chromedriver")))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return driver;
  }

  /**
   * The first of the named programs found on the PATH. A missing browser fails the test with what
   * to install: it never turns into a skipped test.
   */
  static String onPath(String... names) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : names) {
        Path program = Path.of(directory, name);
        if (Files.isExecutable(program)) {
          return program.toString();
        }
      }
    }
    throw new IllegalStateException(
        "The page tests need "
            + String.join(" or ", names)
            + " on the PATH: run ./test.sh, which installs Debian's chromium and chromium-driver");
  }

  /**
   * What the page's Content-Security-Policy refused since the last call (Chromium reports each
   * refusal on the console): an inline script or style, a handler, a foreign source.
   */
  static List<String> policyViolations(WebDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy"))
        .toList();
  }

  /** Signs in through the sign-in page and waits until the staff member's start page is shown. */
  public static void signIn(WebDriver driver, int port, String user, String password) {
    driver.get("http://127.0.0.1:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(page -> !page.getCurrentUrl().contains("/login"));
  }

  /** The element once it is on the page and visible (the page may still be loading). */
  public static WebElement shown(WebDriver driver, By what) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.visibilityOfElementLocated(what));
  }

  /** Waits until the element shows {@code text}: after a post, the page it redirects to. */
  public static void awaitText(WebDriver driver, By what, String text) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(10))
          // The page may be replaced while it is read: the next read sees the new one.
          .ignoring(WebDriverException.class)
          .until(page -> page.findElement(what).getText().contains(text));
    } catch (TimeoutException e) {
      // A refused form says why on the page: that is the useful part of the failure.
      List<String> problems =
          driver.findElements(By.cssSelector(".problem")).stream()
              .map(WebElement::getText)
              .toList();
      throw new AssertionError(
          "Waited for \"" + text + "\" in " + what + "; problems shown: " + problems, e);
    }
  }

  /** Clicks a form's button and waits for the page the accepted post leads to. */
  public static void submit(WebDriver driver, WebElement button) {
    JavascriptExecutor page = (JavascriptExecutor) driver;
    page.executeScript("window.beforeThePost = true");
    button.click();
    // A new document has no mark; while it loads, the browser may answer with errors.
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(WebDriverException.class)
        .until(
            browser ->
                page.executeScript(
                        "return document.readyState === 'complete' && !window.beforeThePost")
                    .equals(Boolean.TRUE));
  }

  /** Sets a date or datetime-local field the way the page would: browsers differ in key order. */
  static void setValue(WebDriver driver, By field, String value) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].value = arguments[1]", driver.findElement(field), value);
  }

  /** A picture of the page as it was when a test failed, under target/screenshots. */
  static void screenshot(WebDriver driver, String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (Exception ignored) {
      // the failure itself is what matters
    }
  }
}
