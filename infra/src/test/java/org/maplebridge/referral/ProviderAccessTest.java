package org.maplebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Provider staff through HTTP: pia works at the North District Mental Health Centre, paul at
 * another provider. A referral reaches pia once sent, as a summary until acceptance, with the
 * disclosed fields after it, and not at all after a final state; paul never sees it; every look is
 * in the referring unit's access audit.
 */
class ProviderAccessTest extends PlatformTest {
  private static final String REASON = "Provider test: needs a psychiatric assessment";

  /**
   * Pia's provider, the demo directory's North District Mental Health Centre (its id is fixed by
   * its name; other tests may rename it meanwhile), once the directory shows it.
   */
  private String northDistrictCentre() {
    String id =
        UUID.nameUUIDFromBytes(
                "demo-provider:North District Mental Health Centre"
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> as("alice").get("/api/providers/" + id).status() == 200);
    return id;
  }

  private static void ok(Response response) {
    assertThat(response.status()).as(response.toString()).isBetween(200, 299);
  }

  private static Api after(Api who, Response write) {
    return who.with("X-Consistency-Token", write.header("X-Consistency-Token"));
  }

  @Test
  void providerStaffSeeOnlyWhatAReferralToTheirOrganisationDisclosedAndOnlyWhileItIsOpen() {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    ok(
        alice.post(
            "/api/intakes/" + intake + "/consents",
            "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}"));
    Response requested =
        alice.post(
            "/api/referrals",
            """
            {"intakeId":"%s","serviceType":"PSYCHIATRIC_ASSESSMENT","providerId":"%s",
             "urgency":"URGENT","reason":"%s","disclosedFields":["NAME","PHONE"]}"""
                .formatted(intake, northDistrictCentre(), REASON));
    String id = requested.id();
    assertThat(after(as("pia"), requested).get("/api/referrals/" + id).status())
        .as("not sent yet: it does not exist for the provider")
        .isEqualTo(404);

    Response sent = alice.post("/api/referrals/" + id + "/sending", "");
    ok(sent);
    Response preview = after(as("pia"), sent).get("/api/referrals/" + id);
    assertThat(preview.status()).isEqualTo(200);
    JsonNode summary = preview.json();
    assertThat(summary.get("urgency").asText()).isEqualTo("URGENT");
    assertThat(summary.get("serviceType").asText()).isEqualTo("PSYCHIATRIC_ASSESSMENT");
    assertThat(summary.get("reason").asText()).isEqualTo(REASON);
    assertThat(summary.get("initials").asText()).isEqualTo("L.W.");
    assertThat(summary.get("age").asInt()).isBetween(30, 50);
    assertThat(preview.body())
        .as("before acceptance: no identity, no concern")
        .doesNotContain("Li Wei", "+86 138", "1990-03-04", "Low mood", "Maple Road");
    assertThat(summary.toString()).contains("RECORD_RECEIPT");
    assertThat(after(as("pia"), sent).everyPage("/api/referrals").toString()).contains(id);
    assertThat(after(as("paul"), sent).get("/api/referrals/" + id).status())
        .as("another provider's staff")
        .isEqualTo(404);
    assertThat(after(as("paul"), sent).everyPage("/api/referrals").toString()).doesNotContain(id);

    Response accepted = alice.post("/api/referrals/" + id + "/acceptance", "");
    ok(accepted);
    Response disclosed = after(as("pia"), accepted).get("/api/referrals/" + id);
    assertThat(disclosed.json().get("name").asText()).isEqualTo("Li Wei");
    assertThat(disclosed.json().get("phone").asText()).startsWith("+86 138");
    assertThat(disclosed.body())
        .as("never a field the referral did not disclose")
        .doesNotContain("1990-03-04", "110101199003040000", "Maple Road", "Low mood");

    JsonNode audit =
        after(as("sam"), accepted).everyPage("/api/audit/access?recordId=" + id + "&limit=500");
    assertThat(audit.toString())
        .as("the referring unit's supervisor sees the provider's looks, and paul's refused one")
        .contains("\"viewer\":\"pia\"", "\"viewerRole\":\"PROVIDER\"", "\"viewer\":\"paul\"");

    Response completed =
        alice.post("/api/referrals/" + id + "/completion", "{\"outcome\":\"Assessed\"}");
    ok(completed);
    assertThat(after(as("pia"), completed).get("/api/referrals/" + id).status())
        .as("a final state ends the provider's reach")
        .isEqualTo(404);
  }

  private String sentToTheNorthDistrictCentre(Api alice) {
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    ok(
        alice.post(
            "/api/intakes/" + intake + "/consents",
            "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}"));
    String id =
        alice
            .post(
                "/api/referrals",
                """
                {"intakeId":"%s","serviceType":"PSYCHIATRIC_ASSESSMENT","providerId":"%s",
                 "urgency":"ROUTINE","reason":"%s","disclosedFields":["NAME"]}"""
                    .formatted(intake, northDistrictCentre(), REASON))
            .id();
    ok(alice.post("/api/referrals/" + id + "/sending", ""));
    return id;
  }

