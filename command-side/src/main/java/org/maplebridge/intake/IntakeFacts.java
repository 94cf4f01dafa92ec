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

  /**
   * The client of {@code unit} with this reference (a merged client's: the client who stayed); a
   * client of another unit is not found.
   */
  public Optional<UUID> clientOfUnit(String reference, String unit) {
    return clients
        .findByReference(reference)
        .filter(client -> unit.equals(client.unit()))
        .map(clients::surviving)
        .map(ClientRegistry.RegisteredClient::clientId);
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
