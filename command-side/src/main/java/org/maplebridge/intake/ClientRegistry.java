package org.maplebridge.intake;

import java.util.Optional;
import java.util.UUID;

/**
 * Gives each new client a human reference {@code C-<year>-<6 digits>}, unique and never reused, and
 * finds clients already registered.
 */
interface ClientRegistry {

  RegisteredClient register(UUID clientId, String unit);

  Optional<RegisteredClient> find(UUID clientId);

  record RegisteredClient(UUID clientId, String reference, String unit) {}
}
