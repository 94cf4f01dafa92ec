package org.maplebridge.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.privacy.RetentionPeriod;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.SqlParams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The privacy officer's view of retention: who is due for erasure and since when (every record of
 * the person closed, the retention period since the last closure over, no legal hold in force, not
 * erased yet), the holds in force and the erasures done. Ids, references, units and dates only: no
 * identity or clinical content.
 */
@Component
public class Retention {
  private final JdbcClient jdbc;
  private final RetentionPeriod afterClosure;
  private final String afterClosureText;
  private final Clock clock = Clock.systemUTC();

  Retention(
      JdbcClient jdbc, @Value("${maplebridge.retention.after-closure:P3Y}") String afterClosure) {
    this.jdbc = jdbc;
    this.afterClosure = RetentionPeriod.parse(afterClosure);
    this.afterClosureText = afterClosure;
  }

  /** A person due for erasure. */
  public record Due(
      UUID personId,
      String clientReference,
      int records,
      List<String> units,
      Instant lastClosedAt,
      Instant dueSince) {}

  public record RetentionList(Instant asOf, String afterClosure, List<Due> due) {}

  public record Hold(
      UUID personId,
      String clientReference,
      String reason,
      String placedBy,
      Instant placedAt,
      Instant until) {}

  public record Erasure(
      UUID personId,
      String clientReference,
      int records,
      String basis,
      String reason,
      String requestReference,
      String erasedBy,
      Instant erasedAt) {}

  public RetentionList due() {
    Instant now = clock.instant();
    List<Due> due =
        jdbc
            .sql(
                """
                WITH people AS (
                  SELECT person_id, max(client_reference) AS client_reference,
                         count(*) AS records, array_agg(DISTINCT unit ORDER BY unit) AS units,
                         max(closed_at) AS last_closed
                  FROM retention_record GROUP BY person_id
                  HAVING bool_and(closed_at IS NOT NULL))
                SELECT p.* FROM people p
                WHERE NOT EXISTS (SELECT 1 FROM retention_erasure e WHERE e.person_id = p.person_id)
                  AND NOT EXISTS (SELECT 1 FROM retention_hold h WHERE h.person_id = p.person_id
                                  AND (h.until IS NULL OR h.until > :now))
                ORDER BY p.last_closed, p.person_id
                """)
            .param("now", SqlParams.utc(now))
            .query(
                (row, n) -> {
                  Instant lastClosed =
                      row.getObject("last_closed", OffsetDateTime.class).toInstant();
                  return new Due(
                      row.getObject("person_id", UUID.class),
                      row.getString("client_reference"),
                      row.getInt("records"),
                      List.of((String[]) row.getArray("units").getArray()),
                      lastClosed,
                      afterClosure.endOf(lastClosed));
                })
            .list()
            .stream()
            .filter(person -> !person.dueSince().isAfter(now))
            .toList();
    return new RetentionList(now, afterClosureText, due);
  }

