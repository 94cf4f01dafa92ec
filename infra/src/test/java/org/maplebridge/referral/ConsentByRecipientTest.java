package org.maplebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.maplebridge.fhir.FhirExchangeTest;

/**
 * Consent to share names its recipient (a kind of service, or one provider) and its purpose: a
 * referral goes only where the consent reaches; the provider's suggestion on declining is the
 * referrer's to act on, and the redirect asks the consent again; withdrawing consent stops what is
 * not sent and ends the provider's access on what is, telling the provider.
 */
class ConsentByRecipientTest extends PlatformTest {

  private static String demoProvider(String name) {
    return UUID.nameUUIDFromBytes(("demo-provider:" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static final String CLINIC = demoProvider("North District Mental Health Centre");
  private static final String YOUTH = demoProvider("South Youth Counselling Service");

  private static void ok(Response response) {
    assertThat(response.status()).as(response.toString()).isBetween(200, 299);
  }

  private static Api after(Api who, Response write) {
    return who.with("X-Consistency-Token", write.header("X-Consistency-Token"));
  }

  private String intakeWithConsent(Api alice, String sharing) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                alice.get("/api/providers/" + CLINIC).status() == 200
                    && alice.get("/api/providers/" + YOUTH).status() == 200);
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    ok(
        alice.post(
            "/api/intakes/" + intake + "/consents",
            "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"%s}"
                .formatted(sharing)));
    return intake;
  }

  private static String refer(Api alice, String intake, String serviceType) {
    return alice
        .post(
            "/api/referrals",
            """
            {"intakeId":"%s","serviceType":"%s","providerId":"%s","urgency":"URGENT",
             "reason":"Consent test","disclosedFields":["NAME","PHONE"]}"""
                .formatted(intake, serviceType, CLINIC))
        .id();
  }

  @Test
  void aReferralToARecipientTheConsentDoesNotNameIsRefusedAndStoresNothing() {
    Api alice = as("alice");
    String intake = intakeWithConsent(alice, ",\"recipientKind\":\"SHELTER\"");
    String id = refer(alice, intake, "PSYCHIATRIC_ASSESSMENT");
    long before = eventsOf(id);
    Response sending = alice.post("/api/referrals/" + id + "/sending", "");
    assertThat(sending.status()).isEqualTo(409);
    assertThat(sending.header("Content-Type")).startsWith("application/problem+json");
    assertThat(sending.json().get("detail").asText()).contains("does not cover this recipient");
    assertThat(eventsOf(id)).isEqualTo(before);

    Response counsellingWithRecipient =
        alice.post(
            "/api/intakes/" + intake + "/consents",
            "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\","
                + "\"recipientKind\":\"SHELTER\"}");
    assertThat(counsellingWithRecipient.status()).isEqualTo(400);
  }

  @Test
  void theProvidersSuggestionIsTheReferrersToRedirectToWhenTheConsentCoversIt() {
    Api alice = as("alice");
    String intake = intakeWithConsent(alice, ",\"recipientProvider\":\"" + CLINIC + "\"");
    String id = refer(alice, intake, "OUTPATIENT_COUNSELLING");
    Response sent = alice.post("/api/referrals/" + id + "/sending", "");
    ok(sent);
    Api pia = after(as("pia"), sent);
    ok(pia.post("/api/referrals/" + id + "/receipt", ""));
    assertThat(
            pia.post(
                    "/api/referrals/" + id + "/decline",
                    "{\"reason\":\"NO_CAPACITY\",\"suggestedProvider\":\"" + CLINIC + "\"}")
                .status())
        .as("a provider suggests another provider, not itself")
        .isEqualTo(400);
    Response declined =
        pia.post(
            "/api/referrals/" + id + "/decline",
            "{\"reason\":\"NO_CAPACITY\",\"notes\":\"Full until March\","
                + "\"suggestedProvider\":\""
                + YOUTH
                + "\"}");
    ok(declined);
    assertThat(
            after(alice, declined)
                .get("/api/referrals/" + id)
                .json()
                .get("suggestedProvider")
                .asText())
        .isEqualTo(YOUTH);

    long before = eventsOf(id);
    Response refused =
        alice.post("/api/referrals/" + id + "/redirect", "{\"providerId\":\"" + YOUTH + "\"}");
    assertThat(refused.status()).as("the consent names the clinic only").isEqualTo(409);
    assertThat(refused.json().get("detail").asText()).contains("does not cover this recipient");
    assertThat(eventsOf(id)).isEqualTo(before);

    ok(
        alice.post(
            "/api/intakes/" + intake + "/consents",
            "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\","
                + "\"recipientKind\":\"OUTPATIENT_COUNSELLING\",\"purpose\":\"REFERRAL\"}"));
    Response redirected =
        alice.post("/api/referrals/" + id + "/redirect", "{\"providerId\":\"" + YOUTH + "\"}");
    assertThat(redirected.status()).as(redirected.toString()).isEqualTo(204);
    Response now = after(alice, redirected).get("/api/referrals/" + id);
    assertThat(now.json().get("providerId").asText()).isEqualTo(YOUTH);
    assertThat(now.json().get("status").asText()).isEqualTo("REQUESTED");
    assertThat(now.json().get("consentBasis").asText()).isEqualTo("CLIENT_CONSENT");
  }

