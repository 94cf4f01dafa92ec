package org.maplebridge.crisisboard;

import java.util.Optional;
import java.util.UUID;
import org.maplebridge.audit.EmergencyGrants;
import org.maplebridge.events.Actor;
import org.maplebridge.scope.RecordFacts;
import org.maplebridge.scope.Scope;
import org.maplebridge.scope.ScopePolicy;
import org.maplebridge.scopes.CrisisScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A viewer's scope on an episode: the scope policy, given the episode's unit as the board projects
 * it.
 */
@Component
class CrisisBoardScopes implements CrisisScopes {
  private final JdbcClient jdbc;
  private final EmergencyGrants grants;

  CrisisBoardScopes(JdbcClient jdbc, EmergencyGrants grants) {
    this.jdbc = jdbc;
    this.grants = grants;
  }

  /** Empty when the episode does not exist or is out of the viewer's reach. */
  @Override
  public Optional<Scope> of(UUID crisisId, Actor viewer) {
    return jdbc.sql("SELECT unit FROM crisis_view WHERE crisis_id = :id")
        .param("id", crisisId)
        .query(String.class)
        .optional()
        .flatMap(
            unit ->
                ScopePolicy.decide(
                    viewer, RecordFacts.crisis(unit), grants.active(viewer.username(), crisisId)));
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
