package org.maplebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/** Referrals through HTTP, each to a closed loop, with the supervisor auditing the trail. */
class ReferralJourneyTest extends PlatformTest {

  private static void ok(Response response) {
    assertThat(response.status()).as(response.toString()).isBetween(200, 299);
  }

  private static String referral(String source, String sourceId, String provider, String urgency) {
    return """
        {"%s":"%s","serviceType":"PSYCHIATRIC_ASSESSMENT","providerId":"%s","urgency":"%s",
         "reason":"Persistent low mood, needs an assessment","disclosedFields":["NAME","PHONE","SCREENINGS"]}"""
        .formatted(source, sourceId, provider, urgency);
  }

  @Test
  void aReferralOffersEachViewerExactlyTheStepsItsStatusAllows() {
    Api alice = as("alice");
    String clinic = providerOffering("PSYCHIATRIC_ASSESSMENT");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    Response created = alice.post("/api/referrals", referral("intakeId", intake, clinic, "URGENT"));
    String id = created.id();
    assertThat(actions(alice, created, id))
        .containsExactly("REQUEST_CONSENT_WAIVER", "SEND", "CANCEL");
    assertThat(actions(as("sam"), created, id))
        .as("the supervisor answers an ask; he does not ask")
        .containsExactly("SEND", "CANCEL", "REVIEW", "MARK_ENTERED_IN_ERROR");
    Response asked =
        alice.post(
            "/api/referrals/" + id + "/consent-waiver-request",
            "{\"reason\":\"Risk to life, cannot consent\"}");
    ok(asked);
    assertThat(actions(alice, asked, id)).containsExactly("SEND", "CANCEL");
    assertThat(actions(as("sam"), asked, id))
        .containsExactly(
            "GRANT_CONSENT_WAIVER",
            "REFUSE_CONSENT_WAIVER",
            "SEND",
            "CANCEL",
            "REVIEW",
            "MARK_ENTERED_IN_ERROR");
    Response granted =
        as("sam").post("/api/referrals/" + id + "/consent-waiver", "{\"reason\":\"Agreed\"}");
    ok(granted);
    assertThat(actions(alice, granted, id))
        .as("no waiver is offered once one is granted")
        .containsExactly("SEND", "CANCEL");
    assertThat(actions(as("sam"), granted, id))
        .containsExactly("SEND", "CANCEL", "REVIEW", "MARK_ENTERED_IN_ERROR");

    ok(alice.post("/api/referrals/" + id + "/sending", ""));
    Response declined =
        alice.post("/api/referrals/" + id + "/decline", "{\"reason\":\"NO_CAPACITY\"}");
    ok(declined);
    assertThat(actions(alice, declined, id))
        .as("a declined referral is redirected, not cancelled")
        .containsExactly("REDIRECT");
    assertThat(actions(as("sam"), declined, id))
        .containsExactly("REDIRECT", "REVIEW", "MARK_ENTERED_IN_ERROR");
    assertThat(
            alice
                .post(
                    "/api/referrals/" + id + "/cancellation",
                    "{\"side\":\"REFERRER\",\"reason\":\"x\"}")
                .status())
        .as("what is not offered is refused")
        .isEqualTo(409);
  }

  private static java.util.List<String> actions(Api who, Response after, String id) {
    java.util.List<String> actions = new java.util.ArrayList<>();
    who.with("X-Consistency-Token", after.header("X-Consistency-Token"))
        .get("/api/referrals/" + id)
        .json()
        .get("allowedActions")
        .forEach(action -> actions.add(action.asText()));
    return actions;
  }

