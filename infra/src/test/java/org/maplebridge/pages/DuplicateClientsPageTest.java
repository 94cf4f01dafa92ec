package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maplebridge.pages.Browser.awaitText;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A supervisor merges a client taken in twice from the page of possible duplicates, in a real
 * browser, in a unit of its own: a merge without a reason is stopped on the page; with one, the
 * pair is gone from the list and the old reference finds the client who stayed.
 */
class DuplicateClientsPageTest extends PlatformTest {
  private static final String OWN_PASSWORD = "merges-on-the-page-too";

  @RegisterExtension final Browsers browsers = new Browsers();

  private String supervisor;
  private String counsellor;

  @BeforeEach
  void aUnitOfItsOwn() {
    String unit = "dupes-" + UUID.randomUUID().toString().substring(0, 8);
    supervisor = unit + "-sup";
    counsellor = unit + "-couns";
    assertThat(
            as("admin")
                .post("/api/admin/units", "{\"id\":\"" + unit + "\",\"name\":\"Duplicates\"}")
                .status())
        .isEqualTo(201);
    addStaff(supervisor, "SUPERVISOR", unit, OWN_PASSWORD);
    addStaff(counsellor, "COUNSELLOR", unit, OWN_PASSWORD);
  }

  @Override
  protected Api as(String username) {
    return username.startsWith("dupes-")
        ? Api.at(port, username, OWN_PASSWORD)
        : super.as(username);
  }

  /** Bai Xue's case, opened by the counsellor: her client reference. */
  private String baiXue(String phone) {
    Response opened =
        as(counsellor)
            .post(
                "/api/intakes",
                """
                {"client":{"name":"Bai Xue","birthDate":"1992-02-03","phone":"%s"},
                 "source":"WALK_IN","concern":"Cannot sleep","urgency":"ROUTINE"}"""
                    .formatted(phone));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return as(counsellor)
        .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
        .get("/api/intakes/" + opened.id())
        .json()
        .get("clientReference")
        .asText();
  }

  @Test
  void theSupervisorMergesADuplicateFromThePage() throws Exception {
    String stays = baiXue("+86 131 2345 6789");
    String duplicate = baiXue("+86 132 9876 5432");

    WebDriver browser = browsers.open("en");
    Browser.signIn(browser, port, supervisor, OWN_PASSWORD);
    browser.findElement(By.linkText("Possible duplicates")).click();
    WebElement line =
        Browser.shown(browser, By.cssSelector("li.duplicate[data-reference='" + duplicate + "']"));
    assertThat(line.getText())
        .contains(duplicate, stays, "B.X.", "born 1992", "same name and date of birth")
        .doesNotContain("Bai Xue");

    WebElement merge = line.findElement(By.cssSelector("button.merge"));
    assertThat(merge.getText()).isEqualTo("Merge " + duplicate + " into " + stays);
    merge.click();
    Browser.shown(browser, By.cssSelector("li.duplicate .field-error"));
    assertThat(eventsOf("client-merge:" + duplicate)).as("no reason, no merge").isZero();

    line.findElement(By.name("reason")).sendKeys("Same person, new phone number");
    Browser.submit(browser, merge);
    awaitText(browser, By.id("main"), "No possible duplicates in your unit.");
    assertThat(eventsOf("client-merge:" + duplicate)).isEqualTo(1);

    Response returning =
        as(counsellor)
            .post(
                "/api/intakes",
                """
                {"clientReference":"%s","birthDate":"1992-02-03","source":"PHONE",
                 "concern":"Back again","urgency":"ROUTINE"}"""
                    .formatted(duplicate));
    assertThat(returning.status()).as(returning.toString()).isEqualTo(201);
    assertThat(
            as(counsellor)
                .with("X-Consistency-Token", returning.header("X-Consistency-Token"))
                .get("/api/intakes/" + returning.id())
                .json()
                .get("clientReference")
                .asText())
        .isEqualTo(stays);
  }
}
