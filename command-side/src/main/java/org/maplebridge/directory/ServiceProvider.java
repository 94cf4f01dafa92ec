package org.maplebridge.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.directory.ProviderDetails;
import org.maplebridge.events.directory.ProviderRegistered;
import org.maplebridge.events.directory.ProviderUpdated;
import org.maplebridge.write.ExpectedVersionFromMetadata;
import org.maplebridge.write.NotAllowed;

/** An entry of the service directory. Administrators keep the directory. */
@Aggregate(commandTargetResolver = ExpectedVersionFromMetadata.BEAN)
class ServiceProvider {

  record RegisterProvider(UUID providerId, ProviderDetails details) {}

  record UpdateProvider(@TargetAggregateIdentifier UUID providerId, ProviderDetails details) {}

  @AggregateIdentifier private UUID providerId;
  private ProviderDetails details;

  ServiceProvider() {
    // for Axon
  }

  @CommandHandler
  ServiceProvider(RegisterProvider command, Actor actor) {
    requireAdministrator(actor);
    apply(new ProviderRegistered(command.providerId(), command.details(), actor.username()));
  }

  @CommandHandler
  void handle(UpdateProvider command, Actor actor) {
    requireAdministrator(actor);
    if (command.details().equals(details)) {
      return;
    }
    apply(new ProviderUpdated(providerId, command.details(), actor.username()));
  }

  boolean offers(org.maplebridge.events.directory.ServiceType serviceType) {
    return details.serviceTypes().contains(serviceType);
  }

  private static void requireAdministrator(Actor actor) {
    if (!actor.is(Role.ADMIN) && !actor.is(Role.SYSTEM)) {
      throw new NotAllowed("Only administrators keep the service directory");
    }
  }

  @EventSourcingHandler
  void on(ProviderRegistered event) {
    providerId = event.providerId();
    details = event.details();
  }

  @EventSourcingHandler
  void on(ProviderUpdated event) {
    details = event.details();
  }
}
