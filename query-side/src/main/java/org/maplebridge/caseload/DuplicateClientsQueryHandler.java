package org.maplebridge.caseload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.maplebridge.caseload.DuplicateClients.Alike;
import org.maplebridge.caseload.DuplicateClients.Client;
import org.maplebridge.caseload.DuplicateClients.FindPossibleDuplicates;
import org.maplebridge.caseload.DuplicateClients.PossibleDuplicate;
import org.maplebridge.caseload.DuplicateClients.PossibleDuplicates;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.read.Paging.Page;
import org.maplebridge.scope.RecordFacts;
import org.maplebridge.scope.Scope;
import org.maplebridge.scope.ScopePolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds a unit's possible duplicate clients in the caseload's own tables: the clients of the unit
 * are those with a case in it (a merged client has none left, so is never listed again; an erased
 * one has no phone, birth date or name left to match).
 */
@Component
class DuplicateClientsQueryHandler {
  /**
   * Each later client with the earliest client it looks like, ordered by the later reference, after
   * {@code :after}. References grow with time, so the earlier reference is the older client.
   */
  private static final String DUPLICATES =
      """
      WITH clients AS MATERIALIZED (
        SELECT c.client_id, c.reference, c.name, c.birth_date,
               nullif(regexp_replace(coalesce(c.phone, ''), '[^0-9]', '', 'g'), '') AS digits,
               lower(regexp_replace(trim(c.name), '\\s+', ' ', 'g')) AS name_key
        FROM client_identity c
        WHERE EXISTS (SELECT 1 FROM intake_view v WHERE v.client_id = c.client_id AND v.unit = :unit)
      ), alike AS (
        SELECT a.client_id, a.reference, a.name, a.birth_date,
               b.client_id AS like_id, b.reference AS like_reference, b.name AS like_name,
               b.birth_date AS like_birth_date,
               (a.digits = b.digits
                 AND extract(year FROM a.birth_date) = extract(year FROM b.birth_date))
                 AS same_phone,
               (a.name_key = b.name_key AND a.birth_date = b.birth_date) AS same_name
        FROM clients a JOIN clients b ON b.reference < a.reference
        WHERE (a.digits = b.digits
                AND extract(year FROM a.birth_date) = extract(year FROM b.birth_date))
           OR (a.name_key = b.name_key AND a.birth_date = b.birth_date)
      )
      SELECT DISTINCT ON (reference) * FROM alike
      WHERE CAST(:after AS text) IS NULL OR reference > CAST(:after AS text)
      ORDER BY reference, like_reference
      LIMIT :rows
      """;

  private final JdbcClient jdbc;

  DuplicateClientsQueryHandler(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @QueryHandler
  public PossibleDuplicates handle(FindPossibleDuplicates query) {
    Actor viewer = query.viewer();
    if (viewer.unit() == null || !viewer.is(Role.SUPERVISOR)) {
      return new PossibleDuplicates(List.of(), null);
    }
    // The unit's clients are seen as the unit's cases are, by someone on none of their care teams.
    Scope scope =
        ScopePolicy.decide(viewer, RecordFacts.intake(viewer.unit(), Set.of()))
            .orElseThrow(() -> new IllegalStateException("A unit's supervisor sees its cases"));
    List<PossibleDuplicate> found =
        jdbc.sql(DUPLICATES)
            .param("unit", viewer.unit())
            .param("after", query.page().after())
            .param("rows", query.page().rowsToRead())
            .query((row, n) -> duplicate(row, viewer.unit(), scope))
            .list();
    Page<PossibleDuplicate> page =
        query.page().page(found, FindPossibleDuplicates.LIST, line -> List.of(line.reference()));
    return new PossibleDuplicates(page.items(), page.next());
  }

  private static PossibleDuplicate duplicate(ResultSet row, String unit, Scope scope)
      throws SQLException {
    List<Alike> alike = new ArrayList<>();
    if (row.getBoolean("same_phone")) {
      alike.add(Alike.PHONE_AND_BIRTH_YEAR);
    }
    if (row.getBoolean("same_name")) {
      alike.add(Alike.NAME_AND_BIRTH_DATE);
    }
    return new PossibleDuplicate(
        row.getString("reference"),
        row.getString("like_reference"),
        alike,
        List.of(client(row, "", unit, scope), client(row, "like_", unit, scope)));
  }

  private static Client client(ResultSet row, String prefix, String unit, Scope scope)
      throws SQLException {
    var birth = row.getObject(prefix + "birth_date", java.time.LocalDate.class);
    return new Client(
        row.getString(prefix + "reference"),
        row.getString(prefix + "name"),
        birth == null ? null : birth.getYear(),
        row.getObject(prefix.isEmpty() ? "client_id" : "like_id", UUID.class),
        unit,
        scope);
  }
}
