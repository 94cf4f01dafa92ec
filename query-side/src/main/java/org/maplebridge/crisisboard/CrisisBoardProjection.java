package org.maplebridge.crisisboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.maplebridge.crisisboard.CrisisQueries.BoardChanged;
import org.maplebridge.crisisboard.CrisisQueries.FindCrisisBoard;
import org.maplebridge.events.Erased;
import org.maplebridge.events.access.EmergencyAccessGranted;
import org.maplebridge.events.crisis.ClosureApprovalRequested;
import org.maplebridge.events.crisis.ContactRecorded;
import org.maplebridge.events.crisis.CrisisClosed;
import org.maplebridge.events.crisis.CrisisContactOpened;
import org.maplebridge.events.crisis.CrisisDeescalated;
import org.maplebridge.events.crisis.CrisisReopened;
import org.maplebridge.events.crisis.EmergencyServicesDispatched;
import org.maplebridge.events.crisis.EscalationAcknowledged;
import org.maplebridge.events.crisis.EscalationDeadlineMissed;
import org.maplebridge.events.crisis.EscalationRaised;
import org.maplebridge.events.crisis.FollowUpAttemptFailed;
import org.maplebridge.events.crisis.FollowUpCompleted;
import org.maplebridge.events.crisis.FollowUpOverdue;
import org.maplebridge.events.crisis.FollowUpScheduled;
import org.maplebridge.events.crisis.LostToFollowUp;
import org.maplebridge.events.crisis.RescueConfirmationOverdue;
import org.maplebridge.events.crisis.RescueConfirmed;
import org.maplebridge.events.crisis.RescueNotReached;
import org.maplebridge.events.crisis.ReturnedToAssessment;
import org.maplebridge.events.crisis.RiskAssessed;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.events.crisis.SafetyPlanRecorded;
import org.maplebridge.events.crisis.SupervisorConsultRequested;
import org.maplebridge.events.crisis.SupervisorConsulted;
import org.maplebridge.events.crisis.WhereaboutsRecorded;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.events.oncall.Answering;
import org.maplebridge.events.privacy.PersonErased;
import org.maplebridge.read.SqlParams;
import org.maplebridge.read.VersionedRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the crisis tables and tells everyone watching a unit's board that it changed. Idempotent
 * (an episode row only moves forward in version, child rows are written once) and replayable.
 */
@Component
@ProcessingGroup(CrisisBoardProjection.GROUP)
class CrisisBoardProjection {
  static final String GROUP = "crisis-board";
  private final JdbcClient jdbc;
  private final QueryUpdateEmitter updates;
  private final ObjectMapper json;

  CrisisBoardProjection(JdbcClient jdbc, QueryUpdateEmitter updates, ObjectMapper json) {
    this.jdbc = jdbc;
    this.updates = updates;
    this.json = json;
  }

  @EventHandler
  void on(CrisisContactOpened event, @SequenceNumber long version, @Timestamp Instant at) {
    int inserted =
        jdbc.sql(
                """
                INSERT INTO crisis_view (crisis_id, unit, channel, caller, client_id, intake_id,
                  summary, opened_by, opened_at, updated_at, version)
                VALUES (:id, :unit, :channel, :caller, :client, :intake, :summary, :by, :at, :at,
                  :version)
                ON CONFLICT (crisis_id) DO NOTHING
                """)
            .param("id", event.crisisId())
            .param("unit", event.unit())
            .param("channel", event.channel().name())
            .param("caller", event.caller().name())
            .param("client", event.clientId())
            .param("intake", event.intakeId())
            .param("summary", event.summary())
            .param("by", event.openedBy())
            .param("at", SqlParams.utc(at))
            .param("version", version)
            .update();
    if (inserted == 1) {
      changed(event.unit());
    }
  }

