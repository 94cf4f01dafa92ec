package org.maplebridge.pages;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * The browsers a test opens: each is closed after the test, and if the test failed, a picture of
 * its page is kept under target/screenshots first. A test whose pages had something refused by
 * their Content-Security-Policy fails. Register with {@code @RegisterExtension}.
 */
public final class Browsers implements AfterEachCallback {
  private final List<WebDriver> opened = new ArrayList<>();

  public WebDriver open(String language) throws Exception {
    WebDriver browser = Browser.open(language);
    opened.add(browser);
    return browser;
  }

  @Override
  public void afterEach(ExtensionContext test) {
    boolean failed = test.getExecutionException().isPresent();
    List<String> violations = new ArrayList<>();
    for (int i = 0; i < opened.size(); i++) {
      WebDriver browser = opened.get(i);
      try {
        violations.addAll(Browser.policyViolations(browser));
        if (failed) {
          Browser.screenshot(
              browser, test.getRequiredTestMethod().getName() + (i == 0 ? "" : "-" + (i + 1)));
        }
      } finally {
        browser.quit();
      }
    }
    opened.clear();
    if (!failed && !violations.isEmpty()) {
      throw new AssertionError("The Content-Security-Policy refused: " + violations);
    }
  }
}
