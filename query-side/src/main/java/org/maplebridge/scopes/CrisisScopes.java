package org.maplebridge.scopes;

import java.util.Optional;
import java.util.UUID;

/** Scopes on crisis episodes, answered by the crisis board, which projects their units. */
public interface CrisisScopes extends RecordScopes {

  /** The unit of a client's latest episode: whose risk alert it is; empty without episodes. */
  Optional<String> unitOfClient(UUID clientId);
}
