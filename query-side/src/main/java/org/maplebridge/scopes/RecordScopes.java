package org.maplebridge.scopes;

import java.util.Optional;
import java.util.UUID;
import org.maplebridge.events.Actor;
import org.maplebridge.scope.Scope;

/**
 * A viewer's scope on one kind of record: the record's facts, read by the read model that projects
 * the record (no one else reads its tables), handed to {@link org.maplebridge.scope.ScopePolicy}.
 */
public interface RecordScopes {

  /** Empty when the record does not exist or is out of the viewer's reach. */
  Optional<Scope> of(UUID recordId, Actor viewer);

  /** The record's unit; empty when the read side knows no such record. */
  Optional<String> unitOf(UUID recordId);
}