  private JsonNode loops(Response after) {
    return after(as("sam"), after).get("/api/dashboard").json().get("loops");
  }

  @Test
  void theProviderAnswersItselfAndTheLoopClosesElectronically() {
    Api alice = as("alice");
    String id = sentToTheNorthDistrictCentre(alice);
    String referral = "/api/referrals/" + id;
    Api pia = as("pia");

    long paulsBefore = eventsOf(id);
    assertThat(as("paul").post(referral + "/receipt", "").status())
        .as("another provider's staff")
        .isEqualTo(404);
    assertThat(eventsOf(id)).as("a refused answer stores nothing").isEqualTo(paulsBefore);
    ok(pia.post(referral + "/receipt", ""));
    ok(pia.post(referral + "/acceptance", ""));
    ok(pia.post(referral + "/appointment", "{\"at\":\"2026-12-03T09:30:00+08:00\"}"));
    ok(pia.post(referral + "/appointment", "{\"at\":\"2026-12-04T10:00:00+08:00\"}"));
    ok(pia.post(referral + "/attendance", "{\"attended\":true}"));
    ok(pia.post(referral + "/hold", "{\"reason\":\"In hospital for a week\"}"));
    ok(pia.post(referral + "/resumption", ""));
    assertThat(pia.post(referral + "/sending", "").status())
        .as("sending is the referrer's step")
        .isEqualTo(403);
    Response completed =
        pia.post(referral + "/completion", "{\"outcome\":\"Assessed, follow-up arranged\"}");
    ok(completed);
    JsonNode before = loops(completed);
    assertThat(pia.post(referral + "/loop-closure", "").status())
        .as("the referrer closes the loop")
        .isEqualTo(403);
    Response closed = alice.post(referral + "/loop-closure", "");
    ok(closed);

    String completion =
        jdbc.sql(
                "SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                    + " WHERE aggregateidentifier = :id AND payloadtype LIKE '%.ReferralCompleted'")
            .param("id", id)
            .query(String.class)
            .single();
    assertThat(completion)
        .as("the provider's person and channel are on the event")
        .contains("\"recordedBy\":\"pia\"", "\"channel\":\"PORTAL\"");
    JsonNode after = loops(closed);
    assertThat(after.get("closed").asLong()).isEqualTo(before.get("closed").asLong() + 1);
    assertThat(after.get("closedElectronically").asLong())
        .isEqualTo(before.get("closedElectronically").asLong() + 1);
    assertThat(after(as("sam"), closed).get(referral + "/audit").body())
        .as("the supervisor's audit shows who answered, and how")
        .contains("\"role\":\"PROVIDER\"", "\"channel\":\"PORTAL\"");
  }

  @Test
  void staffRecordingTheProvidersAnswerByPhoneNameTheContactPersonAndItIsNoElectronicLoop() {
    Api alice = as("alice");
    String id = sentToTheNorthDistrictCentre(alice);
    String referral = "/api/referrals/" + id;
    ok(alice.post(referral + "/acceptance", "{\"contactPerson\":\"Dr Fang\"}"));
    Response completed =
        alice.post(
            referral + "/completion", "{\"outcome\":\"Seen\",\"contactPerson\":\"Dr Fang\"}");
    ok(completed);
    JsonNode before = loops(completed);
    Response closed = alice.post(referral + "/loop-closure", "");
    ok(closed);

    String completion =
        jdbc.sql(
                "SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                    + " WHERE aggregateidentifier = :id AND payloadtype LIKE '%.ReferralCompleted'")
            .param("id", id)
            .query(String.class)
            .single();
    assertThat(completion).contains("\"channel\":\"PHONE\"", "\"contactPerson\":\"Dr Fang\"");
    assertThat(after(as("sam"), completed).get(referral + "/audit").body())
        .as("the audit tells a call recorded by staff from the provider's own answer")
        .contains("\"channel\":\"PHONE\"", "Dr Fang");
    JsonNode after = loops(closed);
    assertThat(after.get("closed").asLong()).isEqualTo(before.get("closed").asLong() + 1);
    assertThat(after.get("closedElectronically").asLong())
        .isEqualTo(before.get("closedElectronically").asLong());
  }

  private static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A provider account the administrator adds is like any other he adds: a common password is
   * refused, and the one he chose is changed by its owner before anything else.
   */
  @Test
  void aProviderAccountTheAdministratorAddsKeepsThePasswordPolicyAndIsChangedAtFirstSignIn() {
    String provider = northDistrictCentre();
    String username = "pam-" + UUID.randomUUID().toString().substring(0, 8);
    String account =
        """
        {"username":"%s","displayName":"Pam","role":"PROVIDER","providerId":"%s","password":"%s"}
        """;
    Response common =
        as("admin").post("/api/admin/staff", account.formatted(username, provider, "iloveyou1234"));
    assertThat(common.status()).as(common.toString()).isEqualTo(400);
    assertThat(common.json().get("errors").has("password")).isTrue();

    Response added =
        as("admin")
            .post("/api/admin/staff", account.formatted(username, provider, ASSIGNED_PASSWORD));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    Api assigned = Api.at(port, username, ASSIGNED_PASSWORD);
    Response blocked = assigned.get("/api/referrals");
    assertThat(blocked.status())
        .as("not waiting for approval, but for her own password")
        .isEqualTo(403);
    assertThat(blocked.json().get("type").asText()).endsWith("password-change-required");

    Response changed =
        assigned.post(
            "/api/me/password",
            "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}"
                .formatted(ASSIGNED_PASSWORD, "quiet-harbour-in-june"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    assertThat(Api.at(port, username, "quiet-harbour-in-june").get("/api/referrals").status())
        .isEqualTo(200);
  }

  @Test
  void theReferralLetterHoldsOnlyWhatReachesTheProviderAndFetchingItIsALook() {
    Api alice = as("alice");
    String id = sentToTheNorthDistrictCentre(alice);
    String letter = "/api/referrals/" + id + "/letter";
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> as("pia").get("/api/referrals/" + id).status() == 200);

    String summary = text(as("pia").with("Accept-Language", "en").bytes(letter));
    assertThat(summary).contains("Referral letter", REASON, "L.W.", "Psychiatric assessment");
    assertThat(summary).doesNotContain("Li Wei", "+86 138", "Low mood");
    assertThat(as("paul").get(letter).status()).as("another provider's staff").isEqualTo(404);

    Response accepted = as("pia").post("/api/referrals/" + id + "/acceptance", "");
    ok(accepted);
    String disclosed = text(after(as("pia"), accepted).bytes(letter));
    assertThat(disclosed).contains("Li Wei", REASON);
    assertThat(disclosed)
        .as("only the disclosed fields (the name)")
        .doesNotContain("+86 138", "1990-03-04", "Maple Road", "Low mood", "110101199003040000");
    assertThat(text(alice.bytes(letter)))
        .as("the referrer prints the same letter for the provider")
        .contains("Li Wei")
        .doesNotContain("+86 138", "Low mood");

    JsonNode looks =
        after(as("sam"), accepted)
            .everyPage("/api/audit/access?recordId=" + id + "&viewer=pia&limit=500");
    assertThat(looks.size()).as("each letter fetched is a recorded look").isGreaterThanOrEqualTo(2);
  }

  @Test
  void aChineseLetterShowsItsChineseWords() {
    Api alice = as("alice");
    String intake =
        alice
            .post(
                "/api/intakes", NEW_CLIENT_INTAKE.replace("\"name\":\"Li Wei\"", "\"name\":\"李伟\""))
            .id();
    ok(
        alice.post(
            "/api/intakes/" + intake + "/consents",
            "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}"));
    String id =
        alice
            .post(
                "/api/referrals",
                """
                {"intakeId":"%s","serviceType":"PSYCHIATRIC_ASSESSMENT","providerId":"%s",
                 "urgency":"URGENT","reason":"需要精神科评估","disclosedFields":["NAME"]}"""
                    .formatted(intake, northDistrictCentre()))
            .id();
    ok(alice.post("/api/referrals/" + id + "/sending", ""));
    Response accepted = as("pia").post("/api/referrals/" + id + "/acceptance", "");
    ok(accepted);

    String letter =
        text(
            after(as("pia"), accepted)
                .with("Accept-Language", "zh-CN")
                .bytes("/api/referrals/" + id + "/letter"));
    assertThat(letter)
        .as("labels, values and the person's name in Chinese characters, not in English")
        .contains("转介信", "精神科评估", "紧急", "需要精神科评估", "李伟")
        .doesNotContain("Referral letter");
  }

  @Test
  void providerStaffAnswerInTheirOwnPagesInBothLanguages() {
    Api alice = as("alice");
    String id = sentToTheNorthDistrictCentre(alice);
    Api pia = as("pia");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> pia.get("/api/referrals/" + id).status() == 200);

    assertThat(pia.get("/").header("Location")).endsWith("/provider/referrals");
    assertThat(pia.get("/provider/referrals?lang=en").body()).contains(id, "L.W.");
    String page = pia.get("/provider/referrals/" + id + "?lang=en").body();
    assertThat(page)
        .contains(REASON, "L.W.", "id=\"acknowledge\"", "id=\"accept\"", "/letter")
        .doesNotContain("Li Wei", "id=\"complete\"", "loop-closure", "/sending");
    assertThat(pia.get("/provider/referrals/" + id + "?lang=zh-CN").body())
        .contains("我们已收到", "我们接受");
    assertThat(as("paul").get("/provider/referrals/" + id).status()).isEqualTo(404);
    assertThat(alice.get("/provider/referrals").status()).isEqualTo(403);

    Response accepted = pia.post("/api/referrals/" + id + "/acceptance", "");
    ok(accepted);
    assertThat(after(pia, accepted).get("/provider/referrals/" + id + "?lang=en").body())
        .as("after acceptance: the disclosed name, and the next answers")
        .contains("Li Wei", "id=\"book-appointment\"", "id=\"complete\"");
  }
}
