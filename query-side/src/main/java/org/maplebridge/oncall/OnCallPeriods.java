package org.maplebridge.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.oncall.OnCallGaps.Gap;
import org.maplebridge.oncall.OnCallGaps.Held;
import org.maplebridge.read.SqlParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A unit's roster periods and the gaps ahead, from this read model's own tables: what the crisis
 * board and the dashboard show of the roster, without reading its tables themselves.
 */
@Component
public class OnCallPeriods {
  private final JdbcClient jdbc;

  OnCallPeriods(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Held> of(String unit) {
    return jdbc.sql(
            "SELECT tier, username, from_at, to_at FROM on_call_period WHERE unit = :unit"
                + " ORDER BY tier, from_at")
        .param("unit", unit)
        .query(
            (row, n) ->
                new Held(
                    EscalationTier.valueOf(row.getString("tier")),
                    row.getString("username"),
                    row.getTimestamp("from_at").toInstant(),
                    row.getTimestamp("to_at").toInstant()))
        .list();
  }

  /** Who holds the tier of the unit's roster at that moment; empty in a gap. */
  public Optional<String> holder(String unit, EscalationTier tier, Instant at) {
    return jdbc.sql(
            "SELECT username FROM on_call_period WHERE unit = :unit AND tier = :tier"
                + " AND from_at <= :at AND to_at > :at ORDER BY from_at LIMIT 1")
        .param("unit", unit)
        .param("tier", tier.name())
        .param("at", SqlParams.utc(at))
        .query(String.class)
        .optional();
  }

  /** Where nobody will hold a tier of the unit's roster from now until {@code ahead} from now. */
  public List<Gap> gapsAhead(String unit, Instant now, Duration ahead) {
    return OnCallGaps.within(of(unit), now, now.plus(ahead));
  }
}
