package org.maplebridge.crisis;

import java.util.Optional;
import java.util.UUID;
import org.maplebridge.intake.IntakeFacts;
import org.maplebridge.write.SourceFacts;
import org.springframework.stereotype.Component;

/** Asks the intake aggregate and the client registry themselves: always current. */
@Component
class IntakeLinkedRecords implements LinkedRecords {
  private final IntakeFacts intakes;

  IntakeLinkedRecords(IntakeFacts intakes) {
    this.intakes = intakes;
  }

  @Override
  public Optional<SourceFacts> intake(UUID intakeId) {
    return intakes.of(intakeId);
  }

  @Override
  public Optional<String> unitOfClient(UUID clientId) {
    return intakes.unitOfClient(clientId);
  }

  @Override
  public Optional<UUID> clientOfUnit(String reference, String unit) {
    return intakes.clientOfUnit(reference, unit);
  }
}
