package org.maplebridge.caseload;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.maplebridge.audit.EmergencyGrants;
import org.maplebridge.events.Actor;
import org.maplebridge.scope.RecordFacts;
import org.maplebridge.scope.Scope;
import org.maplebridge.scope.ScopePolicy;
import org.maplebridge.scopes.IntakeScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A viewer's scope on a case: the scope policy, given the case's unit and care team. */
@Component
class CaseloadScopes implements IntakeScopes {
  private final JdbcClient jdbc;
  private final EmergencyGrants grants;

  CaseloadScopes(JdbcClient jdbc, EmergencyGrants grants) {
    this.jdbc = jdbc;
    this.grants = grants;
  }

  /** Empty when the case does not exist or is out of the viewer's reach. */
  @Override
  public Optional<Scope> of(UUID intakeId, Actor viewer) {
    return jdbc.sql("SELECT unit, care_team FROM intake_view WHERE intake_id = :id")
        .param("id", intakeId)
        .query(
            (row, n) ->
                ScopePolicy.decide(
                    viewer,
                    RecordFacts.intake(row.getString("unit"), careTeam(row)),
                    grants.active(viewer.username(), intakeId)))
        .optional()
        .flatMap(scope -> scope);
  }

  private static Set<String> careTeam(ResultSet row) throws SQLException {
    Array team = row.getArray("care_team");
    return team == null ? Set.of() : Set.of((String[]) team.getArray());
  }

  /** The case's unit; empty when the read side knows no such case. */
  @Override
  public Optional<String> unitOf(UUID intakeId) {
    return jdbc.sql("SELECT unit FROM intake_view WHERE intake_id = :id")
        .param("id", intakeId)
        .query(String.class)
        .optional();
  }
}