  @EventHandler
  void on(WhereaboutsRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.crisisId(),
        version,
        at,
        "callback_number = :number, location = :location, area = :area, whereabouts_by = :by,"
            + " whereabouts_at = :at",
        SqlParams.of(
            "number", event.callbackNumber(),
            "location", event.location(),
            "area", event.area(),
            "by", event.recordedBy()));
  }

  @EventHandler
  void on(ContactRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
    jdbc.sql(
            """
            INSERT INTO crisis_contact (contact_id, crisis_id, channel, started_at, minutes,
              taken_by, note)
            VALUES (:id, :crisis, :channel, :started, :minutes, :by, :note)
            ON CONFLICT (contact_id) DO NOTHING
            """)
        .param("id", event.contactId())
        .param("crisis", event.crisisId())
        .param("channel", event.channel().name())
        .param("started", SqlParams.utc(event.startedAt()))
        .param("minutes", event.minutes())
        .param("by", event.takenBy())
        .param("note", event.note())
        .update();
    set(event.crisisId(), version, at, "", Map.of());
  }

  @EventHandler
  void on(RiskAssessed event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.crisisId(),
        version,
        at,
        "risk = :risk, highest_risk = CASE WHEN highest_risk IS NULL OR"
            + " array_position(ARRAY['LOW','MODERATE','HIGH','IMMINENT'], highest_risk)"
            + " < array_position(ARRAY['LOW','MODERATE','HIGH','IMMINENT'], :shown)"
            + " THEN :shown ELSE highest_risk END",
        // The screener's triage above the chosen level counts, as in the published state fold.
        Map.of(
            "risk",
            event.level().name(),
            "shown",
            RiskLevel.higher(event.level(), RiskLevel.ofScreener(event.screenerRisk())).name()));
  }

  @EventHandler
  void on(SupervisorConsultRequested event, @SequenceNumber long version, @Timestamp Instant at) {
    set(event.crisisId(), version, at, "consult_requested = TRUE", Map.of());
  }

  @EventHandler
  void on(SupervisorConsulted event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.crisisId(),
        version,
        at,
        "consult_requested = FALSE, consulted_by = :by, consult_advice = :advice",
        SqlParams.of("by", event.supervisor(), "advice", event.advice()));
  }

  @EventHandler
  void on(EscalationRaised event, @SequenceNumber long version, @Timestamp Instant at) {
    // The rung below this one, unless acknowledged: whoever escalated it escalated this one too.
    List<String> below =
        jdbc.sql(
                """
                SELECT CASE WHEN acknowledged_by IS NULL THEN escalated_by END
                FROM crisis_escalation WHERE crisis_id = :crisis AND escalation_id <> :id
                ORDER BY raised_at DESC LIMIT 1
                """)
            .param("crisis", event.crisisId())
            .param("id", event.escalationId())
            .query(String.class)
            .list();
    jdbc.sql(
            """
            INSERT INTO crisis_escalation (escalation_id, crisis_id, tier, risk, reason, raised_by,
              raised_at, deadline, escalated_by)
            VALUES (:id, :crisis, :tier, :risk, :reason, :by, :at, :deadline, :escalatedBy)
            ON CONFLICT (escalation_id) DO NOTHING
            """)
        .param(
            "escalatedBy",
            Answering.escalatedBy(below.isEmpty() ? null : below.get(0), event.raisedBy()))
        .param("id", event.escalationId())
        .param("crisis", event.crisisId())
        .param("tier", event.tier().name())
        .param("risk", event.level().name())
        .param("reason", event.reason())
        .param("by", event.raisedBy())
        .param("at", SqlParams.utc(at))
        .param("deadline", SqlParams.utc(event.deadline()))
        .update();
    set(
        event.crisisId(),
        version,
        at,
        "tier = :tier, escalation_id = :escalation, escalation_deadline = :deadline,"
            + " acknowledged = FALSE, acknowledged_by = NULL",
        SqlParams.of(
            "tier",
            event.tier().name(),
            "escalation",
            event.escalationId(),
            "deadline",
            SqlParams.utc(event.deadline())));
  }

  @EventHandler
  void on(EscalationAcknowledged event, @SequenceNumber long version, @Timestamp Instant at) {
    jdbc.sql(
            "UPDATE crisis_escalation SET acknowledged_by = :by, acknowledged_at = :at"
                + " WHERE escalation_id = :id AND acknowledged_by IS NULL")
        .param("by", event.acknowledgedBy())
        .param("at", SqlParams.utc(at))
        .param("id", event.escalationId())
        .update();
    set(
        event.crisisId(),
        version,
        at,
        "acknowledged = CASE WHEN escalation_id = :escalation THEN TRUE ELSE acknowledged END,"
            + " acknowledged_by = CASE WHEN escalation_id = :escalation THEN :by"
            + " ELSE acknowledged_by END",
        SqlParams.of("escalation", event.escalationId(), "by", event.acknowledgedBy()));
  }

  @EventHandler
  void on(EscalationDeadlineMissed event, @SequenceNumber long version, @Timestamp Instant at) {
    jdbc.sql("UPDATE crisis_escalation SET missed = TRUE WHERE escalation_id = :id")
        .param("id", event.escalationId())
        .update();
    // Kept on the row so the board still shows the miss after the next tier took over.
    set(
        event.crisisId(),
        version,
        at,
        "missed_deadlines = missed_deadlines + 1, last_missed_tier = :missedTier,"
            + " last_missed_at = :missedAt",
        SqlParams.of(
            "missedTier",
            event.tier().name(),
            "missedAt",
            SqlParams.utc(event.deadline() == null ? at : event.deadline())));
  }

  @EventHandler
  void on(EmergencyServicesDispatched event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.crisisId(),
        version,
        at,
        "rescue = 'UNCONFIRMED', rescue_agency = :agency, rescue_reference = :reference,"
            + " rescue_reason = :reason, rescue_confirm_by = :confirmBy,"
            + " rescue_called_by = :calledBy, rescue_called_at = :calledAt",
        SqlParams.of(
            "calledBy",
            event.dispatchedBy(),
            // Events recorded before the call's time was asked: the moment it was recorded.
            "calledAt",
            SqlParams.utc(event.calledAt() == null ? at : event.calledAt()),
            "agency",
            event.agency().name(),
            "reference",
            event.reference(),
            "reason",
            event.confidentialityBreakReason(),
            "confirmBy",
            SqlParams.utc(event.confirmBy())));
  }

  @EventHandler
  void on(RescueConfirmationOverdue event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.crisisId(),
        version,
        at,
        "rescue = 'OVERDUE', rescue_confirm_by = :next",
        SqlParams.of("next", event.nextCheck() == null ? null : SqlParams.utc(event.nextCheck())));
  }

  @EventHandler
  void on(RescueConfirmed event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.crisisId(),
        version,
        at,
        "rescue = 'CONFIRMED', rescue_outcome = :outcome",
        SqlParams.of("outcome", event.outcome()));
  }

  /** The rescue goes on: its state stays, what was found is shown. */
  @EventHandler
  void on(RescueNotReached event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.crisisId(),
        version,
        at,
        "rescue_outcome = :outcome",
        SqlParams.of("outcome", event.result().name() + ": " + event.outcome()));
  }

  @EventHandler
  void on(CrisisDeescalated event, @SequenceNumber long version, @Timestamp Instant at) {
    set(event.crisisId(), version, at, "deescalated = TRUE", Map.of());
  }

  @EventHandler
  void on(SafetyPlanRecorded event, @SequenceNumber long version, @Timestamp Instant at)
      throws JsonProcessingException {
    jdbc.sql(
            """
            INSERT INTO crisis_safety_plan_version (crisis_id, version, plan, recorded_by,
              recorded_at)
            VALUES (:crisis, :planVersion, :plan, :by, :at)
            ON CONFLICT (crisis_id, version) DO NOTHING
            """)
        .param("crisis", event.crisisId())
        .param("planVersion", event.version())
        .param("plan", json.writeValueAsString(event.plan()))
        .param("by", event.recordedBy())
        .param("at", SqlParams.utc(at))
        .update();
    set(
        event.crisisId(),
        version,
        at,
        "safety_plan = :plan, safety_plan_version = :planVersion",
        SqlParams.of(
            "plan", json.writeValueAsString(event.plan()), "planVersion", event.version()));
  }

  @EventHandler
  void on(FollowUpScheduled event, @SequenceNumber long version, @Timestamp Instant at) {
    jdbc.sql(
            """
            INSERT INTO crisis_follow_up (follow_up_id, crisis_id, due_at, scheduled_by, status)
            VALUES (:id, :crisis, :due, :by, 'PENDING') ON CONFLICT (follow_up_id) DO NOTHING
            """)
        .param("id", event.followUpId())
        .param("crisis", event.crisisId())
        .param("due", SqlParams.utc(event.dueAt()))
        .param("by", event.scheduledBy())
        .update();
    set(event.crisisId(), version, at, "", Map.of());
  }

  @EventHandler
  void on(FollowUpOverdue event, @SequenceNumber long version, @Timestamp Instant at) {
    followUp(event.followUpId(), "status = 'OVERDUE'", Map.of(), "status = 'PENDING'");
    set(event.crisisId(), version, at, "", Map.of());
  }

  @EventHandler
  void on(FollowUpAttemptFailed event, @SequenceNumber long version, @Timestamp Instant at) {
    followUp(event.followUpId(), "attempts = :attempt", Map.of("attempt", event.attempt()), "TRUE");
    set(
        event.crisisId(),
        version,
        at,
        "failed_follow_ups = :attempt",
        Map.of("attempt", event.attempt()));
  }

  @EventHandler
  void on(FollowUpCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
    followUp(
        event.followUpId(),
        "status = 'COMPLETED', level = :level, done_by = :by, done_at = :at",
        SqlParams.of("level", event.level().name(), "by", event.by(), "at", SqlParams.utc(at)),
        "TRUE");
    set(event.crisisId(), version, at, "", Map.of());
  }

  @EventHandler
  void on(LostToFollowUp event, @SequenceNumber long version, @Timestamp Instant at) {
    set(event.crisisId(), version, at, "lost_to_follow_up = TRUE", Map.of());
  }

  @EventHandler
  void on(ReturnedToAssessment event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.crisisId(),
        version,
        at,
        "risk = :risk, highest_risk = CASE WHEN"
            + " array_position(ARRAY['LOW','MODERATE','HIGH','IMMINENT'], coalesce(highest_risk, 'LOW'))"
            + " < array_position(ARRAY['LOW','MODERATE','HIGH','IMMINENT'], :risk)"
            + " THEN :risk ELSE highest_risk END",
        Map.of("risk", event.to().name()));
  }

  @EventHandler
  void on(ClosureApprovalRequested event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.crisisId(),
        version,
        at,
        "closure_pending = TRUE, closure_reason = :reason",
        Map.of("reason", event.reason().name()));
  }

  @EventHandler
  void on(CrisisClosed event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.crisisId(),
        version,
        at,
        "closed = TRUE, closure_pending = FALSE, closure_reason = :reason,"
            + " closure_summary = :summary, closed_by = :by, approved_by = :approvedBy,"
            + " closed_at = :at",
        SqlParams.of(
            "reason",
            event.reason().name(),
            "summary",
            event.summary(),
            "by",
            event.closedBy(),
            "approvedBy",
            event.approvedBy()));
  }

  @EventHandler
  void on(CrisisReopened event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.crisisId(),
        version,
        at,
        "closed = FALSE, closure_reason = NULL, closure_summary = NULL, closed_by = NULL,"
            + " approved_by = NULL, closed_at = NULL",
        Map.of());
  }

  private void followUp(UUID id, String assignments, Map<String, Object> values, String guard) {
    var statement =
        jdbc.sql(
                "UPDATE crisis_follow_up SET "
                    + assignments
                    + " WHERE follow_up_id = :followUp AND "
                    + guard)
            .param("followUp", id);
    for (Map.Entry<String, Object> value : values.entrySet()) {
      statement = statement.param(value.getKey(), value.getValue());
    }
    statement.update();
  }

  /** Moves an episode row to {@code version}, once; tells the unit's board watchers. */
  private void set(
      UUID crisisId, long version, Instant at, String assignments, Map<String, Object> values) {
    VersionedRows.update(
            jdbc,
            "crisis_view",
            "crisis_id",
            crisisId,
            version,
            at,
            assignments,
            values,
            "RETURNING unit")
        .query(String.class)
        .optional()
        .ifPresent(this::changed);
  }

  private void changed(String unit) {
    updates.emit(
        FindCrisisBoard.class, query -> unit.equals(query.viewer().unit()), new BoardChanged(unit));
  }

  /** A client's reference, by which crisis staff find a returning caller's risk alert. */
  @EventHandler
  void on(IntakeOpened event) {
    jdbc.sql(
            "INSERT INTO crisis_client_reference (reference, client_id) VALUES (:ref, :client)"
                + " ON CONFLICT DO NOTHING")
        .param("ref", event.clientReference())
        .param("client", event.clientId())
        .update();
  }

  /** Broken glass on an episode is told to its crisis staff, with who, when and why. */
  @EventHandler
  void on(EmergencyAccessGranted event, @Timestamp Instant at) {
    if (!"CRISIS".equals(event.recordType())) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO crisis_emergency_access (grant_id, crisis_id, viewer, viewer_role, reason,
              granted_at)
            VALUES (:id, :crisis, :viewer, :role, :reason, :at)
            ON CONFLICT (grant_id) DO NOTHING
            """)
        .param("id", event.grantId())
        .param("crisis", event.recordId())
        .param("viewer", event.viewer())
        .param("role", event.viewerRole())
        .param("reason", event.reason())
        .param("at", SqlParams.utc(at))
        .update();
  }

  /**
   * The clinical content of the person's episodes and where to reach them (call-back number and
   * location; the area is no one's in particular) go; the episodes (risk, tiers, deadlines, who did
   * what) stay. A replay of the erased events ends in exactly these rows too.
   */
  @EventHandler
  void on(PersonErased event) {
    UUID[] records = event.records().toArray(UUID[]::new);
    jdbc.sql(
            """
            UPDATE crisis_view SET %s, %s, %s, %s, %s, %s, %s, safety_plan = NULL
            WHERE crisis_id = ANY(CAST(:records AS uuid[]))
            """
                .formatted(
                    erase("summary"),
                    erase("consult_advice"),
                    erase("rescue_reason"),
                    erase("rescue_outcome"),
                    erase("closure_summary"),
                    erase("callback_number"),
                    erase("location")))
        .param("records", records)
        .param("erased", Erased.TEXT)
        .update();
    jdbc.sql(
            "UPDATE crisis_escalation SET %s WHERE crisis_id = ANY(CAST(:records AS uuid[]))"
                .formatted(erase("reason")))
        .param("records", records)
        .param("erased", Erased.TEXT)
        .update();
    jdbc.sql(
            "UPDATE crisis_safety_plan_version SET plan = NULL"
                + " WHERE crisis_id = ANY(CAST(:records AS uuid[]))")
        .param("records", records)
        .update();
    jdbc.sql(
            "UPDATE crisis_contact SET %s WHERE crisis_id = ANY(CAST(:records AS uuid[]))"
                .formatted(erase("note")))
        .param("records", records)
        .param("erased", Erased.TEXT)
        .update();
  }

  private static String erase(String column) {
    return column + " = CASE WHEN " + column + " IS NULL THEN NULL ELSE :erased END";
  }

  @ResetHandler
  void reset() {
    jdbc.sql(
            "TRUNCATE crisis_view, crisis_escalation, crisis_follow_up, crisis_client_reference,"
                + " crisis_emergency_access, crisis_contact, crisis_safety_plan_version")
        .update();
  }
}
