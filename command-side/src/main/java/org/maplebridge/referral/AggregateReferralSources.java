package org.maplebridge.referral;

import java.util.Optional;
import java.util.UUID;
import org.maplebridge.crisis.CrisisFacts;
import org.maplebridge.directory.ProviderFacts;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.intake.IntakeFacts;
import org.maplebridge.write.SourceFacts;
import org.springframework.stereotype.Component;

/** Asks the intake, crisis episode and provider aggregates themselves: always current. */
@Component
class AggregateReferralSources implements ReferralSources {
  private final IntakeFacts intakes;
  private final CrisisFacts crises;
  private final ProviderFacts providers;

  AggregateReferralSources(IntakeFacts intakes, CrisisFacts crises, ProviderFacts providers) {
    this.intakes = intakes;
    this.crises = crises;
    this.providers = providers;
  }

  @Override
  public Optional<SourceFacts> intake(UUID intakeId) {
    return intakes.of(intakeId);
  }

  @Override
  public Optional<SourceFacts> crisis(UUID crisisId) {
    return crises.of(crisisId);
  }

  @Override
  public boolean providerOffers(UUID providerId, ServiceType serviceType) {
    return providers.offers(providerId, serviceType);
  }
}
