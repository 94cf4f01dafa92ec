package org.maplebridge.crisisboard;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.maplebridge.audit.EmergencyGrants;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.events.oncall.Answering;
import org.maplebridge.oncall.OnCallPeriods;
import org.maplebridge.scope.RecordFacts;
import org.maplebridge.scope.Scope;
import org.maplebridge.scope.ScopePolicy;
import org.maplebridge.scopes.CrisisScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A viewer's scope on an episode: the scope policy, given the episode's unit as the board projects
 * it and, for a supervisor, whether the episode's consult is with them now.
 */
@Component
class CrisisBoardScopes implements CrisisScopes {
  private final JdbcClient jdbc;
  private final EmergencyGrants grants;
  private final OnCallPeriods onCall;
  private final Clock clock = Clock.systemUTC();

  CrisisBoardScopes(JdbcClient jdbc, EmergencyGrants grants, OnCallPeriods onCall) {
    this.jdbc = jdbc;
    this.grants = grants;
    this.onCall = onCall;
  }

  /** Empty when the episode does not exist or is out of the viewer's reach. */
  @Override
  public Optional<Scope> of(UUID crisisId, Actor viewer) {
    return jdbc.sql(
            """
            SELECT unit, closed, consult_requested, closure_pending, tier, acknowledged,
              acknowledged_by, deescalated
            FROM crisis_view WHERE crisis_id = :id
            """)
        .param("id", crisisId)
        .query(
            (row, n) ->
                new Consult(
                    row.getString("unit"),
                    row.getBoolean("closed"),
                    row.getBoolean("consult_requested"),
                    row.getBoolean("closure_pending"),
                    row.getString("tier"),
                    (Boolean) row.getObject("acknowledged"),
                    row.getString("acknowledged_by"),
                    row.getBoolean("deescalated")))
        .optional()
        .flatMap(
            consult ->
                ScopePolicy.decide(
                    viewer,
                    RecordFacts.crisis(
                        consult.unit(),
                        consult.isWith(viewer, onCall, clock.instant())
                            ? Set.of(viewer.username())
                            : Set.of()),
                    grants.active(viewer.username(), crisisId)));
  }

  /**
   * What makes an episode's consult: a consult asked for, a closure waiting for approval, or the
   * ladder at the on-call supervisor's rung (paged and waiting, or taken by them). It is with the
   * on-call supervisor now (in a gap in the roster, with the unit's supervisors, who are paged
   * then), and with whoever took the rung, until the episode closes, climbs past the rung or is
   * de-escalated (the crisis the page was about is over; the episode keeps its rung for the record,
   * and follow-ups may keep it open for weeks).
   */
  record Consult(
      String unit,
      boolean closed,
      boolean consultRequested,
      boolean closurePending,
      String tier,
      Boolean acknowledged,
      String acknowledgedBy,
      boolean deescalated) {

    boolean isWith(Actor viewer, OnCallPeriods onCall, Instant now) {
      if (closed || !viewer.is(Role.SUPERVISOR)) {
        return false;
      }
      boolean atSupervisorRung = EscalationTier.ON_CALL_SUPERVISOR.name().equals(tier);
      if (atSupervisorRung && !deescalated && viewer.username().equals(acknowledgedBy)) {
        return true;
      }
      boolean asked =
          consultRequested
              || closurePending
              || (atSupervisorRung && Boolean.FALSE.equals(acknowledged));
      return asked
          && Answering.paged(
              viewer.username(),
              true,
              EscalationTier.ON_CALL_SUPERVISOR,
              tier -> onCall.holder(unit, tier, now));
    }
  }

  /** The episode's unit; empty when the read side knows no such episode. */
  @Override
  public Optional<String> unitOf(UUID crisisId) {
    return jdbc.sql("SELECT unit FROM crisis_view WHERE crisis_id = :id")
        .param("id", crisisId)
        .query(String.class)
        .optional();
  }

  /** The unit of a client's latest episode: whose risk alert it is; empty without episodes. */
  @Override
  public Optional<String> unitOfClient(UUID clientId) {
    return jdbc.sql(
            "SELECT unit FROM crisis_view WHERE client_id = :id ORDER BY opened_at DESC LIMIT 1")
        .param("id", clientId)
        .query(String.class)
        .optional();
  }
}
