package org.maplebridge.pages;

import static org.maplebridge.pages.Browser.awaitText;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Swagger UI, a third-party page under its own, looser Content-Security-Policy (inline styles),
 * still draws the API with nothing refused.
 */
class ApiDocumentationPageTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();

  @Test
  void swaggerUiShowsTheApiWithNothingRefused() throws Exception {
    WebDriver browser = browsers.open("en");
    browser.get("http://127.0.0.1:" + port + "/swagger-ui.html");
    awaitText(browser, By.cssSelector(".swagger-ui"), "/api/intakes");
  }
}
