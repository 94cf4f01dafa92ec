package org.maplebridge.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.UUID;
import org.maplebridge.intake.ClientRegistry.RegisteredClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives each new client a human reference {@code C-<year>-<6 digits>}, unique and never reused, and
 * finds clients already registered; keeps a digest of the birth date, never the date. Runs inside
 * the command's transaction, so a reference is only taken when the intake is stored.
 */
@Component
class JdbcClientRegistry implements ClientRegistry {
  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcClientRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
  }

  @Override
  public RegisteredClient register(UUID clientId, String unit, LocalDate birthDate) {
    int year = Year.now(clock).getValue();
    // The counter row is locked until the intake commits: concurrent intakes queue for it and
    // never share a number.
    int number =
        jdbc.sql(
                """
                INSERT INTO client_reference_counter (year, last_number) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE
                  SET last_number = client_reference_counter.last_number + 1
                RETURNING last_number
                """)
            .param("year", year)
            .query(Integer.class)
            .single();
    String reference = String.format("C-%d-%06d", year, number);
    jdbc.sql(
            """
            INSERT INTO client_registry (client_id, reference, unit, birth_date_digest)
            VALUES (:id, :ref, :unit, :digest)
            """)
        .param("id", clientId)
        .param("ref", reference)
        .param("unit", unit)
        .param("digest", birthDate == null ? null : digest(clientId, birthDate))
        .update();
    return new RegisteredClient(clientId, reference, unit);
  }

  @Override
  public Optional<RegisteredClient> find(UUID clientId) {
    return findWhere("client_id = :key", clientId);
  }

  @Override
  public Optional<RegisteredClient> findByReference(String reference) {
    return findWhere("reference = :key", reference);
  }

  private Optional<RegisteredClient> findWhere(String condition, Object key) {
    return jdbc.sql("SELECT client_id, reference, unit FROM client_registry WHERE " + condition)
        .param("key", key)
        .query(
            (row, n) ->
                new RegisteredClient(
                    row.getObject("client_id", UUID.class),
                    row.getString("reference"),
                    row.getString("unit")))
        .optional();
  }

  @Override
  public boolean birthDateMatches(UUID clientId, LocalDate birthDate) {
    return birthDate != null
        && jdbc.sql(
                "SELECT birth_date_digest FROM client_registry WHERE client_id = :id"
                    + " AND birth_date_digest IS NOT NULL")
            .param("id", clientId)
            .query(byte[].class)
            .optional()
            .map(stored -> MessageDigest.isEqual(stored, digest(clientId, birthDate)))
            .orElse(false);
  }

  @Override
  public boolean inCareOf(UUID clientId, String username) {
    return jdbc.sql("SELECT count(*) FROM client_care WHERE client_id = :id AND username = :who")
            .param("id", clientId)
            .param("who", username)
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public Optional<UUID> mergedInto(UUID clientId) {
    return jdbc.sql("SELECT merged_into FROM client_registry WHERE client_id = :id")
        .param("id", clientId)
        .query((row, n) -> Optional.ofNullable(row.getObject("merged_into", UUID.class)))
        .optional()
        .flatMap(into -> into);
  }

  @Override
  public RegisteredClient surviving(RegisteredClient client) {
    RegisteredClient current = client;
    // Never a loop: a client merged away is never merged into (ClientMergeRules).
    for (Optional<UUID> into = mergedInto(current.clientId());
        into.isPresent();
        into = mergedInto(current.clientId())) {
      current = find(into.get()).orElseThrow();
    }
    return current;
  }

  /** The same digest the migration computed for clients registered before it. */
  private static byte[] digest(UUID clientId, LocalDate birthDate) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((clientId + ":" + birthDate).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
