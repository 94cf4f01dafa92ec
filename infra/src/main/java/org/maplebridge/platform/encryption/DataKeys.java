package org.maplebridge.platform.encryption;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.maplebridge.platform.keys.PlatformKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The records' data keys (Tink AES-256-GCM keysets), kept in PostgreSQL wrapped by the
 * key-encryption key from the platform's keystore. A record's key is made with its first encrypted
 * field, in the same transaction, and remembered only once that transaction committed (a
 * rolled-back key must not be used again). Destroyed keys decrypt nothing.
 */
@Component
class DataKeys {
  static final String KEK_ALIAS = "kek-1";
  private static final int CACHED = 10_000;

  private final JdbcClient jdbc;
  private final Aead keyEncryptionKey;
  private final Map<UUID, Aead> known =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Aead> eldest) {
              return size() > CACHED;
            }
          });

  DataKeys(JdbcClient jdbc, PlatformKeys keys) {
    this.jdbc = jdbc;
    try {
      AeadConfig.register();
      this.keyEncryptionKey = imported(keys.secretKey(KEK_ALIAS, "AES", 256).getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The key-encryption key cannot be used", e);
    }
  }

  /** The record's key for new ciphertext, made now if the record has none yet. */
  Aead forEncryption(UUID record) {
    Aead cached = known.get(record);
    if (cached != null) {
      return cached;
    }
    Optional<Aead> existing = stored(record);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      int inserted =
          jdbc.sql(
                  "INSERT INTO data_key (record_id, wrapped, kek) VALUES (:record, :wrapped, :kek)"
                      + " ON CONFLICT (record_id) DO NOTHING")
              .param("record", record)
              .param(
                  "wrapped",
                  TinkProtoKeysetFormat.serializeEncryptedKeyset(
                      key, keyEncryptionKey, associatedData(record)))
              .param("kek", KEK_ALIAS)
              .update();
      if (inserted == 0) {
        // another transaction made it first (and has committed: we waited for its row)
        return stored(record).orElseThrow(() -> new ErasedRecord(record));
      }
      Aead aead = key.getPrimitive(RegistryConfiguration.get(), Aead.class);
      rememberOnceCommitted(record, aead);
      return aead;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No data key for " + record, e);
    }
  }

  /** The record's key for reading, or empty once it was destroyed (the person was erased). */
  Optional<Aead> forDecryption(UUID record) {
    Aead cached = known.get(record);
    return cached != null ? Optional.of(cached) : stored(record);
  }

  private Optional<Aead> stored(UUID record) {
    Optional<byte[]> wrapped =
        jdbc.sql("SELECT wrapped FROM data_key WHERE record_id = :record AND wrapped IS NOT NULL")
            .param("record", record)
            .query(byte[].class)
            .optional();
    return wrapped.map(
        bytes -> {
          try {
            Aead aead =
                TinkProtoKeysetFormat.parseEncryptedKeyset(
                        bytes, keyEncryptionKey, associatedData(record))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            rememberOnceCommitted(record, aead);
            return aead;
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The data key of " + record + " cannot be read", e);
          }
        });
  }

  private void rememberOnceCommitted(UUID record, Aead aead) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              known.put(record, aead);
            }
          });
    } else {
      known.put(record, aead);
    }
  }

  /** Forgets a destroyed key on this instance at once. */
  void forget(UUID record) {
    known.remove(record);
  }

  private static byte[] associatedData(UUID record) {
    return ("maplebridge data key " + record).getBytes(StandardCharsets.UTF_8);
  }

  private static Aead imported(byte[] raw) throws GeneralSecurityException {
    AesGcmKey key =
        AesGcmKey.builder()
            .setParameters(
                AesGcmParameters.builder()
                    .setKeySizeBytes(32)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build())
            .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
            .build();
    return KeysetHandle.newBuilder()
        .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
        .build()
        .getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /** A record whose key was destroyed gets no new encrypted content. */
  static final class ErasedRecord extends RuntimeException {
    ErasedRecord(UUID record) {
      super("Record " + record + " was erased");
    }
  }
}
