package org.maplebridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * The key-encryption key is rotated without touching a single event: the data keys are re-wrapped,
 * and what was written before reads as it did.
 */
class KeyRotationTest extends PlatformTest {

  @Test
  void rotatingTheKeyEncryptionKeyRewrapsDataKeysAndLeavesEventsAsTheyWere() {
    Api alice = as("alice");
    Response opened = alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    String intake = opened.id();
    byte[] storedBefore = payloadsOf(intake);

    Response rotated = as("admin").post("/api/admin/key-rotation", "{}");
    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    JsonNode answer = rotated.json();
    String kek = answer.get("kek").asText();
    assertThat(answer.get("rewrapped").asInt()).isPositive();
    assertThat(
            jdbc.sql("SELECT DISTINCT kek FROM data_key WHERE wrapped IS NOT NULL")
                .query(String.class)
                .list())
        .as("every data key wrapped by the new key")
        .isEqualTo(List.of(kek));
    assertThat(payloadsOf(intake)).as("no event rewritten").isEqualTo(storedBefore);

    assertThat(
            alice
                .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
                .get("/api/intakes/" + intake + "/history")
                .status())
        .isEqualTo(200);
    Response note =
        alice.post("/api/intakes/" + intake + "/notes", "{\"text\":\"After rotation\"}");
    assertThat(note.status()).isEqualTo(201);
    assertThat(
            alice
                .with("X-Consistency-Token", note.header("X-Consistency-Token"))
                .get("/api/intakes/" + intake + "/history")
                .body())
        .contains("After rotation", "Low mood for weeks");
    assertThat(as("sam").post("/api/admin/key-rotation", "{}").status()).isEqualTo(403);
  }

  private byte[] payloadsOf(String aggregate) {
    return jdbc.sql(
            "SELECT string_agg(payload, '\\x00'::bytea ORDER BY sequencenumber)"
                + " FROM domainevententry WHERE aggregateidentifier = :id")
        .param("id", aggregate)
        .query(byte[].class)
        .single();
  }
}
