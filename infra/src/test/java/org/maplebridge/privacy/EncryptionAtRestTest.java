package org.maplebridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Someone who reads the database (a backup, a dump, a curious operator) finds no name, national ID,
 * note, crisis summary or referral reason in the event store, its snapshots, dead letters, sagas or
 * deadlines; the staff who may see them still do.
 */
class EncryptionAtRestTest extends PlatformTest {
  private static final List<String> CANARIES =
      List.of(
          "Canaryname Zhou",
          "CANARY110101199001019999",
          "CANARY-NOTE sleeps three hours",
          "CANARY-SUMMARY caller on a bridge",
          "CANARY-REASON needs a psychiatric review");

  private static final List<String> STORES =
      List.of(
          "SELECT payload AS b FROM domainevententry UNION ALL"
              + " SELECT metadata FROM domainevententry",
          "SELECT payload AS b FROM snapshotevententry",
          "SELECT payload AS b FROM deadletterentry UNION ALL"
              + " SELECT metadata FROM deadletterentry",
          "SELECT serializedsaga AS b FROM sagaentry",
          "SELECT task_data AS b FROM scheduled_tasks");

  @Test
  void personalAndClinicalFieldsAreStoredEncryptedAndReadInPlain() {
    Api alice = as("alice");
    Response opened =
        alice.post(
            "/api/intakes",
            """
            {"client":{"name":"Canaryname Zhou","birthDate":"1990-01-01","phone":"+86 139 0000 1111",
                       "nationalId":"CANARY110101199001019999"},
             "source":"WALK_IN","concern":"Low mood","urgency":"SOON"}
            """);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String intake = opened.id();
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}");
    assertThat(
            alice
                .post(
                    "/api/intakes/" + intake + "/notes",
                    "{\"text\":\"CANARY-NOTE sleeps three hours\"}")
                .status())
        .isEqualTo(201);
    Response crisis =
        as("carol")
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\","
                    + "\"summary\":\"CANARY-SUMMARY caller on a bridge\"}");
    assertThat(crisis.status()).isEqualTo(201);
    Response referral =
        alice.post(
            "/api/referrals",
            """
            {"intakeId":"%s","serviceType":"PSYCHIATRIC_ASSESSMENT","providerId":"%s",
             "urgency":"URGENT","reason":"CANARY-REASON needs a psychiatric review",
             "disclosedFields":["NAME","NATIONAL_ID"]}"""
                .formatted(intake, providerOffering("PSYCHIATRIC_ASSESSMENT")));
    assertThat(referral.status()).as(referral.toString()).isEqualTo(201);

    for (String store : STORES) {
      for (String canary : CANARIES) {
        assertThat(
                jdbc.sql(
                        "SELECT count(*) FROM ("
                            + store
                            + ") AS stored WHERE position(convert_to(:canary, 'UTF8') in stored.b) > 0")
                    .param("canary", canary)
                    .query(Long.class)
                    .single())
            .as(canary + " in " + store)
            .isZero();
      }
    }
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM domainevententry"
                        + " WHERE position(convert_to('enc:v1:', 'UTF8') in payload) > 0")
                .query(Long.class)
                .single())
        .as("events with encrypted fields")
        .isGreaterThanOrEqualTo(3);

    Api reading = alice.with("X-Consistency-Token", referral.header("X-Consistency-Token"));
    assertThat(reading.get("/api/intakes/" + intake).body())
        .contains("Canaryname Zhou", "CANARY110101199001019999");
    assertThat(reading.get("/api/intakes/" + intake + "/history").body())
        .contains("CANARY-NOTE sleeps three hours");
    assertThat(reading.get("/api/referrals/" + referral.id()).body())
        .contains("CANARY-REASON needs a psychiatric review");
    assertThat(
            as("carol")
                .with("X-Consistency-Token", referral.header("X-Consistency-Token"))
                .get("/api/crises/" + crisis.id())
                .body())
        .contains("CANARY-SUMMARY caller on a bridge");
  }
}
