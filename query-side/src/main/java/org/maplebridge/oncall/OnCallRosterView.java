package org.maplebridge.oncall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.oncall.OnCallGaps.Gap;
import org.maplebridge.oncall.OnCallGaps.Held;
import org.maplebridge.read.Forbidden;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A unit's on-call roster for its crisis staff: who holds each tier when, who set it last, and the
 * gaps of the coming week, shown before they happen.
 */
public final class OnCallRosterView {
  /** How far ahead gaps are looked for. */
  public static final Duration GAPS_AHEAD = Duration.ofDays(7);

  private OnCallRosterView() {}

  public record FindOnCallRoster(String unit) {}

  public record Roster(
      String unit, String setBy, Instant setAt, List<Held> periods, Instant at, List<Gap> gaps) {}

  /** The unit's crisis staff see the roster: they page and are paged by it. */
  static boolean seesTheRoster(Actor viewer, String unit) {
    return viewer.worksIn(unit) && (viewer.is(Role.SUPERVISOR) || viewer.is(Role.CRISIS_WORKER));
  }

  @Component
  static class Handler {
    private final JdbcClient jdbc;
    private final OnCallPeriods periods;
    private final Clock clock = Clock.systemUTC();

    Handler(JdbcClient jdbc, OnCallPeriods periods) {
      this.jdbc = jdbc;
      this.periods = periods;
    }

    @QueryHandler
    public Roster handle(FindOnCallRoster query) {
      Instant now = clock.instant();
      List<Held> held = periods.of(query.unit());
      record SetBy(String by, Instant at) {}
      SetBy set =
          jdbc.sql("SELECT set_by, set_at FROM on_call_roster WHERE unit = :unit")
              .param("unit", query.unit())
              .query(
                  (row, n) ->
                      new SetBy(row.getString("set_by"), row.getTimestamp("set_at").toInstant()))
              .optional()
              .orElse(new SetBy(null, null));
      return new Roster(
          query.unit(),
          set.by(),
          set.at(),
          held,
          now,
          OnCallGaps.within(held, now, now.plus(GAPS_AHEAD)));
    }
  }

  @RestController
  @Tag(name = "On call", description = "Who holds each tier of the escalation ladder when")
  static class Api {
    private final QueryGateway queries;

    Api(QueryGateway queries) {
      this.queries = queries;
    }

    @GetMapping("/api/units/{unit}/on-call")
    @Operation(summary = "The unit's on-call roster and its gaps in the coming week")
    Roster roster(@PathVariable String unit, Actor viewer) {
      if (!seesTheRoster(viewer, unit)) {
        throw new Forbidden("The on-call roster is for the unit's crisis staff");
      }
      return queries.query(new FindOnCallRoster(unit), Roster.class).join();
    }
  }
}
