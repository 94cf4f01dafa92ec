package org.maplebridge.crisis;

import java.time.Instant;
import java.util.Optional;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.oncall.OnCallFacts;
import org.springframework.stereotype.Component;

/** Asks the unit's roster itself: always current, handovers included. */
@Component
class UnitOnCallRosters implements OnCallRosters {
  private final OnCallFacts rosters;

  UnitOnCallRosters(OnCallFacts rosters) {
    this.rosters = rosters;
  }

  @Override
  public Optional<String> holder(String unit, EscalationTier tier, Instant at) {
    return rosters.holder(unit, tier, at);
  }
}