  @Test
  void withdrawingConsentStopsWhatIsNotSentAndEndsTheProvidersAccessOnWhatIs() {
    Api alice = as("alice");
    String intake = intakeWithConsent(alice, "");
    String open = refer(alice, intake, "PSYCHIATRIC_ASSESSMENT");
    String notSent = refer(alice, intake, "OUTPATIENT_COUNSELLING");
    ok(alice.post("/api/referrals/" + open + "/sending", ""));
    Api pia = as("pia");
    ok(pia.post("/api/referrals/" + open + "/receipt", ""));
    Response accepted = pia.post("/api/referrals/" + open + "/acceptance", "");
    ok(accepted);
    assertThat(after(pia, accepted).get("/api/referrals/" + open).json().get("name").asText())
        .isEqualTo("Li Wei");

    Response withdrawn = alice.delete("/api/intakes/" + intake + "/consents/REFERRAL_SHARING");
    ok(withdrawn);
    Response seen = after(as("pia"), withdrawn).get("/api/referrals/" + open);
    assertThat(seen.status()).as("the provider keeps the referral").isEqualTo(200);
    assertThat(seen.json().has("sharingEndedAt")).as("and is told why").isTrue();
    assertThat(seen.json().get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(seen.body())
        .as("nothing of the person, not even the summary")
        .doesNotContain("Li Wei", "+86 138", "L.W.", "Consent test", "Low mood");
    assertThat(seen.json().has("initials")).isFalse();
    assertThat(seen.json().has("age")).isFalse();
    assertThat(seen.json().has("reason")).isFalse();
    Api piaNow = after(as("pia"), withdrawn);
    assertThat(piaNow.get("/api/referrals").json().get("items").findParents("id"))
        .filteredOn(item -> item.get("id").asText().equals(open))
        .singleElement()
        .satisfies(item -> assertThat(item.has("initials") || item.has("reason")).isFalse());
    String page = piaNow.get("/provider/referrals/" + open + "?lang=en").body();
    assertThat(page)
        .contains("withdrew their consent to share")
        .doesNotContain("L.W.", "Consent test", "/letter");
    assertThat(piaNow.get("/provider/referrals?lang=en").body())
        .contains(open, "Access ended")
        .doesNotContain("L.W.");
    Response letter = piaNow.get("/api/referrals/" + open + "/letter");
    assertThat(letter.status()).as("a letter is about the person").isEqualTo(404);
    assertThat(letter.header("Content-Type")).startsWith("application/problem+json");
    assertThat(FhirExchangeTest.valid(piaNow.get("/fhir/ServiceRequest/" + open)).body())
        .doesNotContain("L.W.", "Consent test", "Age ");
    assertThat(FhirExchangeTest.valid(piaNow.get("/fhir/Task?owner=Organization/" + CLINIC)).body())
        .contains(open)
        .doesNotContain("L.W.", "Consent test");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id"
                        + " AND payloadtype LIKE '%.ProviderAccessEnded'")
                .param("id", open)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(after(alice, withdrawn).get("/api/referrals/" + open).json().has("sharingEndedAt"))
        .isTrue();
    assertThat(FhirExchangeTest.valid(after(as("pia"), withdrawn).get("/fhir/Task/" + open)).body())
        .as("the provider's system is told too")
        .contains("withdrew their consent to share");

    Response stopped = alice.post("/api/referrals/" + notSent + "/sending", "");
    assertThat(stopped.status()).as("not sent yet: it no longer may be").isEqualTo(409);
  }
}
