package org.maplebridge.intake;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives each new client a human reference {@code C-<year>-<6 digits>}, unique and never reused, and
 * finds clients already registered, by id or reference, with what proves a returning client is the
 * one meant: their birth date, or being in the asker's care already. A client merged into another
 * is still found, and stands for the client they were merged into.
 */
interface ClientRegistry {

  RegisteredClient register(UUID clientId, String unit, LocalDate birthDate);

  Optional<RegisteredClient> find(UUID clientId);

  Optional<RegisteredClient> findByReference(String reference);

  boolean birthDateMatches(UUID clientId, LocalDate birthDate);

  /** On the care team of one of the client's cases. */
  boolean inCareOf(UUID clientId, String username);

  /** The client this one was merged into; empty for a client not merged. */
  Optional<UUID> mergedInto(UUID clientId);

  /**
   * The client who stands for this one now: itself, or the client it was merged into (and so on,
   * when that one was merged later).
   */
  RegisteredClient surviving(RegisteredClient client);

  record RegisteredClient(UUID clientId, String reference, String unit) {}
}