  @Test
  void aCounsellorRefersWithConsentAndTheOutcomeComesBack() {
    Api alice = as("alice");
    String clinic = providerOffering("PSYCHIATRIC_ASSESSMENT");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    ok(
        alice.post(
            "/api/intakes/" + intake + "/consents",
            "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}"));

    Response requested =
        alice.post("/api/referrals", referral("intakeId", intake, clinic, "URGENT"));
    assertThat(requested.status()).isEqualTo(201);
    String id = requested.id();
    assertThat(as("bob").post("/api/referrals/" + id + "/sending", "").status()).isEqualTo(404);
    assertThat(
            alice
                .post("/api/intakes/" + intake + "/closure", "{\"reason\":\"REFERRED_ON\"}")
                .status())
        .as("not referred on before a referral went out")
        .isEqualTo(409);
    ok(alice.post("/api/referrals/" + id + "/sending", ""));
    ok(alice.post("/api/referrals/" + id + "/receipt", ""));
    ok(alice.post("/api/referrals/" + id + "/acceptance", ""));
    assertThat(alice.post("/api/referrals/" + id + "/acceptance", "").status())
        .as("second acceptance")
        .isEqualTo(409);
    Response booked =
        alice.post(
            "/api/referrals/" + id + "/appointment", "{\"at\":\"2026-12-03T09:30:00+08:00\"}");
    ok(booked);
    assertThat(
            Instant.parse(
                alice
                    .with("X-Consistency-Token", booked.header("X-Consistency-Token"))
                    .get("/api/referrals/" + id)
                    .json()
                    .get("nextDeadline")
                    .asText()))
        .as("feedback is due within the urgency's time of the appointment, not of acceptance")
        .isEqualTo(Instant.parse("2026-12-04T01:30:00Z"));
    ok(alice.post("/api/referrals/" + id + "/attendance", "{\"attended\":true}"));
    ok(
        alice.post(
            "/api/referrals/" + id + "/completion",
            "{\"outcome\":\"Assessed: moderate depression, follow-up booked\"}"));
    Response closed = alice.post("/api/referrals/" + id + "/loop-closure", "");
    ok(closed);

    Api aliceReading = alice.with("X-Consistency-Token", closed.header("X-Consistency-Token"));
    JsonNode seen = aliceReading.get("/api/referrals/" + id).json();
    assertThat(seen.get("status").asText()).isEqualTo("LOOP_CLOSED");
    assertThat(seen.get("consentBasis").asText()).isEqualTo("CLIENT_CONSENT");
    assertThat(seen.get("outcome").asText()).startsWith("Assessed");
    assertThat(seen.get("providerAccess").asBoolean())
        .as("a final state ends provider access")
        .isFalse();
    assertThat(aliceReading.everyPage("/api/referrals?status=LOOP_CLOSED").toString()).contains(id);
    assertThat(aliceReading.get("/api/referrals/" + id + "/audit").status()).isEqualTo(403);
    ok(
        alice.post(
            "/api/intakes/" + intake + "/closure",
            "{\"reason\":\"REFERRED_ON\",\"summary\":\"To psychiatry\"}"));
    assertThat(as("dave").get("/api/referrals/" + id).status()).isEqualTo(404);

    Api sam = as("sam").with("X-Consistency-Token", closed.header("X-Consistency-Token"));
    ok(
        sam.post(
            "/api/referrals/" + id + "/reviews",
            "{\"kind\":\"APPROVAL\",\"text\":\"Timely, well documented\"}"));
    List<String> steps = new ArrayList<>();
    JsonNode trail = sam.get("/api/referrals/" + id + "/audit").json().get("entries");
    trail.forEach(step -> steps.add(step.get("type").asText() + "/" + step.get("by").asText()));
    assertThat(steps)
        .containsExactly(
            "ReferralRequested/alice",
            "ReferralSent/alice",
            "ReferralReceived/alice",
            "ReferralAccepted/alice",
            "AppointmentScheduled/alice",
            "AppointmentAttended/alice",
            "ReferralCompleted/alice",
            "ReferralLoopClosed/alice",
            "ReferralReviewed/sam");
    String audit = sam.get("/api/referrals/" + id + "/audit").body();
    assertThat(audit).contains("\"basis\":\"CLIENT_CONSENT\"").contains("\"disclosedFields\"");

    String whenAccepted = trail.get(3).get("at").asText();
    JsonNode thenTrail =
        sam.get("/api/referrals/" + id + "/audit?asOf=" + whenAccepted).json().get("entries");
    assertThat(thenTrail).as("the trail as it stood when the provider accepted").hasSize(4);
    assertThat(thenTrail.get(3).get("type").asText()).isEqualTo("ReferralAccepted");
  }

