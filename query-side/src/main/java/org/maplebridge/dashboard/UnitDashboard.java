package org.maplebridge.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.client.PopulationGroup;
import org.maplebridge.oncall.OnCallGaps;
import org.maplebridge.oncall.OnCallPeriods;
import org.maplebridge.oncall.OnCallRosterView;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.SqlParams;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unit's figures for its supervisor, computed from the times the events recorded (projected
 * into the dashboard's own tables by {@link DashboardProjection}): open cases, crises by risk,
 * escalations acknowledged in time, referrals by state, how many loops close (and how many of them
 * on an outcome the provider gave electronically), how long acceptance takes, what is overdue now,
 * and the asks for sharing without consent that wait for the supervisor. Filterable by period and
 * population group (which applies to what comes from intakes). Gaps in the unit's on-call roster in
 * the coming week are shown with it.
 */
final class UnitDashboard {
  private UnitDashboard() {}

  record FindDashboard(Actor viewer, Instant from, Instant to, PopulationGroup populationGroup) {}

  record Dashboard(
      String unit,
      Instant from,
      Instant to,
      String populationGroup,
      long openCases,
      Map<String, Long> crisesByRisk,
      Escalations escalations,
      Map<String, Long> referralsByState,
      Double loopClosureRate,
      Loops loops,
      Double medianHoursToAcceptance,
      Overdue overdue,
      List<UUID> consentWaiverRequests,
      List<OnCallGaps.Gap> rosterGaps) {}

  record Escalations(
      long raised, long acknowledgedInTime, long missed, Double acknowledgedInTimeRate) {}

  /**
   * Loops closed in the period, and how many of them on an outcome the provider gave in the
   * platform itself (its portal or its FHIR system) rather than by phone to the referrer's staff.
   */
  record Loops(long closed, long closedElectronically) {}

  record Overdue(List<UUID> referrals, long followUps, long unacknowledgedEscalations) {}

  @Component
  static class Handler {
    private final JdbcClient jdbc;
    private final OnCallPeriods onCall;

    Handler(JdbcClient jdbc, OnCallPeriods onCall) {
      this.jdbc = jdbc;
      this.onCall = onCall;
    }

