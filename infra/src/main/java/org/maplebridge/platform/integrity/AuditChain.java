package org.maplebridge.platform.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.maplebridge.platform.keys.PlatformKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store, chained: each committed event gets a link, SHA-256 over the previous link and
 * the row's identity, type, payload, metadata and timestamp, once no earlier transaction can still
 * commit (the processors' gap timeout after it). Editing, deleting, inserting or reordering a row
 * then breaks the chain from that row on, and rewriting the chain itself from there on no longer
 * matches the head signed earlier with a key outside the database.
 */
@Component
public class AuditChain {
  private static final byte[] GENESIS = new byte[32];
  static final int PER_ROUND = 10_000;
  private static final String ROW_COLUMNS =
      "globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, \"timestamp\","
          + " payloadtype, payloadrevision, payload, metadata";

  private final JdbcClient jdbc;
  private final JdbcTemplate streaming;
  private final TransactionTemplate transactions;
  private final SecretKey headKey;

  /**
   * No write holds its transaction this long (the processors' gap timeout): older rows are final.
   */
  private final Duration settled;

  /** The chain's newest link as signed, for an operator to keep off the machine. */
  public record Head(long globalIndex, String link, OffsetDateTime signedAt, String signature) {}

  /** The outcome of a verification: the first row that no longer fits, if any. */
  public record Verification(boolean valid, long checked, Long firstBroken) {}

  AuditChain(
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      TransactionTemplate transactions,
      PlatformKeys keys,
      @Value("${maplebridge.audit-chain.settled:PT60S}") Duration settled) {
    this.settled = settled;
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
    this.streaming.setFetchSize(1000);
    this.transactions = transactions;
    this.headKey = keys.secretKey("audit-chain-head", "HmacSHA256", 256);
  }

  /** Chains the events that have settled since the last round, and signs the new head. */
  public int extend() {
    Integer added =
        transactions.execute(
            status -> {
              // One extension at a time, whoever calls it.
              jdbc.sql("SELECT pg_advisory_xact_lock(7266290001)").query(Object.class).list();
              long last =
                  jdbc.sql("SELECT coalesce(max(global_index), -1) FROM event_chain")
                      .query(Long.class)
                      .single();
              byte[] previous =
                  last < 0
                      ? GENESIS
                      : jdbc.sql("SELECT link FROM event_chain WHERE global_index = :i")
                          .param("i", last)
                          .query(byte[].class)
                          .single();
              Optional<Long> horizon =
                  jdbc.sql(
                          "SELECT max(globalindex) FROM domainevententry"
                              + " WHERE globalindex > :last"
                              + " AND \"timestamp\"::timestamptz < now() - make_interval(secs => :settled)")
                      .param("last", last)
                      .param("settled", settled.toMillis() / 1000.0)
                      .query(Long.class)
                      .optional();
              if (horizon.isEmpty()) {
                return 0;
              }
              List<Object[]> links = new ArrayList<>();
              byte[][] link = {previous};
              long[] index = {last};
              streaming.query(
                  "SELECT "
                      + ROW_COLUMNS
                      + " FROM domainevententry WHERE globalindex > ? AND globalindex <= ?"
                      + " ORDER BY globalindex LIMIT "
                      + PER_ROUND,
                  row -> {
                    link[0] = link(link[0], row);
                    index[0] = row.getLong("globalindex");
                    links.add(new Object[] {index[0], link[0]});
                  },
                  last,
                  horizon.get());
              if (links.isEmpty()) {
                return 0;
              }
              streaming.batchUpdate(
                  "INSERT INTO event_chain (global_index, link) VALUES (?, ?)", links);
              jdbc.sql(
                      "INSERT INTO event_chain_head (global_index, link, signature)"
                          + " VALUES (:i, :link, :signature)")
                  .param("i", index[0])
                  .param("link", link[0])
                  .param("signature", sign(index[0], link[0]))
                  .update();
              return links.size();
            });
    return added == null ? 0 : added;
  }

  /**
   * The latest signed head, for an operator to copy off the machine; before anything was chained,
   * the signed start of the chain (index -1).
   */
  Head head() {
    return jdbc.sql(
            "SELECT global_index, link, signed_at, signature FROM event_chain_head"
                + " ORDER BY signed_at DESC, global_index DESC LIMIT 1")
        .query(
            (row, n) ->
                new Head(
                    row.getLong("global_index"),
                    HexFormat.of().formatHex(row.getBytes("link")),
                    row.getObject("signed_at", OffsetDateTime.class),
                    HexFormat.of().formatHex(row.getBytes("signature"))))
        .optional()
        .orElseGet(
            () ->
                new Head(
                    -1,
                    HexFormat.of().formatHex(GENESIS),
                    null,
                    HexFormat.of().formatHex(sign(-1, GENESIS))));
  }

  /**
   * Recomputes the whole chain against the event store and the signed heads, names the first row
   * that no longer fits, and records the outcome (which health reports).
   */
  public Verification verify() {
    return transactions.execute(
        status -> {
          long[] checked = {0};
          Long[] firstBroken = {null};
          byte[][] previous = {GENESIS};
          streaming.query(
              "SELECT c.global_index AS chained, c.link AS stored, e."
                  + ROW_COLUMNS.replace(", ", ", e.")
                  + " FROM event_chain c"
                  + " FULL JOIN domainevententry e ON e.globalindex = c.global_index"
                  + " WHERE coalesce(c.global_index, e.globalindex)"
                  + " <= (SELECT coalesce(max(global_index), -1) FROM event_chain)"
                  + " ORDER BY coalesce(c.global_index, e.globalindex)",
              row -> {
                if (firstBroken[0] != null) {
                  return;
                }
                long chained = row.getLong("chained");
                boolean inChain = !row.wasNull();
                long stored = row.getLong("globalindex");
                boolean inStore = !row.wasNull();
                checked[0]++;
                if (!inChain || !inStore) {
                  // inserted out of order, or deleted
                  firstBroken[0] = inChain ? chained : stored;
                  return;
                }
                byte[] recomputed = link(previous[0], row);
                if (!Arrays.equals(recomputed, row.getBytes("stored"))) {
                  firstBroken[0] = chained;
                  return;
                }
                previous[0] = recomputed;
              });
          if (firstBroken[0] == null) {
            firstBroken[0] = firstHeadNotMatching();
          }
          Verification outcome =
              new Verification(firstBroken[0] == null, checked[0], firstBroken[0]);
          jdbc.sql(
                  "INSERT INTO event_chain_verification (valid, checked, first_broken)"
                      + " VALUES (:valid, :checked, :broken)")
              .param("valid", outcome.valid())
              .param("checked", outcome.checked())
              .param("broken", outcome.firstBroken())
              .update();
          return outcome;
        });
  }

  /**
   * The chain rewritten after a head was signed: that head's link (or signature) no longer holds.
   */
  private Long firstHeadNotMatching() {
    return jdbc
        .sql(
            "SELECT h.global_index, h.link, h.signature, c.link AS current"
                + " FROM event_chain_head h LEFT JOIN event_chain c"
                + " ON c.global_index = h.global_index ORDER BY h.global_index")
        .query(
            (row, n) -> {
              long index = row.getLong("global_index");
              byte[] signed = row.getBytes("link");
              boolean holds =
                  Arrays.equals(signed, row.getBytes("current"))
                      && MessageDigest.isEqual(sign(index, signed), row.getBytes("signature"));
              return holds ? null : index;
            })
        .list()
        .stream()
        .filter(index -> index != null)
        .findFirst()
        .orElse(null);
  }

  /** The outcome of the last verification, on any instance; empty before the first. */
  Optional<Verification> lastVerification() {
    return jdbc.sql(
            "SELECT valid, checked, first_broken FROM event_chain_verification"
                + " ORDER BY verified_at DESC LIMIT 1")
        .query(
            (row, n) ->
                new Verification(
                    row.getBoolean("valid"),
                    row.getLong("checked"),
                    (Long) row.getObject("first_broken")))
        .optional();
  }

  static byte[] link(byte[] previous, ResultSet row) throws SQLException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous);
      sha.update(
          ByteBuffer.allocate(16)
              .putLong(row.getLong("globalindex"))
              .putLong(row.getLong("sequencenumber"))
              .array());
      for (String column :
          List.of(
              "eventidentifier",
              "aggregateidentifier",
              "type",
              "timestamp",
              "payloadtype",
              "payloadrevision")) {
        field(sha, text(row.getString(column)));
      }
      field(sha, row.getBytes("payload"));
      field(sha, row.getBytes("metadata"));
      return sha.digest();
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Length-prefixed, so that no two different rows hash the same bytes. */
  private static void field(MessageDigest sha, byte[] value) {
    if (value == null) {
      sha.update(ByteBuffer.allocate(4).putInt(-1).array());
      return;
    }
    sha.update(ByteBuffer.allocate(4).putInt(value.length).array());
    sha.update(value);
  }

  private static byte[] text(String value) {
    return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] sign(long index, byte[] link) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(headKey);
      mac.update(ByteBuffer.allocate(8).putLong(index).array());
      return mac.doFinal(link);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
