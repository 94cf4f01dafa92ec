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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.maplebridge.platform.keys.PlatformKeys;
import org.maplebridge.write.RuleViolated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records' data keys (Tink AES-256-GCM keysets), kept in PostgreSQL wrapped by the
 * key-encryption key from the platform's keystore. A record's key is made with its first encrypted
 * field, in the same transaction, and remembered only once that transaction committed (a
 * rolled-back key must not be used again). Destroyed keys decrypt nothing.
 */
@Component
class DataKeys {
  private static final String KEK_PREFIX = "kek-";
  private static final int CACHED = 10_000;

  /**
   * How long a key read from the database is used without asking again: an erasure on another
   * instance (or a read racing the erasure here) is honoured within this time at the latest.
   */
  private static final long CACHED_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

  private record Cached(Aead aead, long since) {
    boolean fresh() {
      return System.nanoTime() - since < CACHED_NANOS;
    }
  }

  private final JdbcClient jdbc;
  private final PlatformKeys keys;
  private final Map<String, Aead> keyEncryptionKeys =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile String currentKek;

  /**
   * Records whose keys this instance destroyed: a read that raced the erasure and commits after it
   * must not put the key back into memory.
   */
  private final Set<UUID> destroyedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Map<UUID, Cached> known =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
              return size() > CACHED;
            }
          });

  DataKeys(JdbcClient jdbc, PlatformKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink's AEAD cannot be registered", e);
    }
    this.currentKek =
        KEK_PREFIX
            + keys.aliases().stream()
                .filter(alias -> alias.startsWith(KEK_PREFIX))
                .mapToInt(alias -> Integer.parseInt(alias.substring(KEK_PREFIX.length())))
                .max()
                .orElse(1);
    keyEncryptionKey(currentKek);
  }

  private Aead keyEncryptionKey(String alias) {
    return keyEncryptionKeys.computeIfAbsent(
        alias,
        name -> {
          try {
            return imported(keys.secretKey(name, "AES", 256).getEncoded());
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key-encryption key " + name + " cannot be used", e);
          }
        });
  }

  /**
   * A new key-encryption key wraps every data key from now on, the stored ones re-wrapped in
   * batches; the events and their ciphertext stay as they are. Answers the new key's alias and how
   * many data keys were re-wrapped.
   */
  synchronized Map.Entry<String, Integer> rotate(TransactionTemplate transactions) {
    String next = KEK_PREFIX + (Integer.parseInt(currentKek.substring(KEK_PREFIX.length())) + 1);
    Aead wrapping = keyEncryptionKey(next);
    currentKek = next;
    int rewrapped = 0;
    while (true) {
      Integer batch =
          transactions.execute(
              status ->
                  jdbc.sql(
                          "SELECT record_id, wrapped, kek FROM data_key"
                              + " WHERE kek <> :next AND wrapped IS NOT NULL LIMIT 1000"
                              + " FOR UPDATE SKIP LOCKED")
                      .param("next", next)
                      .query(
                          (row, n) -> {
                            UUID record = row.getObject("record_id", UUID.class);
                            try {
                              KeysetHandle key =
                                  TinkProtoKeysetFormat.parseEncryptedKeyset(
                                      row.getBytes("wrapped"),
                                      keyEncryptionKey(row.getString("kek")),
                                      associatedData(record));
                              return jdbc.sql(
                                      "UPDATE data_key SET wrapped = :wrapped, kek = :kek"
                                          + " WHERE record_id = :record")
                                  .param(
                                      "wrapped",
                                      TinkProtoKeysetFormat.serializeEncryptedKeyset(
                                          key, wrapping, associatedData(record)))
                                  .param("kek", next)
                                  .param("record", record)
                                  .update();
                            } catch (GeneralSecurityException e) {
                              throw new IllegalStateException("Data key " + record, e);
                            }
                          })
                      .list()
                      .size());
      if (batch == null || batch == 0) {
        return Map.entry(next, rewrapped);
      }
      rewrapped += batch;
    }
  }

  /** The record's key for new ciphertext, made now if the record has none yet. */
  Aead forEncryption(UUID record) {
    if (destroyedInThisTransaction(record)) {
      throw new ErasedRecord(record);
    }
    Optional<Aead> remembered = remembered(record);
    if (remembered.isPresent()) {
      return remembered.get();
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
                      key, keyEncryptionKey(currentKek), associatedData(record)))
              .param("kek", currentKek)
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
    if (destroyedInThisTransaction(record)) {
      return Optional.empty();
    }
    Optional<Aead> remembered = remembered(record);
    return remembered.isPresent() ? remembered : stored(record);
  }

  /**
   * A key this transaction already read or made, or one this instance read recently: a replay's
   * batch decrypts a record's events one after the other and should not ask the database each time,
   * yet a key is shared beyond its transaction only once that transaction committed.
   */
  private Optional<Aead> remembered(UUID record) {
    KeysOfATransaction ours = thisTransaction();
    if (ours != null && ours.read().containsKey(record)) {
      return Optional.of(ours.read().get(record));
    }
    Cached cached = known.get(record);
    return cached != null && cached.fresh() ? Optional.of(cached.aead()) : Optional.empty();
  }

  private boolean destroyedInThisTransaction(UUID record) {
    KeysOfATransaction ours = thisTransaction();
    return ours != null && ours.destroyed().contains(record);
  }

  private Optional<Aead> stored(UUID record) {
    record Wrapped(byte[] key, String kek) {}
    Optional<Wrapped> wrapped =
        jdbc.sql(
                "SELECT wrapped, kek FROM data_key WHERE record_id = :record"
                    + " AND wrapped IS NOT NULL")
            .param("record", record)
            .query((row, n) -> new Wrapped(row.getBytes("wrapped"), row.getString("kek")))
            .optional();
    return wrapped.map(
        stored -> {
          try {
            Aead aead =
                TinkProtoKeysetFormat.parseEncryptedKeyset(
                        stored.key(), keyEncryptionKey(stored.kek()), associatedData(record))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            rememberOnceCommitted(record, aead);
            return aead;
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The data key of " + record + " cannot be read", e);
          }
        });
  }

  private void rememberOnceCommitted(UUID record, Aead aead) {
    KeysOfATransaction ours = thisTransaction();
    if (ours != null) {
      ours.read().put(record, aead);
    } else {
      remember(record, new Cached(aead, System.nanoTime()));
    }
  }

  private void remember(UUID record, Cached key) {
    if (!destroyedHere.contains(record)) {
      known.put(record, key);
    }
  }

  private void forget(UUID record) {
    destroyedHere.add(record);
    known.remove(record);
  }

  /** What one transaction read, made and destroyed. */
  private record KeysOfATransaction(Map<UUID, Aead> read, Set<UUID> destroyed) {}

  /**
   * The keys of the current transaction, shared with the whole instance once it commits; null
   * outside a transaction.
   */
  private KeysOfATransaction thisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    KeysOfATransaction ours =
        (KeysOfATransaction) TransactionSynchronizationManager.getResource(this);
    if (ours == null) {
      KeysOfATransaction started = new KeysOfATransaction(new HashMap<>(), new HashSet<>());
      TransactionSynchronizationManager.bindResource(this, started);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              long now = System.nanoTime();
              started.destroyed().forEach(DataKeys.this::forget);
              started.read().forEach((record, aead) -> remember(record, new Cached(aead, now)));
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(DataKeys.this);
            }
          });
      ours = started;
    }
    return ours;
  }

  /**
   * Destroys the records' keys in the current transaction: the wrapped key is gone and a tombstone
   * stays, so nothing new is ever encrypted for these records again (a record without a key yet
   * gets its tombstone now). This instance forgets the keys once the transaction committed.
   */
  void destroy(Collection<UUID> records) {
    for (UUID record : records) {
      jdbc.sql(
              "INSERT INTO data_key (record_id, wrapped, kek, destroyed_at)"
                  + " VALUES (:record, NULL, :kek, now())"
                  + " ON CONFLICT (record_id) DO UPDATE SET wrapped = NULL,"
                  + " destroyed_at = coalesce(data_key.destroyed_at, now())")
          .param("record", record)
          .param("kek", currentKek)
          .update();
    }
    KeysOfATransaction ours = thisTransaction();
    if (ours != null) {
      records.forEach(ours.read()::remove);
      ours.destroyed().addAll(records);
    } else {
      records.forEach(this::forget);
    }
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

  /**
   * A record whose key was destroyed gets no new personal or clinical content: a write that would
   * add some is refused (409) and stores nothing.
   */
  static final class ErasedRecord extends RuleViolated {
    ErasedRecord(UUID record) {
      super(
          "AnErasedPersonsRecordTakesNoNewContent",
          "The person of record " + record + " was erased: nothing personal or clinical is added");
    }
  }
}
