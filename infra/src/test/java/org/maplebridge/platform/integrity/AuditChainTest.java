package org.maplebridge.platform.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Someone with write access to the database edits, deletes, inserts or reorders event rows, or
 * rewrites the chain to match: verification names the first row that no longer fits, health turns
 * DOWN, and a clean store verifies. (Rows settle at once here; in production after 60 s.)
 */
@TestPropertySource(properties = "maplebridge.audit-chain.settled=PT0S")
class AuditChainTest extends PlatformTest {
  @Autowired AuditChain chain;

  private long first;
  private long second;

  @BeforeEach
  void aChainedStore() {
    Api alice = as("alice");
    alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    alice.post("/api/intakes", NEW_CLIENT_INTAKE);
    chain.extend();
    List<Long> chained =
        jdbc.sql("SELECT global_index FROM event_chain ORDER BY global_index DESC LIMIT 3")
            .query(Long.class)
            .list();
    assertThat(chained).hasSize(3);
    second = chained.get(1);
    first = chained.get(2);
    assertThat(verify().get("valid").asBoolean()).as("a clean store verifies").isTrue();
  }

  private JsonNode verify() {
    var answer = as("admin").get("/api/admin/audit-chain/verify");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  private void assertBrokenAt(long index) {
    JsonNode result = verify();
    assertThat(result.get("valid").asBoolean()).isFalse();
    assertThat(result.get("firstBroken").asLong()).isEqualTo(index);
    assertThat(Api.anonymousAt(port).get("/actuator/health").status())
        .as("health is DOWN while the chain is broken")
        .isEqualTo(503);
  }

  private void assertValidAgain() {
    assertThat(verify().get("valid").asBoolean()).isTrue();
    assertThat(Api.anonymousAt(port).get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void oneChangedPayloadByteIsFound() {
    byte[] original = payloadOf(first);
    byte[] changed = original.clone();
    changed[changed.length / 2] ^= 1;
    setPayload(first, changed);
    assertBrokenAt(first);
    setPayload(first, original);
    assertValidAgain();
  }

  @Test
  void aDeletedRowIsFound() {
    Map<String, Object> row = row(first);
    jdbc.sql("DELETE FROM domainevententry WHERE globalindex = :i").param("i", first).update();
    assertBrokenAt(first);
    insert(row);
    assertValidAgain();
  }

  @Test
  void aRowInsertedIntoAGapIsFound() {
    long gap =
        jdbc.sql("SELECT nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))")
            .query(Long.class)
            .single();
    as("alice").post("/api/intakes", NEW_CLIENT_INTAKE);
    chain.extend();
    Map<String, Object> forged = row(first);
    forged.put("globalindex", gap);
    forged.put("eventidentifier", UUID.randomUUID().toString());
    forged.put("aggregateidentifier", UUID.randomUUID().toString());
    insert(forged);
    assertBrokenAt(gap);
    jdbc.sql("DELETE FROM domainevententry WHERE globalindex = :i").param("i", gap).update();
    assertValidAgain();
  }

  @Test
  void swappedRowsAreFound() {
    byte[] one = payloadOf(first);
    byte[] two = payloadOf(second);
    setPayload(first, two);
    setPayload(second, one);
    assertBrokenAt(first);
    setPayload(first, one);
    setPayload(second, two);
    assertValidAgain();
  }

  @Test
  void aChainRewrittenToMatchAnEditDisagreesWithTheSignedHead() {
    byte[] original = payloadOf(first);
    byte[] changed = original.clone();
    changed[changed.length / 2] ^= 1;
    setPayload(first, changed);
    List<Long> rewritten = relinkFrom(first);
    assertThat(rewritten).isNotEmpty();
    JsonNode result = verify();
    assertThat(result.get("valid").asBoolean()).isFalse();
    assertThat(result.get("firstBroken").asLong())
        .as("the first signed head at or after the edit")
        .isGreaterThanOrEqualTo(first);
    setPayload(first, original);
    relinkFrom(first);
    assertValidAgain();
  }

  @Test
  void theHeadIsSignedAndNeedsTheAdministrator() {
    JsonNode head = as("admin").get("/api/admin/audit-chain/head").json();
    assertThat(head.get("globalIndex").asLong()).isGreaterThanOrEqualTo(second);
    assertThat(head.get("link").asText()).hasSize(64);
    assertThat(head.get("signature").asText()).hasSize(64);
    assertThat(as("sam").get("/api/admin/audit-chain/head").status()).isEqualTo(403);
    assertThat(as("alice").get("/api/admin/audit-chain/verify").status()).isEqualTo(403);
  }

  /** What someone who knows the algorithm (but not the head's key) would do after an edit. */
  private List<Long> relinkFrom(long index) {
    byte[] previous =
        jdbc.sql(
                "SELECT link FROM event_chain WHERE global_index < :i"
                    + " ORDER BY global_index DESC LIMIT 1")
            .param("i", index)
            .query(byte[].class)
            .optional()
            .orElse(new byte[32]);
    byte[][] link = {previous};
    return jdbc.sql(
            "SELECT e.* FROM domainevententry e JOIN event_chain c ON c.global_index = e.globalindex"
                + " WHERE e.globalindex >= :i ORDER BY e.globalindex")
        .param("i", index)
        .query(
            (row, n) -> {
              link[0] = AuditChain.link(link[0], row);
              jdbc.sql("UPDATE event_chain SET link = :link WHERE global_index = :i")
                  .param("link", link[0])
                  .param("i", row.getLong("globalindex"))
                  .update();
              return row.getLong("globalindex");
            })
        .list();
  }

  private byte[] payloadOf(long index) {
    return jdbc.sql("SELECT payload FROM domainevententry WHERE globalindex = :i")
        .param("i", index)
        .query(byte[].class)
        .single();
  }

  private void setPayload(long index, byte[] payload) {
    jdbc.sql("UPDATE domainevententry SET payload = :p WHERE globalindex = :i")
        .param("p", payload)
        .param("i", index)
        .update();
  }

  private Map<String, Object> row(long index) {
    return jdbc.sql("SELECT * FROM domainevententry WHERE globalindex = :i")
        .param("i", index)
        .query()
        .singleRow();
  }

  private void insert(Map<String, Object> row) {
    jdbc.sql(
            "INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type,"
                + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                + " VALUES (:globalindex, :aggregateidentifier, :sequencenumber, :type,"
                + " :eventidentifier, :metadata, :payload, :payloadrevision, :payloadtype,"
                + " :timestamp)")
        .params(row)
        .update();
  }
}
