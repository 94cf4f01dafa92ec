package org.maplebridge.crisis;

import java.time.Instant;
import java.util.Optional;
import org.maplebridge.events.crisis.EscalationTier;

/** Who holds a tier of a unit's on-call roster at a moment: the person paged for it. */
public interface OnCallRosters {

  /** Empty when the roster has a gap for the tier then. */
  Optional<String> holder(String unit, EscalationTier tier, Instant at);
}
