package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maplebridge.pages.Browser.awaitText;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's day without the API: a new unit and a staff account in it, an account
 * switched off (her open session ends at once) and on again, and a provider added to the service
 * directory and then edited.
 */
class AdminPagesTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();
  private WebDriver browser;

  @Test
  void theAdministratorKeepsStaffUnitsAndTheServiceDirectory() throws Exception {
    browser = browsers.open("en");
    Browser.signIn(browser, port, "admin", PASSWORD);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff and units");

    openAllDetails();
    browser.findElement(By.id("unit-id")).sendKeys("east");
    browser.findElement(By.id("unit-name")).sendKeys("East community centre");
    Browser.submit(browser, browser.findElement(By.id("add-unit")));
    awaitText(browser, By.id("units"), "East community centre");

    openAllDetails();
    browser.findElement(By.id("new-username")).sendKeys("fay");
    browser.findElement(By.id("new-name")).sendKeys("Fay Sun");
    new Select(browser.findElement(By.id("new-role"))).selectByValue("COUNSELLOR");
    new Select(browser.findElement(By.id("new-unit"))).selectByValue("east");
    browser.findElement(By.id("new-password")).sendKeys("short");
    browser.findElement(By.id("add-account")).click();
    assertThat(Browser.shown(browser, By.cssSelector("#account-form .problem")).getText())
        .as("a password that is too short is refused on the form")
        .isNotBlank();
    browser.findElement(By.id("new-password")).clear();
    browser.findElement(By.id("new-password")).sendKeys("first-lantern-glow");
    Browser.submit(browser, browser.findElement(By.id("add-account")));
    awaitText(browser, By.id("accounts"), "Fay Sun");
    assertThat(browser.findElement(By.id("changes")).getText())
        .as("the unit by its name")
        .contains("admin · fay: account added: counsellor East community centre");

    WebDriver fay = browsers.open("en");
    Browser.signIn(fay, port, "fay", "first-lantern-glow");
    assertThat(fay.getCurrentUrl())
        .as("a password the administrator chose is changed first")
        .contains("/me/password");
    fay.get("http://127.0.0.1:" + port + "/caseload");
    assertThat(fay.getCurrentUrl()).as("nothing else opens before").contains("/me/password");
    fay.findElement(By.id("current-password")).sendKeys("first-lantern-glow");
    fay.findElement(By.id("new-password")).sendKeys("password1234");
    fay.findElement(By.id("change-password")).click();
    assertThat(Browser.shown(fay, By.cssSelector("#password-form .field-error")).getText())
        .as("a common password is refused next to the field")
        .isNotBlank();
    fay.findElement(By.id("new-password")).clear();
    fay.findElement(By.id("new-password")).sendKeys("chooses-her-own-words");
    Browser.submit(fay, fay.findElement(By.id("change-password")));
    assertThat(fay.getCurrentUrl()).contains("/caseload");

    Browser.submit(browser, browser.findElement(By.cssSelector("tr[data-username='fay'] button")));
    awaitText(browser, By.cssSelector("tr[data-username='fay']"), "Switched off");
    fay.get("http://127.0.0.1:" + port + "/caseload");
    assertThat(fay.getCurrentUrl()).as("her open session ends at once").contains("/login");
    Browser.submit(browser, browser.findElement(By.cssSelector("tr[data-username='fay'] button")));
    awaitText(browser, By.cssSelector("tr[data-username='fay']"), "Active");

    browser.findElement(By.linkText("Service directory")).click();
    browser.findElement(By.id("new-provider")).click();
    Browser.shown(browser, By.id("organisation")).sendKeys("Riverside Family Service");
    browser.findElement(By.id("serviceName")).sendKeys("Family social work");
    browser.findElement(By.id("type-SOCIAL_WORK")).click();
    browser.findElement(By.id("languages")).sendKeys("zh\nen");
    browser.findElement(By.id("area")).sendKeys("east");
    new Select(browser.findElement(By.id("capacity"))).selectByValue("AVAILABLE");
    Browser.submit(browser, browser.findElement(By.id("save-provider")));
    awaitText(browser, By.id("providers"), "Riverside Family Service");

    browser.findElement(By.linkText("Riverside Family Service")).click();
    new Select(Browser.shown(browser, By.id("capacity"))).selectByValue("FULL");
    Browser.submit(browser, browser.findElement(By.id("save-provider")));
    awaitText(
        browser,
        By.xpath("//table[@id='providers']//tr[contains(., 'Riverside Family Service')]"),
        "Full");
  }

  private void openAllDetails() {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
  }
}
