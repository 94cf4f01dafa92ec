package org.maplebridge.crisisboard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.maplebridge.crisisboard.CrisisQueries.FindCrisis;
import org.maplebridge.crisisboard.CrisisQueries.FindCrisisBoard;
import org.maplebridge.crisisboard.CrisisQueries.FindRiskAlert;
import org.maplebridge.crisisboard.CrisisQueries.FindRiskAlertByReference;
import org.maplebridge.crisisboard.CrisisQueries.FindSafetyPlanVersions;
import org.maplebridge.crisisboard.CrisisQueries.FindWaitingForMe;
import org.maplebridge.crisisboard.CrisisViews.BoardItem;
import org.maplebridge.crisisboard.CrisisViews.Closure;
import org.maplebridge.crisisboard.CrisisViews.Contact;
import org.maplebridge.crisisboard.CrisisViews.CrisisBoard;
import org.maplebridge.crisisboard.CrisisViews.CrisisDetails;
import org.maplebridge.crisisboard.CrisisViews.EmergencyAccess;
import org.maplebridge.crisisboard.CrisisViews.Escalation;
import org.maplebridge.crisisboard.CrisisViews.FollowUp;
import org.maplebridge.crisisboard.CrisisViews.Rescue;
import org.maplebridge.crisisboard.CrisisViews.RiskAlert;
import org.maplebridge.crisisboard.CrisisViews.SafetyPlanVersion;
import org.maplebridge.crisisboard.CrisisViews.SafetyPlanVersions;
import org.maplebridge.crisisboard.CrisisViews.WaitingForMe;
import org.maplebridge.crisisboard.CrisisViews.Whereabouts;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.crisis.CrisisState;
import org.maplebridge.events.crisis.CrisisStep;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.events.oncall.Answering;
import org.maplebridge.oncall.OnCallPeriods;
import org.maplebridge.read.AccessLog;
import org.maplebridge.scope.RecordFacts;
import org.maplebridge.scope.Scope;
import org.maplebridge.scope.ScopePolicy;
import org.maplebridge.scopes.CrisisScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the crisis board, episode and risk-alert queries within the viewer's scope. */
@Component
class CrisisQueryHandler {
  private static final List<String> RISKS = List.of("LOW", "MODERATE", "HIGH", "IMMINENT");

  /** How far ahead the board warns of a gap in the on-call roster: the next day's shifts. */
  private static final Duration ROSTER_GAPS_AHEAD = Duration.ofHours(24);

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final AccessLog accessLog;
  private final CrisisScopes scopes;
  private final OnCallPeriods onCall;
  private final Clock clock = Clock.systemUTC();

  CrisisQueryHandler(
      JdbcClient jdbc,
      ObjectMapper json,
      AccessLog accessLog,
      CrisisScopes scopes,
      OnCallPeriods onCall) {
    this.jdbc = jdbc;
    this.json = json;
    this.accessLog = accessLog;
    this.scopes = scopes;
    this.onCall = onCall;
  }

  @QueryHandler
  public CrisisBoard handle(FindCrisisBoard query) {
    Actor viewer = query.viewer();
    Instant now = clock.instant();
    if (!ScopePolicy.watchesTheCrisisBoard(viewer)) {
      return new CrisisBoard(viewer.unit(), now, List.of(), List.of(), List.of());
    }
    // The unit's crisis staff see who and what on each row; the supervisor sees it masked.
    Scope scope =
        ScopePolicy.decide(viewer, RecordFacts.crisis(viewer.unit())).orElse(Scope.SUPERVISOR);
    List<Whereabouts> whereabouts = new ArrayList<>();
    List<Row> rows =
        jdbc.sql(
                """
                SELECT v.*,
                  (SELECT min(f.due_at) FROM crisis_follow_up f
                    WHERE f.crisis_id = v.crisis_id AND f.status IN ('PENDING', 'OVERDUE'))
                    AS follow_up_due,
                  EXISTS (SELECT 1 FROM crisis_follow_up f
                    WHERE f.crisis_id = v.crisis_id AND f.status = 'OVERDUE') AS follow_up_overdue,
                  (SELECT r.reference FROM crisis_client_reference r
                    WHERE r.client_id = v.client_id ORDER BY r.reference LIMIT 1)
                    AS client_reference,
                  c.channel AS last_contact_channel, c.started_at AS last_contact_at
                FROM crisis_view v
                LEFT JOIN LATERAL (SELECT k.channel, k.started_at FROM crisis_contact k
                    WHERE k.crisis_id = v.crisis_id ORDER BY k.started_at DESC LIMIT 1) c ON TRUE
                WHERE v.unit = :unit AND NOT v.closed
                """)
            .param("unit", viewer.unit())
            .query(
                (row, n) -> {
                  whereabouts(row, scope).ifPresent(whereabouts::add);
                  return new Row(
                      row.getObject("client_id", UUID.class), boardItem(row, now, scope));
                })
            .list();
    List<Row> ordered = new ArrayList<>(rows);
    ordered.sort(Comparator.comparing(Row::item, BOARD_ORDER));
    // One client raised twice (a call and an intake's alert, say) is one row: the most urgent.
    Map<UUID, UUID> firstOfClient = new HashMap<>();
    Map<UUID, Integer> episodesOfClient = new HashMap<>();
    for (Row row : ordered) {
      if (row.clientId() != null) {
        firstOfClient.putIfAbsent(row.clientId(), row.item().crisisId());
        episodesOfClient.merge(row.clientId(), 1, Integer::sum);
      }
    }
    List<BoardItem> items =
        ordered.stream()
            .map(
                row -> {
                  if (row.clientId() == null) {
                    return row.item();
                  }
                  UUID first = firstOfClient.get(row.clientId());
                  return row.item()
                      .ofClient(
                          episodesOfClient.get(row.clientId()),
                          first.equals(row.item().crisisId()) ? null : first);
                })
            .toList();
    return new CrisisBoard(
        viewer.unit(),
        now,
        items,
        onCall.gapsAhead(viewer.unit(), now, ROSTER_GAPS_AHEAD),
        whereabouts);
  }

