package org.maplebridge.oncall;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.maplebridge.events.crisis.EscalationTier;
import org.springframework.stereotype.Component;

/** Who holds a tier of a unit's roster, from the roster's current, consistent state. */
@Component
public class OnCallFacts {
  private final Repository<OnCallRoster> rosters;

  OnCallFacts(Repository<OnCallRoster> rosters) {
    this.rosters = rosters;
  }

  /** Must run while a command is handled. Empty when nobody holds the tier then. */
  public Optional<String> holder(String unit, EscalationTier tier, Instant at) {
    try {
      return rosters.load(OnCallRoster.idOf(unit)).invoke(roster -> roster.holder(tier, at));
    } catch (AggregateNotFoundException | IncompatibleAggregateException noRosterYet) {
      return Optional.empty();
    }
  }
}
