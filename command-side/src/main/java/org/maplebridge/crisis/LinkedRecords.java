package org.maplebridge.crisis;

import java.util.Optional;
import java.util.UUID;
import org.maplebridge.write.SourceFacts;

/** What an episode may name: the intake and client it is about, with the units they belong to. */
interface LinkedRecords {

  Optional<SourceFacts> intake(UUID intakeId);

  Optional<String> unitOfClient(UUID clientId);

  /** The client of {@code unit} with this reference; empty for a client of another unit. */
  Optional<UUID> clientOfUnit(String reference, String unit);
}