  /** The episode's whereabouts, if any were recorded, in the viewer's {@code scope}. */
  private static Optional<Whereabouts> whereabouts(ResultSet row, Scope scope) throws SQLException {
    if (row.getObject("whereabouts_at") == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Whereabouts(
            row.getObject("crisis_id", UUID.class),
            row.getString("callback_number"),
            row.getString("location"),
            row.getString("area"),
            row.getString("whereabouts_by"),
            instant(row, "whereabouts_at"),
            row.getString("unit"),
            scope));
  }

  /** A board row with the client it is about, which the row itself does not show. */
  private record Row(UUID clientId, BoardItem item) {}

  /**
   * Imminent and high risk first, then contacts nobody has assessed yet (unknown is not safe), then
   * moderate and low; within each, the nearest deadline first.
   */
  static final Comparator<BoardItem> BOARD_ORDER =
      Comparator.comparingInt((BoardItem item) -> urgency(item.risk()))
          .thenComparing(BoardItem::nextDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(BoardItem::openedAt);

  private static int urgency(String risk) {
    if (risk == null) {
      return 2;
    }
    return switch (risk) {
      case "IMMINENT" -> 0;
      case "HIGH" -> 1;
      case "MODERATE" -> 3;
      default -> 4;
    };
  }

  /** At most this many characters of the summary on a board row; the episode has the rest. */
  private static final int SHORT_SUMMARY = 60;

  private static String shortSummary(String summary) {
    if (summary == null || summary.isBlank()) {
      return null;
    }
    String line = summary.strip().replaceAll("\\s+", " ");
    return line.codePointCount(0, line.length()) <= SHORT_SUMMARY
        ? line
        : line.substring(0, line.offsetByCodePoints(0, SHORT_SUMMARY)) + "…";
  }

  private BoardItem boardItem(ResultSet row, Instant now, Scope scope) throws SQLException {
    Boolean acknowledged = (Boolean) row.getObject("acknowledged");
    Instant deadline = instant(row, "escalation_deadline");
    Instant rescueBy = instant(row, "rescue_confirm_by");
    Instant followUpDue = instant(row, "follow_up_due");
    String rescue = row.getString("rescue");
    Instant escalationDue = Boolean.FALSE.equals(acknowledged) ? deadline : null;
    Instant rescueDue = "CONFIRMED".equals(rescue) ? null : rescueBy;
    Map<String, Instant> due = new LinkedHashMap<>();
    due.put("ESCALATION", escalationDue);
    due.put("RESCUE", rescueDue);
    due.put("FOLLOW_UP", followUpDue);
    Map.Entry<String, Instant> next =
        due.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .min(Map.Entry.comparingByValue())
            .orElse(null);
    return new BoardItem(
        row.getObject("crisis_id", UUID.class),
        status(row),
        row.getString("channel"),
        row.getString("caller"),
        row.getString("client_reference"),
        shortSummary(row.getString("summary")),
        row.getString("opened_by"),
        row.getString("risk"),
        row.getString("tier"),
        row.getObject("escalation_id", UUID.class),
        acknowledged,
        row.getString("acknowledged_by"),
        deadline,
        escalationDue == null ? null : Duration.between(now, escalationDue).toSeconds(),
        row.getInt("missed_deadlines"),
        rescue,
        rescueBy,
        followUpDue,
        row.getBoolean("follow_up_overdue"),
        row.getInt("failed_follow_ups"),
        row.getBoolean("lost_to_follow_up"),
        row.getBoolean("consult_requested"),
        row.getBoolean("closure_pending"),
        next == null ? null : next.getValue(),
        next == null ? null : next.getKey(),
        row.getString("last_missed_tier"),
        instant(row, "last_missed_at"),
        1,
        null,
        instant(row, "opened_at"),
        row.getString("last_contact_channel"),
        instant(row, "last_contact_at"),
        row.getString("unit"),
        scope);
  }

  private static String status(ResultSet row) throws SQLException {
    return state(row, false, 0).status().name();
  }

  /**
   * The episode's facts as the published state machine knows them, from the projected columns; the
   * escalation waiting and the follow-ups pending come from the episode's own rows.
   */
  private static CrisisState state(ResultSet row, boolean escalationWaiting, int pendingFollowUps)
      throws SQLException {
    String rescue = row.getString("rescue");
    return new CrisisState(
        level(row.getString("risk")),
        level(row.getString("highest_risk")),
        row.getString("tier") == null ? null : EscalationTier.valueOf(row.getString("tier")),
        escalationWaiting,
        rescue != null && !"CONFIRMED".equals(rescue),
        pendingFollowUps,
        row.getBoolean("lost_to_follow_up"),
        row.getBoolean("consult_requested"),
        row.getBoolean("closure_pending"),
        row.getBoolean("closed"));
  }

  private static RiskLevel level(String stored) {
    return stored == null ? null : RiskLevel.valueOf(stored);
  }

  /**
   * What the viewer may do next: the steps the episode allows now, the supervisor's own steps (the
   * consult, approving a closure) only for the supervisor, acknowledging the escalation only for
   * who is paged for it ({@code paged}), and writing clinical content only for who sees it, except
   * a supervisor who sees it for a consult: they advise and approve, the crisis staff write. The
   * episode page offers exactly these.
   */
  static List<String> allowedActions(CrisisState state, Scope scope, Actor viewer, boolean paged) {
    List<String> actions = new ArrayList<>();
    for (CrisisStep step : CrisisStep.possibleNow(state)) {
      boolean theirs =
          step == CrisisStep.ACKNOWLEDGE_ESCALATION
              ? paged
              : step.who() == CrisisStep.Who.CRISIS_STAFF || viewer.is(Role.SUPERVISOR);
      if (theirs && (!step.clinical() || writesClinical(scope))) {
        actions.add(step.name());
      }
    }
    if (!state.closed() && writesClinical(scope)) {
      actions.add(CrisisViews.REQUEST_REFERRAL);
    }
    return actions;
  }

  private static boolean writesClinical(Scope scope) {
    return scope.showsClinical() && scope != Scope.CONSULT;
  }

  /** Whether the viewer is the one to acknowledge the escalation waiting, by the roster now. */
  private boolean paged(String unit, List<Escalation> escalations, Actor viewer) {
    Instant now = clock.instant();
    return escalations.stream()
        .filter(e -> e.acknowledgedBy() == null && !e.missed())
        .anyMatch(
            e ->
                Answering.mayAcknowledge(
                    viewer.username(),
                    viewer.is(Role.SUPERVISOR),
                    EscalationTier.valueOf(e.tier()),
                    e.escalatedBy(),
                    tier -> onCall.holder(unit, tier, now)));
  }

  @QueryHandler
  public WaitingForMe handle(FindWaitingForMe query) {
    Actor viewer = query.viewer();
    if (!ScopePolicy.watchesTheCrisisBoard(viewer)) {
      return new WaitingForMe(0, List.of());
    }
    Instant now = clock.instant();
    List<UUID> crises =
        jdbc
            .sql(
                """
                SELECT e.crisis_id, e.tier, e.escalated_by FROM crisis_escalation e
                JOIN crisis_view v ON v.crisis_id = e.crisis_id
                WHERE v.unit = :unit AND NOT v.closed AND e.acknowledged_by IS NULL AND NOT e.missed
                ORDER BY e.deadline
                """)
            .param("unit", viewer.unit())
            .query(
                (row, n) ->
                    Answering.mayAcknowledge(
                            viewer.username(),
                            viewer.is(Role.SUPERVISOR),
                            EscalationTier.valueOf(row.getString("tier")),
                            row.getString("escalated_by"),
                            tier -> onCall.holder(viewer.unit(), tier, now))
                        ? row.getObject("crisis_id", UUID.class)
                        : null)
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    return new WaitingForMe(crises.size(), crises);
  }

  @QueryHandler
  public Optional<CrisisDetails> handle(FindCrisis query) {
    return jdbc.sql("SELECT * FROM crisis_view WHERE crisis_id = :id")
        .param("id", query.crisisId())
        .query(
            (row, n) -> {
              String unit = row.getString("unit");
              Optional<Scope> scope = scopes.of(query.crisisId(), query.viewer());
              if (scope.isEmpty()) {
                accessLog.refused(
                    query.viewer(),
                    query.getClass().getSimpleName(),
                    "CRISIS",
                    query.crisisId(),
                    unit);
              }
              return scope.map(s -> details(row, s, query.viewer()));
            })
        .optional()
        .flatMap(details -> details);
  }

  @QueryHandler
  public Optional<SafetyPlanVersions> handle(FindSafetyPlanVersions query) {
    return jdbc.sql("SELECT unit FROM crisis_view WHERE crisis_id = :id")
        .param("id", query.crisisId())
        .query(String.class)
        .optional()
        .flatMap(
            unit -> {
              Optional<Scope> scope = scopes.of(query.crisisId(), query.viewer());
              if (scope.isEmpty()) {
                accessLog.refused(
                    query.viewer(),
                    query.getClass().getSimpleName(),
                    "CRISIS",
                    query.crisisId(),
                    unit);
              }
              return scope.map(
                  s ->
                      new SafetyPlanVersions(
                          query.crisisId(),
                          jdbc.sql(
                                  "SELECT * FROM crisis_safety_plan_version WHERE crisis_id = :id"
                                      + " ORDER BY version")
                              .param("id", query.crisisId())
                              .query(
                                  (r, n) ->
                                      new SafetyPlanVersion(
                                          r.getInt("version"),
                                          plan(r.getString("plan")),
                                          r.getString("recorded_by"),
                                          instant(r, "recorded_at")))
                              .list(),
                          unit,
                          s));
            });
  }

  private CrisisDetails details(ResultSet row, Scope scope, Actor viewer) {
    try {
      UUID id = row.getObject("crisis_id", UUID.class);
      List<Escalation> escalations =
          jdbc.sql("SELECT * FROM crisis_escalation WHERE crisis_id = :id ORDER BY raised_at")
              .param("id", id)
              .query(
                  (r, n) ->
                      new Escalation(
                          r.getObject("escalation_id", UUID.class),
                          r.getString("tier"),
                          r.getString("risk"),
                          r.getString("reason"),
                          r.getString("raised_by"),
                          r.getString("escalated_by"),
                          instant(r, "raised_at"),
                          instant(r, "deadline"),
                          r.getString("acknowledged_by"),
                          instant(r, "acknowledged_at"),
                          r.getBoolean("missed")))
              .list();
      List<FollowUp> followUps =
          jdbc.sql("SELECT * FROM crisis_follow_up WHERE crisis_id = :id ORDER BY due_at")
              .param("id", id)
              .query(
                  (r, n) ->
                      new FollowUp(
                          r.getObject("follow_up_id", UUID.class),
                          instant(r, "due_at"),
                          r.getString("status"),
                          r.getInt("attempts"),
                          r.getString("level"),
                          r.getString("done_by"),
                          instant(r, "done_at")))
              .list();
      List<Contact> contacts =
          jdbc.sql("SELECT * FROM crisis_contact WHERE crisis_id = :id ORDER BY started_at DESC")
              .param("id", id)
              .query(
                  (r, n) ->
                      new Contact(
                          r.getObject("contact_id", UUID.class),
                          r.getString("channel"),
                          instant(r, "started_at"),
                          r.getInt("minutes"),
                          r.getString("taken_by"),
                          r.getString("note")))
              .list();
      List<EmergencyAccess> emergencyAccesses =
          jdbc.sql(
                  "SELECT * FROM crisis_emergency_access WHERE crisis_id = :id"
                      + " ORDER BY granted_at DESC")
              .param("id", id)
              .query(
                  (r, n) ->
                      new EmergencyAccess(
                          r.getString("viewer"),
                          r.getString("viewer_role"),
                          r.getString("reason"),
                          instant(r, "granted_at")))
              .list();
      String rescueStatus = row.getString("rescue");
      CrisisState state =
          state(
              row,
              escalations.stream().anyMatch(e -> e.acknowledgedBy() == null && !e.missed()),
              (int) followUps.stream().filter(f -> !"COMPLETED".equals(f.status())).count());
      return new CrisisDetails(
          id,
          row.getString("unit"),
          status(row),
          row.getString("channel"),
          row.getString("caller"),
          row.getObject("client_id", UUID.class),
          row.getObject("intake_id", UUID.class),
          row.getString("summary"),
          row.getString("opened_by"),
          instant(row, "opened_at"),
          whereabouts(row, scope).orElse(null),
          row.getString("risk"),
          row.getString("highest_risk"),
          row.getBoolean("consult_requested"),
          row.getString("consulted_by"),
          row.getString("consult_advice"),
          escalations,
          rescueStatus == null
              ? null
              : new Rescue(
                  rescueStatus,
                  row.getString("rescue_agency"),
                  row.getString("rescue_reference"),
                  row.getString("rescue_reason"),
                  instant(row, "rescue_confirm_by"),
                  row.getString("rescue_outcome"),
                  row.getString("rescue_called_by"),
                  instant(row, "rescue_called_at")),
          row.getInt("safety_plan_version") == 0 ? null : row.getInt("safety_plan_version"),
          plan(row.getString("safety_plan")),
          followUps,
          contacts,
          emergencyAccesses,
          row.getInt("failed_follow_ups"),
          row.getBoolean("lost_to_follow_up"),
          row.getBoolean("deescalated"),
          row.getBoolean("closure_pending"),
          row.getString("closed_by") == null
              ? null
              : new Closure(
                  row.getString("closure_reason"),
                  row.getString("closure_summary"),
                  row.getString("closed_by"),
                  row.getString("approved_by"),
                  instant(row, "closed_at")),
          allowedActions(state, scope, viewer, paged(row.getString("unit"), escalations, viewer)),
          scope,
          row.getLong("version"));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A client's highest current risk over the unit's open episodes, and the latest safety plan: what
   * a crisis worker needs when the person calls again.
   */
  @QueryHandler
  public Optional<RiskAlert> handle(FindRiskAlertByReference query) {
    return jdbc.sql("SELECT client_id FROM crisis_client_reference WHERE reference = :reference")
        .param("reference", query.reference())
        .query(UUID.class)
        .optional()
        .flatMap(client -> handle(new FindRiskAlert(client, query.viewer())));
  }

  @QueryHandler
  public Optional<RiskAlert> handle(FindRiskAlert query) {
    Actor viewer = query.viewer();
    if (!ScopePolicy.watchesTheCrisisBoard(viewer)) {
      return Optional.empty();
    }
    // Any client of the unit: the unit's crisis staff see the plan, the supervisor the risk only.
    Scope scope = ScopePolicy.decide(viewer, RecordFacts.crisis(viewer.unit())).orElseThrow();
    List<RiskAlert> episodes =
        jdbc.sql(
                """
                SELECT crisis_id, risk, safety_plan, safety_plan_version, updated_at
                FROM crisis_view WHERE client_id = :client AND unit = :unit AND NOT closed
                """)
            .param("client", query.clientId())
            .param("unit", viewer.unit())
            .query(
                (row, n) ->
                    new RiskAlert(
                        query.clientId(),
                        row.getString("risk"),
                        row.getObject("crisis_id", UUID.class),
                        row.getInt("safety_plan_version") == 0
                            ? null
                            : row.getInt("safety_plan_version"),
                        plan(row.getString("safety_plan")),
                        instant(row, "updated_at"),
                        viewer.unit(),
                        scope))
            .list();
    if (episodes.isEmpty()) {
      // Episodes of another unit only: the alert is out of this viewer's reach.
      scopes
          .unitOfClient(query.clientId())
          .filter(unit -> !viewer.worksIn(unit))
          .ifPresent(
              unit ->
                  accessLog.refused(
                      viewer, query.getClass().getSimpleName(), "CLIENT", query.clientId(), unit));
      return Optional.empty();
    }
    RiskAlert highest =
        episodes.stream().max(Comparator.comparingInt(alert -> riskRank(alert.risk()))).get();
    RiskAlert latestPlan =
        episodes.stream()
            .filter(alert -> alert.safetyPlanVersion() != null)
            .max(Comparator.comparing(RiskAlert::updatedAt))
            .orElse(highest);
    return Optional.of(
        new RiskAlert(
            query.clientId(),
            highest.risk(),
            highest.crisisId(),
            latestPlan.safetyPlanVersion(),
            latestPlan.safetyPlan(),
            highest.updatedAt(),
            viewer.unit(),
            scope));
  }

  private Map<String, Object> plan(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return json.readValue(stored, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int riskRank(String risk) {
    return risk == null ? -1 : RISKS.indexOf(risk);
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
