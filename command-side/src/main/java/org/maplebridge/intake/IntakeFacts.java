package org.maplebridge.intake;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.maplebridge.write.SourceFacts;
import org.springframework.stereotype.Component;

/** Reads an intake's facts for a referral from its current, consistent state. */
@Component
public class IntakeFacts {
  private final Repository<Intake> intakes;

  IntakeFacts(Repository<Intake> intakes) {
    this.intakes = intakes;
  }

  /** Must run while a command is handled. Empty when there is no such intake. */
  public Optional<SourceFacts> of(UUID intakeId) {
    try {
      return Optional.of(intakes.load(intakeId.toString()).invoke(Intake::referralFacts));
    } catch (AggregateNotFoundException | IncompatibleAggregateException notOneOfThese) {
      // No such record, or the id names a record of another kind.
      return Optional.empty();
    }
  }
}
