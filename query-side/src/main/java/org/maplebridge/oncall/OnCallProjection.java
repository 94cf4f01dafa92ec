package org.maplebridge.oncall;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.maplebridge.events.oncall.OnCallPeriod;
import org.maplebridge.events.oncall.OnCallRosterSet;
import org.maplebridge.read.SqlParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each unit's roster as last set: the set replaces the periods, so a redelivery changes nothing.
 */
@Component
@ProcessingGroup(OnCallProjection.GROUP)
class OnCallProjection {
  static final String GROUP = "on-call";
  private final JdbcClient jdbc;

  OnCallProjection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(OnCallRosterSet event, @Timestamp Instant at) {
    jdbc.sql(
            """
            INSERT INTO on_call_roster (unit, set_by, set_at) VALUES (:unit, :by, :at)
            ON CONFLICT (unit) DO UPDATE SET set_by = :by, set_at = :at
            """)
        .param("unit", event.unit())
        .param("by", event.setBy())
        .param("at", SqlParams.utc(at))
        .update();
    jdbc.sql("DELETE FROM on_call_period WHERE unit = :unit").param("unit", event.unit()).update();
    for (OnCallPeriod period : event.periods()) {
      jdbc.sql(
              """
              INSERT INTO on_call_period (unit, tier, username, from_at, to_at)
              VALUES (:unit, :tier, :username, :from, :to)
              """)
          .param("unit", event.unit())
          .param("tier", period.tier().name())
          .param("username", period.username())
          .param("from", SqlParams.utc(period.from()))
          .param("to", SqlParams.utc(period.to()))
          .update();
    }
  }

  @ResetHandler
  void reset() {
    jdbc.sql("TRUNCATE on_call_period, on_call_roster").update();
  }
}
