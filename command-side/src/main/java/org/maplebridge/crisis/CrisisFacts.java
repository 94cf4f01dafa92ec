package org.maplebridge.crisis;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.maplebridge.write.SourceFacts;
import org.springframework.stereotype.Component;

/** Reads a crisis episode's facts for a referral from its current, consistent state. */
@Component
public class CrisisFacts {
  private final Repository<CrisisEpisode> episodes;

  CrisisFacts(Repository<CrisisEpisode> episodes) {
    this.episodes = episodes;
  }

  /** Must run while a command is handled. Empty when there is no such episode. */
  public Optional<SourceFacts> of(UUID crisisId) {
    try {
      return Optional.of(episodes.load(crisisId.toString()).invoke(CrisisEpisode::referralFacts));
    } catch (AggregateNotFoundException | IncompatibleAggregateException notOneOfThese) {
      // No such record, or the id names a record of another kind.
      return Optional.empty();
    }
  }
}