  /** Legal holds in force now, those ending soonest first. */
  public List<Hold> holds() {
    return jdbc.sql(
            """
            SELECT h.*, (SELECT max(client_reference) FROM retention_record r
                         WHERE r.person_id = h.person_id) AS client_reference
            FROM retention_hold h WHERE h.until IS NULL OR h.until > :now
            ORDER BY h.until NULLS LAST, h.placed_at
            """)
        .param("now", SqlParams.utc(clock.instant()))
        .query(
            (row, n) ->
                new Hold(
                    row.getObject("person_id", UUID.class),
                    row.getString("client_reference"),
                    row.getString("reason"),
                    row.getString("placed_by"),
                    row.getObject("placed_at", OffsetDateTime.class).toInstant(),
                    row.getObject("until", OffsetDateTime.class) == null
                        ? null
                        : row.getObject("until", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** Erasures done, the latest first. */
  public List<Erasure> erasures() {
    return jdbc.sql(
            """
            SELECT e.*, (SELECT max(client_reference) FROM retention_record r
                         WHERE r.person_id = e.person_id) AS client_reference
            FROM retention_erasure e ORDER BY e.erased_at DESC LIMIT 500
            """)
        .query(
            (row, n) ->
                new Erasure(
                    row.getObject("person_id", UUID.class),
                    row.getString("client_reference"),
                    row.getInt("records"),
                    row.getString("basis"),
                    row.getString("reason"),
                    row.getString("request_reference"),
                    row.getString("erased_by"),
                    row.getObject("erased_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** One of the person's records, as retention counts it. */
  public record Kept(UUID recordId, String type, String unit, Instant closedAt) {}

  /** Where a person stands: their records, since when they are due, their hold or erasure. */
  public record Person(
      UUID personId,
      String clientReference,
      List<Kept> records,
      Instant dueSince,
      boolean due,
      Hold hold,
      Erasure erasure) {}

  /** The person known by their id or client reference; empty for a person with no records. */
  public Optional<Person> person(String idOrReference) {
    Instant now = clock.instant();
    List<UUID> ids =
        jdbc.sql(
                "SELECT DISTINCT person_id FROM retention_record WHERE person_id::text = :key"
                    + " OR client_reference = :key")
            .param("key", idOrReference.strip())
            .query((row, n) -> row.getObject("person_id", UUID.class))
            .list();
    if (ids.size() != 1) {
      return Optional.empty();
    }
    UUID personId = ids.get(0);
    List<Kept> records =
        jdbc.sql(
                "SELECT * FROM retention_record WHERE person_id = :person"
                    + " ORDER BY record_type, record_id")
            .param("person", personId)
            .query(
                (row, n) ->
                    new Kept(
                        row.getObject("record_id", UUID.class),
                        row.getString("record_type"),
                        row.getString("unit"),
                        instant(row.getObject("closed_at", OffsetDateTime.class))))
            .list();
    Instant dueSince =
        records.stream().anyMatch(record -> record.closedAt() == null)
            ? null
            : afterClosure.endOf(
                records.stream().map(Kept::closedAt).max(Instant::compareTo).orElseThrow());
    Hold hold =
        holds().stream().filter(h -> h.personId().equals(personId)).findFirst().orElse(null);
    Erasure erasure =
        erasures().stream().filter(e -> e.personId().equals(personId)).findFirst().orElse(null);
    String reference =
        jdbc.sql("SELECT max(client_reference) FROM retention_record WHERE person_id = :person")
            .param("person", personId)
            .query(String.class)
            .single();
    return Optional.of(
        new Person(
            personId,
            reference,
            records,
            dueSince,
            dueSince != null && !dueSince.isAfter(now) && hold == null && erasure == null,
            hold,
            erasure));
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  /** Retention and erasure are the privacy officer's alone. */
  static void requirePrivacyOfficer(Actor viewer) {
    if (!viewer.is(Role.PRIVACY_OFFICER)) {
      throw new Forbidden("Retention, legal holds and erasure are for the privacy officer");
    }
  }

  @RestController
  @Tag(name = "Retention and erasure", description = "Legal holds and erasure by key destruction")
  static class Api {
    private final Retention retention;

    Api(Retention retention) {
      this.retention = retention;
    }

    @GetMapping("/api/privacy/retention")
    @Operation(
        summary =
            "Privacy officer: the people due for erasure and since when (every record closed and"
                + " maplebridge.retention.after-closure passed since the last closure; no legal"
                + " hold in force)")
    RetentionList due(Actor viewer) {
      requirePrivacyOfficer(viewer);
      return retention.due();
    }

    @GetMapping("/api/privacy/legal-holds")
    @Operation(summary = "Privacy officer: the legal holds in force")
    List<Hold> holds(Actor viewer) {
      requirePrivacyOfficer(viewer);
      return retention.holds();
    }

    @GetMapping("/api/privacy/erasures")
    @Operation(summary = "Privacy officer: the erasures done (who erased whom, why and when)")
    List<Erasure> erasures(Actor viewer) {
      requirePrivacyOfficer(viewer);
      return retention.erasures();
    }
  }
}
