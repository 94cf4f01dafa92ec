package org.maplebridge.scopes;

import java.util.Optional;
import java.util.UUID;
import org.maplebridge.audit.EmergencyGrants;
import org.maplebridge.events.Actor;
import org.maplebridge.scope.RecordFacts;
import org.maplebridge.scope.Scope;
import org.maplebridge.scope.ScopePolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A viewer's scope on an episode: the scope policy, given the episode's unit. */
@Component
public class CrisisScopes {
  private final JdbcClient jdbc;
  private final EmergencyGrants grants;

  CrisisScopes(JdbcClient jdbc, EmergencyGrants grants) {
    this.jdbc = jdbc;
    this.grants = grants;
  }

  /** Empty when the episode does not exist or is out of the viewer's reach. */
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
}
