package org.maplebridge.intake;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.maplebridge.write.SourceFacts;
import org.springframework.stereotype.Component;

/** Reads an intake's facts, for a referral or a link, from its current, consistent state. */
@Component
public class IntakeFacts {
  private final Repository<Intake> intakes;
  private final ClientRegistry clients;

  IntakeFacts(Repository<Intake> intakes, ClientRegistry clients) {
    this.intakes = intakes;
    this.clients = clients;
  }

  /** The unit a client is registered with; empty for an unknown client. */
  public Optional<String> unitOfClient(UUID clientId) {
    return clients.find(clientId).map(ClientRegistry.RegisteredClient::unit);
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
