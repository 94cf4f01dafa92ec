package org.maplebridge.referral;

import java.util.Optional;
import java.util.UUID;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.write.SourceFacts;

/** What a referral checks against the rest of the write side while a command is handled. */
interface ReferralSources {

  Optional<SourceFacts> intake(UUID intakeId);

  Optional<SourceFacts> crisis(UUID crisisId);

  boolean providerOffers(UUID providerId, ServiceType serviceType);
}
