package org.maplebridge.intake;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives each new client a human reference {@code C-<year>-<6 digits>}, unique and never reused, and
 * finds clients already registered, by id or reference, with what proves a returning client is the
 * one meant: their birth date, or being in the asker's care already.
 */
interface ClientRegistry {

  RegisteredClient register(UUID clientId, String unit, LocalDate birthDate);

  Optional<RegisteredClient> find(UUID clientId);

  Optional<RegisteredClient> findByReference(String reference);

  boolean birthDateMatches(UUID clientId, LocalDate birthDate);

  /** On the care team of one of the client's cases. */
  boolean inCareOf(UUID clientId, String username);

  record RegisteredClient(UUID clientId, String reference, String unit) {}
}
