package org.maplebridge.oncall;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.maplebridge.events.crisis.EscalationTier;
import org.springframework.stereotype.Component;

/** Who holds a tier of a unit's roster, from the roster's current, consistent state. */
@Component
public class OnCallFacts {
  private final Repository<OnCallRoster> rosters;
  private final EventStore events;

  /** Rosters seen to exist: a roster, once set, is never gone. */
  private final Set<String> existing = ConcurrentHashMap.newKeySet();

  OnCallFacts(Repository<OnCallRoster> rosters, EventStore events) {
    this.rosters = rosters;
    this.events = events;
  }

  /**
   * Must run while a command is handled. Empty when nobody holds the tier then, or the unit has no
   * roster yet (asked of the event store's index, not by loading and failing: that cost a logged
   * stack trace on every escalation of such a unit, found by the benchmark).
   */
  public Optional<String> holder(String unit, EscalationTier tier, Instant at) {
    String id = OnCallRoster.idOf(unit);
    if (!existing.contains(id)) {
      if (events.lastSequenceNumberFor(id).isEmpty()) {
        return Optional.empty();
      }
      existing.add(id);
    }
    return rosters.load(id).invoke(roster -> roster.holder(tier, at));
  }
}