  @Test
  void aCrisisWorkerRefersInAnEmergencyWithAnOverride() {
    Api carol = as("carol");
    String clinic = providerOffering("PSYCHIATRIC_ASSESSMENT");
    String crisis =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    ok(carol.post("/api/crises/" + crisis + "/risk-assessments", "{\"level\":\"HIGH\"}"));
    String id =
        carol.post("/api/referrals", referral("crisisId", crisis, clinic, "EMERGENCY")).id();

    Response refused = carol.post("/api/referrals/" + id + "/sending", "");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("rule").asText()).isEqualTo("SharingNeedsConsentOrAnOverride");
    ok(
        carol.post(
            "/api/referrals/" + id + "/consent-waiver-request",
            "{\"reason\":\"Risk to life, client unable to consent\"}"));
    assertThat(
            carol
                .post("/api/referrals/" + id + "/consent-waiver", "{\"reason\":\"Risk to life\"}")
                .status())
        .as("only the supervisor authorises, by his own hand")
        .isEqualTo(403);
    ok(
        as("sam")
            .post(
                "/api/referrals/" + id + "/consent-waiver",
                "{\"reason\":\"Risk to life, client unable to consent\"}"));
    ok(carol.post("/api/referrals/" + id + "/sending", ""));
    ok(carol.post("/api/referrals/" + id + "/acceptance", ""));
    ok(
        carol.post(
            "/api/referrals/" + id + "/completion", "{\"outcome\":\"Admitted for assessment\"}"));
    Response closed = carol.post("/api/referrals/" + id + "/loop-closure", "");
    ok(closed);

