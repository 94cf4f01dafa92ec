package org.maplebridge.platform.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.PlatformTest;
import org.maplebridge.platform.keys.PlatformKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A record's key is read from the database once per transaction: a replay's batch holds a hundred
 * events of one record, and asking for its key on each of them made the database the replay's
 * hottest frame. A key is shared with the rest of the instance only once its transaction committed.
 */
class DataKeysTest extends PlatformTest {
  private static final byte[] ASSOCIATED = "field".getBytes(StandardCharsets.UTF_8);

  @Autowired DataKeys keys;
  @Autowired PlatformKeys platformKeys;
  @Autowired TransactionTemplate transactions;

  /** The records of a test: their keys are removed after it, spoiled ones too. */
  private final List<UUID> records = new ArrayList<>();

  /**
   * A spoiled key left behind would stop every later key rotation on the shared platform (it
   * re-wraps all keys).
   */
  @AfterEach
  void removeTheTestsKeys() {
    jdbc.sql("DELETE FROM data_key WHERE record_id = ANY(CAST(:records AS uuid[]))")
        .param("records", records.toArray(UUID[]::new))
        .update();
  }

  private UUID newRecord() {
    UUID record = UUID.randomUUID();
    records.add(record);
    return record;
  }

  @Test
  void aTransactionReadsARecordsKeyFromTheDatabaseOnce() throws Exception {
    UUID record = newRecord();
    byte[] ciphertext =
        transactions.execute(
            status -> encrypt(keys.forEncryption(record), "Canary of this record"));
    // Another instance, whose memory holds no key yet, reading the record in one batch.
    DataKeys otherInstance = new DataKeys(jdbc, platformKeys);

    transactions.executeWithoutResult(
        status -> {
          Aead first = otherInstance.forDecryption(record).orElseThrow();
          spoilStoredKeyOf(record);
          Aead again = otherInstance.forDecryption(record).orElseThrow();
          assertThat(again).as("the key read earlier in this transaction").isSameAs(first);
          assertThat(decrypt(again, ciphertext)).isEqualTo("Canary of this record");
          status.setRollbackOnly();
        });

    spoilStoredKeyOf(record);
    assertThatThrownBy(() -> transactions.execute(status -> otherInstance.forDecryption(record)))
        .as("a rolled-back transaction shares no key: the next one reads the stored key again")
        .hasMessageContaining("cannot be read");
  }

  @Test
  void aKeyReadInACommittedTransactionServesTheNextOnes() {
    UUID record = newRecord();
    byte[] ciphertext =
        transactions.execute(status -> encrypt(keys.forEncryption(record), "Second canary"));
    DataKeys otherInstance = new DataKeys(jdbc, platformKeys);

    transactions.execute(status -> otherInstance.forDecryption(record).orElseThrow());
    spoilStoredKeyOf(record);

    Aead remembered =
        transactions.execute(status -> otherInstance.forDecryption(record).orElseThrow());
    assertThat(decrypt(remembered, ciphertext)).isEqualTo("Second canary");
  }

  @Test
  void aKeyDestroyedInATransactionDecryptsNothingLaterInIt() {
    UUID record = newRecord();
    transactions.execute(status -> keys.forEncryption(record));

    transactions.executeWithoutResult(
        status -> {
          assertThat(keys.forDecryption(record)).isPresent();
          keys.destroy(List.of(record));
          assertThat(keys.forDecryption(record)).isEmpty();
        });
    Optional<Aead> afterwards = transactions.execute(status -> keys.forDecryption(record));
    assertThat(afterwards).isEmpty();
  }

  @Test
  void aReadThatRacedTheErasureDoesNotBringTheKeyBack() {
    UUID record = newRecord();
    transactions.execute(status -> keys.forEncryption(record));
    DataKeys instance = new DataKeys(jdbc, platformKeys);
    TransactionTemplate erasure = new TransactionTemplate(transactions.getTransactionManager());
    erasure.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    transactions.executeWithoutResult(
        status -> {
          assertThat(instance.forDecryption(record)).isPresent();
          erasure.executeWithoutResult(erasing -> instance.destroy(List.of(record)));
        });

    Optional<Aead> afterwards = transactions.execute(status -> instance.forDecryption(record));
    assertThat(afterwards).as("the erased record's key, after the racing read committed").isEmpty();
  }

  /**
   * Replaces the stored key by another record's, which cannot be unwrapped for this one (inside a
   * transaction, in that transaction).
   */
  private void spoilStoredKeyOf(UUID record) {
    UUID other = newRecord();
    transactions.execute(status -> keys.forEncryption(other));
    jdbc.sql(
            "UPDATE data_key SET wrapped = (SELECT wrapped FROM data_key WHERE record_id = :other)"
                + " WHERE record_id = :record")
        .param("other", other)
        .param("record", record)
        .update();
  }

  private static byte[] encrypt(Aead key, String text) {
    try {
      return key.encrypt(text.getBytes(StandardCharsets.UTF_8), ASSOCIATED);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decrypt(Aead key, byte[] ciphertext) {
    try {
      return new String(key.decrypt(ciphertext, ASSOCIATED), StandardCharsets.UTF_8);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
