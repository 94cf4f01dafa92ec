package org.maplebridge.directory;

import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.maplebridge.events.directory.ServiceType;
import org.springframework.stereotype.Component;

/** Whether a provider of the directory offers a service, from its current state. */
@Component
public class ProviderFacts {
  private final Repository<ServiceProvider> providers;

  ProviderFacts(Repository<ServiceProvider> providers) {
    this.providers = providers;
  }

  /** Must run while a command is handled. */
  public boolean offers(UUID providerId, ServiceType serviceType) {
    try {
      return providers.load(providerId.toString()).invoke(provider -> provider.offers(serviceType));
    } catch (AggregateNotFoundException | IncompatibleAggregateException notOneOfThese) {
      // No such record, or the id names a record of another kind.
      return false;
    }
  }
}