    JsonNode seen =
        carol
            .with("X-Consistency-Token", closed.header("X-Consistency-Token"))
            .get("/api/referrals/" + id)
            .json();
    assertThat(seen.get("status").asText()).isEqualTo("LOOP_CLOSED");
    assertThat(seen.get("consentBasis").asText()).isEqualTo("OVERRIDE");
    String audit = as("sam").get("/api/referrals/" + id + "/audit").body();
    assertThat(audit).contains("ConsentOverrideRecorded").contains("\"authorisedBy\":\"sam\"");
  }

  @Test
  void anOverrideIsTheSupervisorsOwnActNeverANameTypedInBySomeoneElse() {
    Api alice = as("alice");
    Api sam = as("sam");
    String clinic = providerOffering("PSYCHIATRIC_ASSESSMENT");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String id = alice.post("/api/referrals", referral("intakeId", intake, clinic, "URGENT")).id();

    Response typedIn =
        alice.post(
            "/api/referrals/" + id + "/consent-waiver",
            "{\"reason\":\"Risk to life\",\"authorisedBy\":\"sam\"}");
    assertThat(typedIn.status())
        .as("alice names sam, who never acted: no authoriser is taken from a body")
        .isEqualTo(400);
    assertThat(
            alice
                .post("/api/referrals/" + id + "/consent-waiver", "{\"reason\":\"Risk to life\"}")
                .status())
        .as("a counsellor cannot grant")
        .isEqualTo(403);
    assertThat(
            sam.post("/api/referrals/" + id + "/consent-waiver", "{\"reason\":\"Agreed\"}")
                .status())
        .as("nothing to grant before the referrer asks")
        .isEqualTo(409);
    assertThat(
            as("dave")
                .post(
                    "/api/referrals/" + id + "/consent-waiver-request",
                    "{\"reason\":\"Risk to life\"}")
                .status())
        .isEqualTo(404);

    Response asked =
        alice.post(
            "/api/referrals/" + id + "/consent-waiver-request",
            "{\"reason\":\"Risk to life, client cannot consent now\"}");
    ok(asked);
    JsonNode dashboard =
        sam.with("X-Consistency-Token", asked.header("X-Consistency-Token"))
            .get("/api/dashboard")
            .json();
    assertThat(dashboard.get("consentWaiverRequests").toString())
        .as("waiting for the supervisor")
        .contains(id);
    assertThat(sam.get("/dashboard").body())
        .as("on the supervisor's waiting-for-you list")
        .contains("/referrals/" + id);
    assertThat(alice.post("/api/referrals/" + id + "/sending", "").json().get("rule").asText())
        .as("an ask is not a grant")
        .isEqualTo("SharingNeedsConsentOrAnOverride");

    Response refused =
        sam.post(
            "/api/referrals/" + id + "/consent-waiver-refusal",
            "{\"reason\":\"Ask the guardian first\"}");
    ok(refused);
    assertThat(
            sam.with("X-Consistency-Token", refused.header("X-Consistency-Token"))
                .get("/api/dashboard")
                .json()
                .get("consentWaiverRequests")
                .toString())
        .doesNotContain(id);
    ok(
        alice.post(
            "/api/referrals/" + id + "/consent-waiver-request",
            "{\"reason\":\"Guardian unreachable, risk to life\"}"));
    ok(sam.post("/api/referrals/" + id + "/consent-waiver", "{\"reason\":\"Agreed\"}"));
    assertThat(
            sam.post("/api/referrals/" + id + "/consent-waiver", "{\"reason\":\"Again\"}").status())
        .as("granted once")
        .isEqualTo(409);
    Response sent = alice.post("/api/referrals/" + id + "/sending", "");
    ok(sent);

    String audit =
        sam.with("X-Consistency-Token", sent.header("X-Consistency-Token"))
            .get("/api/referrals/" + id + "/audit")
            .body();
    assertThat(audit)
        .contains("ConsentWaiverRequested")
        .contains("ConsentWaiverRefused")
        .contains("\"authorisedBy\":\"sam\"")
        .contains("\"recordedBy\":\"sam\"");
  }

  @Test
  void aDeclinedReferralIsRedirectedToAnotherProvider() {
    Api alice = as("alice");
    String clinic = providerOffering("PSYCHIATRIC_ASSESSMENT");
    Response other =
        as("admin")
            .post(
                "/api/providers",
                """
            {"organisation":"East Psychiatric Clinic","serviceName":"Assessment","serviceTypes":["PSYCHIATRIC_ASSESSMENT"],
             "area":"north","capacity":"AVAILABLE"}""");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    ok(
        alice.post(
            "/api/intakes/" + intake + "/consents",
            "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"GUARDIAN\",\"method\":\"VERBAL\"}"));
    String id = alice.post("/api/referrals", referral("intakeId", intake, clinic, "ROUTINE")).id();
    ok(alice.post("/api/referrals/" + id + "/sending", ""));
    ok(
        alice.post(
            "/api/referrals/" + id + "/decline",
            "{\"reason\":\"NO_CAPACITY\",\"notes\":\"Waiting list closed\"}"));
    ok(alice.post("/api/referrals/" + id + "/redirect", "{\"providerId\":\"" + other.id() + "\"}"));
    Response accepted = alice.post("/api/referrals/" + id + "/acceptance", "");
    ok(accepted);

    JsonNode seen =
        alice
            .with("X-Consistency-Token", accepted.header("X-Consistency-Token"))
            .get("/api/referrals/" + id)
            .json();
    assertThat(seen.get("providerId").asText()).isEqualTo(other.id());
    assertThat(seen.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(seen.get("providerAccess").asBoolean()).isTrue();
  }

  @Test
  void badReferralsAreRefused() {
    Api alice = as("alice");
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String clinic = providerOffering("PSYCHIATRIC_ASSESSMENT");
    assertThat(
            alice.post("/api/referrals", referral("intakeId", intake, clinic, "SOMEDAY")).status())
        .isEqualTo(400);
    assertThat(
            alice
                .post(
                    "/api/referrals",
                    referral("intakeId", intake, clinic, "URGENT")
                        .replace("PSYCHIATRIC_ASSESSMENT", "SHELTER"))
                .status())
        .as("provider does not offer it")
        .isEqualTo(400);
    assertThat(
            alice
                .post(
                    "/api/referrals",
                    referral("intakeId", intake, clinic, "URGENT")
                        .replace("\"NAME\",\"PHONE\",\"SCREENINGS\"", ""))
                .status())
        .isEqualTo(400);
    assertThat(
            as("bob")
                .post("/api/referrals", referral("intakeId", intake, clinic, "URGENT"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void theDashboardIsTheSupervisors() {
    assertThat(as("alice").get("/api/dashboard").status()).isEqualTo(403);
    JsonNode dashboard = as("sam").get("/api/dashboard?populationGroup=STUDENT").json();
    assertThat(dashboard.get("unit").asText()).isEqualTo("north");
    assertThat(dashboard.has("openCases")).isTrue();
    assertThat(dashboard.get("escalations").has("acknowledgedInTime")).isTrue();
  }
}
