package org.maplebridge.pages;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * The browsers a test opens: each is closed after the test, and if the test failed, a picture of
 * its page is kept under target/screenshots first. Register with {@code @RegisterExtension}.
 */
final class Browsers implements AfterEachCallback {
  private final List<WebDriver> opened = new ArrayList<>();

  WebDriver open(String language) throws Exception {
    WebDriver browser = Browser.open(language);
    opened.add(browser);
    return browser;
  }

  @Override
  public void afterEach(ExtensionContext test) {
    boolean failed = test.getExecutionException().isPresent();
    for (int i = 0; i < opened.size(); i++) {
      WebDriver browser = opened.get(i);
      try {
        if (failed) {
          Browser.screenshot(
              browser, test.getRequiredTestMethod().getName() + (i == 0 ? "" : "-" + (i + 1)));
        }
      } finally {
        browser.quit();
      }
    }
    opened.clear();
  }
}
