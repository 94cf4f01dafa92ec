package org.maplebridge.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.maplebridge.write.Authority.ADMIN;
import static org.maplebridge.write.Authority.SYSTEM;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.maplebridge.events.Actor;
import org.maplebridge.events.directory.ProviderDetails;
import org.maplebridge.events.directory.ProviderRegistered;
import org.maplebridge.events.directory.ProviderUpdated;
import org.maplebridge.write.AggregateCaching;
import org.maplebridge.write.ExpectedVersionFromMetadata;
import org.springframework.security.access.annotation.Secured;

/** An entry of the service directory. Administrators keep the directory. */
@Aggregate(
    commandTargetResolver = ExpectedVersionFromMetadata.BEAN,
    cache = AggregateCaching.PROVIDERS)
class ServiceProvider {

  @Secured({ADMIN, SYSTEM})
  record RegisterProvider(UUID providerId, ProviderDetails details) {}

  /**
   * A new entry for the provider. {@code fromTheForm}: the directory's form (and its API) knows
   * nothing of the taxonomy terms an HSDS import kept, so an edit there keeps them; an import
   * replaces them.
   */
  @Secured(ADMIN)
  record UpdateProvider(
      @TargetAggregateIdentifier UUID providerId, ProviderDetails details, boolean fromTheForm) {}

  @AggregateIdentifier private UUID providerId;
  private ProviderDetails details;

  ServiceProvider() {
    // for Axon
  }

  @CommandHandler
  ServiceProvider(RegisterProvider command, Actor actor) {
    apply(new ProviderRegistered(command.providerId(), command.details(), actor.username()));
  }

  @CommandHandler
  void handle(UpdateProvider command, Actor actor) {
    ProviderDetails next =
        command.fromTheForm() && command.details().otherTaxonomyTerms().isEmpty()
            ? command.details().withOtherTaxonomyTerms(details.otherTaxonomyTerms())
            : command.details();
    if (next.equals(details)) {
      return;
    }
    apply(new ProviderUpdated(providerId, next, actor.username()));
  }

  boolean offers(org.maplebridge.events.directory.ServiceType serviceType) {
    return details.serviceTypes().contains(serviceType);
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
