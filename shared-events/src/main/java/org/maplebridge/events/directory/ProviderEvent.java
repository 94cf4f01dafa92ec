package org.maplebridge.events.directory;

import java.util.UUID;

/** Everything that happens to an entry of the service directory. */
public sealed interface ProviderEvent permits ProviderRegistered, ProviderUpdated {

  UUID providerId();
}
