package org.maplebridge.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Reaching emergency services is a step someone does and records: who called which agency, when,
 * and the agency's reference; recording it answers the ladder's emergency-services rung.
 */
class EmergencyServicesCallTest extends PlatformTest {

  @Test
  void theCallIsRecordedWithWhoWhenAndTheReferenceAndAnswersTheTopRung() {
    Api carol = as("carol");
    String id =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    assertThat(
            carol
                .post("/api/crises/" + id + "/risk-assessments", "{\"level\":\"IMMINENT\"}")
                .status())
        .isEqualTo(201);
    carol.post("/api/crises/" + id + "/escalations", "{\"reason\":\"No answer\"}");
    Response top = carol.post("/api/crises/" + id + "/escalations", "{\"reason\":\"No answer\"}");
    assertThat(top.status()).isEqualTo(201);

    Instant called = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
    String dispatch =
        """
        {"agency":"AMBULANCE","reference":"120-5531","confidentialityBreakReason":"Overdose",
         "calledAt":"%s"}""";
    assertThat(
            carol
                .post(
                    "/api/crises/" + id + "/emergency-dispatch",
                    dispatch.formatted(Instant.now().plusSeconds(3600)))
                .status())
        .as("a call in the future")
        .isEqualTo(400);
    Response recorded =
        carol.post("/api/crises/" + id + "/emergency-dispatch", dispatch.formatted(called));
    assertThat(recorded.status()).isEqualTo(204);

    JsonNode episode =
        carol
            .with("X-Consistency-Token", recorded.header("X-Consistency-Token"))
            .get("/api/crises/" + id)
            .json();
    JsonNode rescue = episode.get("rescue");
    assertThat(rescue.get("agency").asText()).isEqualTo("AMBULANCE");
    assertThat(rescue.get("reference").asText()).isEqualTo("120-5531");
    assertThat(rescue.get("calledBy").asText()).isEqualTo("carol");
    assertThat(Instant.parse(rescue.get("calledAt").asText())).isEqualTo(called);
    JsonNode rung = findIn(episode.get("escalations"), "id", top.id());
    assertThat(rung.get("tier").asText()).isEqualTo("EMERGENCY_SERVICES");
    assertThat(rung.get("acknowledgedBy").asText())
        .as("the call answers the emergency-services rung")
        .isEqualTo("carol");

    Response notFound =
        carol.post(
            "/api/crises/" + id + "/rescue-confirmation",
            "{\"result\":\"NOT_FOUND\",\"outcome\":\"Nobody at the address\"}");
    assertThat(notFound.status()).isEqualTo(204);
    JsonNode chased =
        carol
            .with("X-Consistency-Token", notFound.header("X-Consistency-Token"))
            .get("/api/crises/" + id)
            .json();
    assertThat(chased.get("rescue").get("status").asText())
        .as("not found keeps the rescue open and chased")
        .isNotEqualTo("CONFIRMED");
    assertThat(chased.get("rescue").get("outcome").asText()).startsWith("NOT_FOUND");
    assertThat(chased.get("allowedActions").toString()).contains("CONFIRM_RESCUE");

    // Clinical gap 8: the rescue lets emergency or urgent care go without consent, not routine.
    String clinic = providerOffering("PSYCHIATRIC_ASSESSMENT");
    String routine = carol.post("/api/referrals", referral(id, clinic, "ROUTINE")).id();
    Response refused = carol.post("/api/referrals/" + routine + "/sending", "");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("rule").asText()).isEqualTo("SharingNeedsConsentOrAnOverride");
    String emergency = carol.post("/api/referrals", referral(id, clinic, "EMERGENCY")).id();
    assertThat(carol.post("/api/referrals/" + emergency + "/sending", "").status()).isEqualTo(204);
  }

  private static String referral(String crisis, String provider, String urgency) {
    return """
        {"crisisId":"%s","serviceType":"PSYCHIATRIC_ASSESSMENT","providerId":"%s","urgency":"%s",
         "reason":"After the rescue","disclosedFields":["NAME"]}"""
        .formatted(crisis, provider, urgency);
  }
}
