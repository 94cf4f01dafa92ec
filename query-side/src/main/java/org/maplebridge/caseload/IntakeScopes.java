package org.maplebridge.caseload;

import java.util.Optional;
import java.util.UUID;
import org.maplebridge.audit.EmergencyGrants;
import org.maplebridge.events.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Decides a viewer's scope on a case from its unit and care team. */
@Component
public class IntakeScopes {
  private final JdbcClient jdbc;
  private final EmergencyGrants grants;

  IntakeScopes(JdbcClient jdbc, EmergencyGrants grants) {
    this.jdbc = jdbc;
    this.grants = grants;
  }

  /** Empty when the case does not exist or is out of the viewer's reach. */
  public Optional<IntakeScope> of(UUID intakeId, Actor viewer) {
    return jdbc.sql("SELECT unit, care_team FROM intake_view WHERE intake_id = :id")
        .param("id", intakeId)
        .query(
            (row, n) ->
                IntakeScope.of(
                    viewer,
                    row.getString("unit"),
                    CaseloadQueryHandler.strings(row, "care_team"),
                    grants.active(viewer.username(), intakeId)))
        .optional()
        .flatMap(scope -> scope);
  }

  /** The case's unit; empty when the read side knows no such case. */
  public Optional<String> unitOf(UUID intakeId) {
    return jdbc.sql("SELECT unit FROM intake_view WHERE intake_id = :id")
        .param("id", intakeId)
        .query(String.class)
        .optional();
  }
}