    @QueryHandler
    public Dashboard handle(FindDashboard query) {
      String unit = query.viewer().unit();
      String group = query.populationGroup() == null ? null : query.populationGroup().name();
      Map<String, Object> period =
          SqlParams.of(
              "unit",
              unit,
              "group",
              group,
              "from",
              SqlParams.utc(query.from()),
              "to",
              SqlParams.utc(query.to()));

      long openCases =
          count(
              """
              SELECT count(*) FROM dashboard_case WHERE unit = :unit AND NOT closed
                AND (CAST(:group AS text) IS NULL OR :group = ANY(population_groups))
              """,
              period);
      Map<String, Long> crisesByRisk = new LinkedHashMap<>();
      statement(
              "SELECT coalesce(risk, 'UNASSESSED') AS risk, count(*) AS n FROM dashboard_crisis"
                  + " WHERE unit = :unit AND NOT closed GROUP BY 1 ORDER BY 1",
              period)
          .query((row, n) -> crisesByRisk.put(row.getString("risk"), row.getLong("n")))
          .list();

      Escalations escalations =
          statement(
                  """
                  SELECT count(*) AS raised,
                    count(*) FILTER (WHERE e.acknowledged_at <= e.deadline) AS in_time,
                    count(*) FILTER (WHERE e.missed) AS missed
                  FROM dashboard_escalation e
                  WHERE e.unit = :unit AND e.raised_at >= :from AND e.raised_at < :to
                  """,
                  period)
              .query(
                  (row, n) -> {
                    long raised = row.getLong("raised");
                    long inTime = row.getLong("in_time");
                    return new Escalations(
                        raised,
                        inTime,
                        row.getLong("missed"),
                        raised == 0 ? null : (double) inTime / raised);
                  })
              .single();

      String referralsInScope =
          """
          FROM dashboard_referral r LEFT JOIN dashboard_case i ON i.intake_id = r.intake_id
          WHERE r.unit = :unit AND r.requested_at >= :from AND r.requested_at < :to
            AND (CAST(:group AS text) IS NULL OR :group = ANY(i.population_groups))
          """;
      Map<String, Long> referralsByState = new LinkedHashMap<>();
      statement(
              "SELECT r.status, count(*) AS n " + referralsInScope + " GROUP BY 1 ORDER BY 1",
              period)
          .query((row, n) -> referralsByState.put(row.getString("status"), row.getLong("n")))
          .list();
      Double loopClosureRate =
          statement(
                  "SELECT count(*) FILTER (WHERE r.status = 'LOOP_CLOSED')::float"
                      + " / NULLIF(count(*) FILTER (WHERE r.sent"
                      + " AND r.status NOT IN ('CANCELLED', 'ENTERED_IN_ERROR')), 0) AS rate "
                      + referralsInScope,
                  period)
              .query((row, n) -> (Double) row.getObject("rate"))
              .list()
              .get(0);
      Loops loops =
          statement(
                  "SELECT count(*) FILTER (WHERE r.status = 'LOOP_CLOSED') AS closed,"
                      + " count(*) FILTER (WHERE r.status = 'LOOP_CLOSED'"
                      + " AND r.outcome_channel IN ('PORTAL', 'FHIR')) AS electronic "
                      + referralsInScope,
                  period)
              .query((row, n) -> new Loops(row.getLong("closed"), row.getLong("electronic")))
              .single();
      Double medianHours =
          statement(
                  "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY"
                      + " extract(epoch FROM r.accepted_at - r.sent_at)) / 3600 AS hours "
                      + referralsInScope
                      + " AND r.accepted_at IS NOT NULL",
                  period)
              .query((row, n) -> (Double) row.getObject("hours"))
              .list()
              .get(0);

      List<UUID> overdueReferrals =
          statement(
                  "SELECT referral_id FROM dashboard_referral WHERE unit = :unit AND overdue"
                      + " ORDER BY next_deadline NULLS LAST",
                  period)
              .query((row, n) -> row.getObject("referral_id", UUID.class))
              .list();
      long overdueFollowUps =
          count(
              """
              SELECT count(*) FROM dashboard_follow_up f
                JOIN dashboard_crisis v ON v.crisis_id = f.crisis_id
              WHERE v.unit = :unit AND NOT v.closed AND f.overdue
              """,
              period);
      long unacknowledged =
          count(
              """
              SELECT count(*) FROM dashboard_crisis WHERE unit = :unit AND NOT closed
                AND escalation_deadline < now()
              """,
              period);
      // Waiting for the supervisor's own answer, whatever the period.
      List<UUID> waiverRequests =
          statement(
                  "SELECT referral_id FROM dashboard_referral WHERE unit = :unit"
                      + " AND consent_waiver = 'REQUESTED' AND NOT sent"
                      + " ORDER BY consent_waiver_at, referral_id",
                  period)
              .query((row, n) -> row.getObject("referral_id", UUID.class))
              .list();
      return new Dashboard(
          unit,
          query.from(),
          query.to(),
          group,
          openCases,
          crisesByRisk,
          escalations,
          referralsByState,
          loopClosureRate,
          loops,
          medianHours,
          new Overdue(overdueReferrals, overdueFollowUps, unacknowledged),
          waiverRequests,
          // Whatever the period asked for, a gap in the roster is shown before it happens.
          onCall.gapsAhead(unit, Instant.now(), OnCallRosterView.GAPS_AHEAD));
    }

    private JdbcClient.StatementSpec statement(String sql, Map<String, Object> values) {
      JdbcClient.StatementSpec statement = jdbc.sql(sql);
      for (Map.Entry<String, Object> value : values.entrySet()) {
        if (sql.contains(":" + value.getKey())) {
          statement = statement.param(value.getKey(), value.getValue());
        }
      }
      return statement;
    }

    private long count(String sql, Map<String, Object> values) {
      return statement(sql, values).query(Long.class).single();
    }
  }

  @RestController
  @Tag(name = "Dashboard", description = "Unit figures for supervisors")
  static class Api {
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private final QueryGateway queries;

    Api(QueryGateway queries) {
      this.queries = queries;
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "Supervisor: the unit's figures for a period (default the last 30 days)")
    Dashboard dashboard(
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            OffsetDateTime from,
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            OffsetDateTime to,
        @RequestParam(required = false) PopulationGroup populationGroup,
        Actor viewer) {
      if (!viewer.is(Role.SUPERVISOR)) {
        throw new Forbidden("The dashboard is for the unit's supervisor");
      }
      Instant end = to == null ? Instant.now() : to.toInstant();
      Instant start = from == null ? end.minus(DEFAULT_PERIOD) : from.toInstant();
      return queries
          .query(new FindDashboard(viewer, start, end, populationGroup), Dashboard.class)
          .join();
    }
  }
}
