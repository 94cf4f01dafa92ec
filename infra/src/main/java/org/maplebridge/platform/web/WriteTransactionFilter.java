package org.maplebridge.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.maplebridge.platform.problem.ProblemResponses;
import org.maplebridge.read.ReadYourWrites;
import org.maplebridge.write.StoredPosition;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Runs each API write in one database transaction together with its idempotency record, so that the
 * events a command stores and the answer to its Idempotency-Key commit or vanish together: the same
 * key with the same body returns the first answer and writes nothing twice, even when the two
 * requests race (the second waits on the key's row). Successful writes answer with a consistency
 * token for read-your-writes.
 */
class WriteTransactionFilter extends OncePerRequestFilter {
  private static final int MAX_KEY_LENGTH = 200;
  private static final int MAX_BODY_BYTES = 1 << 20;

  /**
   * No write holds its transaction longer than this: an event's global index that stays a gap for
   * longer than the processors' gap timeout (60 s) can then only belong to a rolled-back write, so
   * the processors may skip it without losing anything.
   */
  static final int WRITE_TIMEOUT_SECONDS = 20;

  private static final DefaultTransactionDefinition WRITE = new DefaultTransactionDefinition();

  static {
    WRITE.setTimeout(WRITE_TIMEOUT_SECONDS);
  }

  private final PlatformTransactionManager transactions;
  private final JdbcClient jdbc;
  private final StoredPosition stored;

  WriteTransactionFilter(
      PlatformTransactionManager transactions, JdbcClient jdbc, StoredPosition stored) {
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.stored = stored;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    String uri = request.getRequestURI();
    return !(uri.startsWith("/api/") || uri.startsWith("/fhir/"))
        || "GET".equals(method)
        || "HEAD".equals(method)
        || "OPTIONS".equals(method);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!sendsJson(request)) {
      // A form or a plain-text body is what a cross-site page can send without asking first;
      // JSON it cannot, so no write of ours can be forged from another site.
      ProblemResponses.write(
          response,
          ProblemResponses.problem(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "unsupported-media-type",
              "JSON only",
              "Writes take a JSON body: send Content-Type: application/json"));
      return;
    }
    String key = request.getHeader(CommandMetadata.IDEMPOTENCY_HEADER);
    if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
      ProblemResponses.write(
          response,
          ProblemResponses.problem(
              HttpStatus.BAD_REQUEST,
              "validation",
              "Invalid input",
              "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters"));
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      ProblemResponses.write(
          response,
          ProblemResponses.problem(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "too-large",
              "Request too large",
              "A request body may have at most " + MAX_BODY_BYTES + " bytes"));
      return;
    }
    HttpServletRequest replayable = new CachedBodyRequest(request, body);
    ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
    String user = SecurityContextHolder.getContext().getAuthentication().getName();

    TransactionStatus transaction;
    try {
      transaction = transactions.getTransaction(WRITE);
    } catch (TransactionException | DataAccessException storeDown) {
      ProblemResponses.write(response, storageUnavailable("nothing was stored"));
      return;
    }
    boolean committed = false;
    try {
      if (key != null) {
        String hash = hash(request, body);
        Optional<StoredAnswer> earlier = claim(user, key, hash);
        if (earlier.isPresent()) {
          transactions.rollback(transaction);
          committed = true;
          earlier.get().replay(response, hash);
          return;
        }
      }
      chain.doFilter(replayable, cachedResponse);
      int status = cachedResponse.getStatus();
      if (status >= 400 || transaction.isRollbackOnly()) {
        committed = true;
        rollbackQuietly(transaction);
      } else {
        String token = consistencyToken();
        cachedResponse.setHeader(ReadYourWrites.HEADER, token);
        if (key != null) {
          remember(user, key, cachedResponse, token);
        }
        try {
          transactions.commit(transaction);
        } catch (TransactionException | DataAccessException lostAtCommit) {
          committed = true;
          cachedResponse.resetBuffer();
          ProblemResponses.write(
              response,
              storageUnavailable(
                  "the outcome is unknown; send the request again with the same Idempotency-Key"));
          return;
        }
        committed = true;
      }
      cachedResponse.copyBodyToResponse();
    } catch (TransactionException | DataAccessException storeLost) {
      // Lost before the commit: nothing of this write is stored.
      cachedResponse.resetBuffer();
      ProblemResponses.write(response, storageUnavailable("nothing was stored"));
    } finally {
      if (!committed && !transaction.isCompleted()) {
        rollbackQuietly(transaction);
      }
    }
  }

  /** DELETE needs no body; every other write names JSON, even when its body is empty. */
  private static boolean sendsJson(HttpServletRequest request) {
    if ("DELETE".equals(request.getMethod()) && request.getContentType() == null) {
      return true;
    }
    try {
      MediaType type = MediaType.parseMediaType(request.getContentType());
      return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
          || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
    } catch (IllegalArgumentException noOrBadType) {
      return false;
    }
  }

  private void rollbackQuietly(TransactionStatus transaction) {
    try {
      transactions.rollback(transaction);
    } catch (TransactionException | DataAccessException connectionAlreadyGone) {
      // the database dropped the transaction with the connection
    }
  }

  private static org.springframework.http.ProblemDetail storageUnavailable(String outcome) {
    return ProblemResponses.problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "unavailable",
        "Storage unavailable",
        "The record store cannot be reached; " + outcome + ". Try again shortly.");
  }

  /**
   * Takes the key for this request, or finds the answer a first request with the same key got. If
   * that first request is still running, PostgreSQL makes this one wait for its outcome.
   */
  private Optional<StoredAnswer> claim(String user, String key, String hash) {
    int inserted =
        jdbc.sql(
                """
                INSERT INTO idempotent_request (username, idempotency_key, request_hash)
                VALUES (:user, :key, :hash) ON CONFLICT DO NOTHING
                """)
            .param("user", user)
            .param("key", key)
            .param("hash", hash)
            .update();
    if (inserted == 1) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT request_hash, status, location, consistency, content_type, body
            FROM idempotent_request WHERE username = :user AND idempotency_key = :key
            """)
        .param("user", user)
        .param("key", key)
        .query(
            (row, n) ->
                new StoredAnswer(
                    row.getString("request_hash"),
                    row.getInt("status"),
                    row.getString("location"),
                    row.getString("consistency"),
                    row.getString("content_type"),
                    row.getBytes("body")))
        .optional();
  }

  private void remember(
      String user, String key, ContentCachingResponseWrapper response, String token) {
    jdbc.sql(
            """
            UPDATE idempotent_request
            SET status = :status, location = :location, consistency = :token,
                content_type = :type, body = :body
            WHERE username = :user AND idempotency_key = :key
            """)
        .param("status", response.getStatus())
        .param("location", response.getHeader(HttpHeaders.LOCATION))
        .param("token", token)
        .param("type", response.getContentType())
        .param("body", response.getContentAsByteArray())
        .param("user", user)
        .param("key", key)
        .update();
  }

  /** The highest event position this transaction can see: at or past the events it wrote. */
  private String consistencyToken() {
    return String.valueOf(stored.now());
  }

  private static String hash(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) ' ');
      digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record StoredAnswer(
      String requestHash,
      int status,
      String location,
      String consistency,
      String contentType,
      byte[] body) {

    void replay(HttpServletResponse response, String hash) throws IOException {
      if (!requestHash.equals(hash)) {
        ProblemResponses.write(
            response,
            ProblemResponses.problem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotency-key-reused",
                "Idempotency key reused",
                "This Idempotency-Key was used for a different request"));
        return;
      }
      response.setStatus(status);
      response.setHeader("Idempotent-Replayed", "true");
      if (location != null) {
        response.setHeader(HttpHeaders.LOCATION, location);
      }
      if (consistency != null) {
        response.setHeader(ReadYourWrites.HEADER, consistency);
      }
      if (body != null && body.length > 0) {
        response.setContentType(
            contentType == null ? MediaType.APPLICATION_JSON_VALUE : contentType);
        response.getOutputStream().write(body);
      }
    }
  }
}
