package org.maplebridge.dashboard;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.maplebridge.events.client.PopulationGroup;
import org.maplebridge.events.crisis.CrisisClosed;
import org.maplebridge.events.crisis.CrisisContactOpened;
import org.maplebridge.events.crisis.CrisisReopened;
import org.maplebridge.events.crisis.EscalationAcknowledged;
import org.maplebridge.events.crisis.EscalationDeadlineMissed;
import org.maplebridge.events.crisis.EscalationRaised;
import org.maplebridge.events.crisis.FollowUpCompleted;
import org.maplebridge.events.crisis.FollowUpOverdue;
import org.maplebridge.events.crisis.FollowUpScheduled;
import org.maplebridge.events.crisis.ReturnedToAssessment;
import org.maplebridge.events.crisis.RiskAssessed;
import org.maplebridge.events.intake.IntakeClosed;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.events.intake.IntakeReopened;
import org.maplebridge.events.referral.AppointmentScheduled;
import org.maplebridge.events.referral.ConsentWaiver;
import org.maplebridge.events.referral.ProviderAnswer;
import org.maplebridge.events.referral.ReferralAccepted;
import org.maplebridge.events.referral.ReferralCompleted;
import org.maplebridge.events.referral.ReferralEvent;
import org.maplebridge.events.referral.ReferralFailed;
import org.maplebridge.events.referral.ReferralOverdue;
import org.maplebridge.events.referral.ReferralReceived;
import org.maplebridge.events.referral.ReferralRedirected;
import org.maplebridge.events.referral.ReferralRequested;
import org.maplebridge.events.referral.ReferralSent;
import org.maplebridge.events.referral.ReferralStatus;
import org.maplebridge.read.SqlParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the dashboard's own facts: each case's unit, population groups and whether it is open; each
 * episode's risk and unacknowledged escalation; escalations and follow-ups with their times; each
 * referral's status (by the published state machine), times, deadline and how its outcome came.
 * Every write sets values (none counts up), so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(DashboardProjection.GROUP)
class DashboardProjection {
  static final String GROUP = "dashboard";

  /** Statuses that end a referral's deadlines. */
  private static final Set<ReferralStatus> FINAL =
      Set.of(
          ReferralStatus.DECLINED,
          ReferralStatus.COMPLETED,
          ReferralStatus.FAILED,
          ReferralStatus.LOOP_CLOSED,
          ReferralStatus.CANCELLED,
          ReferralStatus.ENTERED_IN_ERROR);

  private final JdbcClient jdbc;

  DashboardProjection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(IntakeOpened event) {
    jdbc.sql(
            """
            INSERT INTO dashboard_case (intake_id, unit, population_groups)
            VALUES (:id, :unit, :groups) ON CONFLICT (intake_id) DO NOTHING
            """)
        .param("id", event.intakeId())
        .param("unit", event.unit())
        .param(
            "groups",
            event.populationGroups().stream()
                .map(PopulationGroup::name)
                .sorted()
                .toArray(String[]::new))
        .update();
  }

  @EventHandler
  void on(IntakeClosed event) {
    caseClosed(event.intakeId(), true);
  }

  @EventHandler
  void on(IntakeReopened event) {
    caseClosed(event.intakeId(), false);
  }

  private void caseClosed(UUID intakeId, boolean closed) {
    jdbc.sql("UPDATE dashboard_case SET closed = :closed WHERE intake_id = :id")
        .param("closed", closed)
        .param("id", intakeId)
        .update();
  }

  @EventHandler
  void on(CrisisContactOpened event) {
    jdbc.sql(
            "INSERT INTO dashboard_crisis (crisis_id, unit) VALUES (:id, :unit)"
                + " ON CONFLICT (crisis_id) DO NOTHING")
        .param("id", event.crisisId())
        .param("unit", event.unit())
        .update();
  }

  @EventHandler
  void on(RiskAssessed event) {
    crisis(event.crisisId(), "risk = :risk", Map.of("risk", event.level().name()));
  }

  @EventHandler
  void on(ReturnedToAssessment event) {
    crisis(event.crisisId(), "risk = :risk", Map.of("risk", event.to().name()));
  }

  @EventHandler
  void on(CrisisClosed event) {
    crisis(event.crisisId(), "closed = TRUE", Map.of());
  }

  @EventHandler
  void on(CrisisReopened event) {
    crisis(event.crisisId(), "closed = FALSE", Map.of());
  }

  @EventHandler
  void on(EscalationRaised event, @Timestamp Instant at) {
    jdbc.sql(
            """
            INSERT INTO dashboard_escalation (escalation_id, crisis_id, unit, raised_at, deadline)
            SELECT :id, :crisis, unit, :at, :deadline FROM dashboard_crisis WHERE crisis_id = :crisis
            ON CONFLICT (escalation_id) DO NOTHING
            """)
        .param("id", event.escalationId())
        .param("crisis", event.crisisId())
        .param("at", SqlParams.utc(at))
        .param("deadline", SqlParams.utc(event.deadline()))
        .update();
    crisis(
        event.crisisId(),
        "escalation_id = :escalation, escalation_deadline = :deadline",
        SqlParams.of(
            "escalation", event.escalationId(), "deadline", SqlParams.utc(event.deadline())));
  }

  @EventHandler
  void on(EscalationAcknowledged event, @Timestamp Instant at) {
    jdbc.sql(
            "UPDATE dashboard_escalation SET acknowledged_at = :at"
                + " WHERE escalation_id = :id AND acknowledged_at IS NULL")
        .param("at", SqlParams.utc(at))
        .param("id", event.escalationId())
        .update();
    jdbc.sql(
            "UPDATE dashboard_crisis SET escalation_deadline = NULL"
                + " WHERE crisis_id = :crisis AND escalation_id = :id")
        .param("crisis", event.crisisId())
        .param("id", event.escalationId())
        .update();
  }

  /** A missed escalation stays unacknowledged on the episode until the next one is raised. */
  @EventHandler
  void on(EscalationDeadlineMissed event) {
    jdbc.sql("UPDATE dashboard_escalation SET missed = TRUE WHERE escalation_id = :id")
        .param("id", event.escalationId())
        .update();
  }

  @EventHandler
  void on(FollowUpScheduled event) {
    jdbc.sql(
            "INSERT INTO dashboard_follow_up (follow_up_id, crisis_id) VALUES (:id, :crisis)"
                + " ON CONFLICT (follow_up_id) DO NOTHING")
        .param("id", event.followUpId())
        .param("crisis", event.crisisId())
        .update();
  }

  @EventHandler
  void on(FollowUpOverdue event) {
    jdbc.sql("UPDATE dashboard_follow_up SET overdue = TRUE WHERE follow_up_id = :id AND NOT done")
        .param("id", event.followUpId())
        .update();
  }

  @EventHandler
  void on(FollowUpCompleted event) {
    jdbc.sql("UPDATE dashboard_follow_up SET done = TRUE, overdue = FALSE WHERE follow_up_id = :id")
        .param("id", event.followUpId())
        .update();
  }

  private void crisis(UUID id, String assignments, Map<String, Object> values) {
    jdbc.sql("UPDATE dashboard_crisis SET " + assignments + " WHERE crisis_id = :id")
        .params(values)
        .param("id", id)
        .update();
  }

  /**
   * Every referral event: the status the published state machine gives it, and the deadlines the
   * step sets (the next stage's deadline; missing it is overdue until the next stage or the end).
   */
  @EventHandler
  void on(ReferralEvent event, @Timestamp Instant at) {
    if (event instanceof ReferralRequested requested) {
      jdbc.sql(
              """
              INSERT INTO dashboard_referral (referral_id, unit, intake_id, status, requested_at)
              VALUES (:id, :unit, :intake, 'REQUESTED', :at) ON CONFLICT (referral_id) DO NOTHING
              """)
          .param("id", requested.referralId())
          .param("unit", requested.unit())
          .param("intake", requested.intakeId())
          .param("at", SqlParams.utc(at))
          .update();
      return;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    StringBuilder assignments = new StringBuilder();
    Optional<ReferralStatus> status = ReferralStatus.after(event);
    status.ifPresent(s -> assign(assignments, values, "status", s.name()));
    outcomeAnswer(event)
        .ifPresent(
            answer -> assign(assignments, values, "outcome_channel", answer.channel().name()));
    if (event instanceof ReferralSent sent) {
      assign(assignments, values, "sent", true);
      nextStage(assignments, values, at, "sent_at", sent.acknowledgeBy());
    } else if (event instanceof ReferralRedirected redirected) {
      nextStage(assignments, values, at, "sent_at", redirected.acknowledgeBy());
    } else if (event instanceof ReferralReceived received) {
      nextStage(assignments, values, at, null, received.decideBy());
    } else if (event instanceof ReferralAccepted accepted) {
      nextStage(assignments, values, at, "accepted_at", accepted.feedbackBy());
    } else if (event instanceof AppointmentScheduled scheduled && scheduled.feedbackBy() != null) {
      // The feedback deadline follows the appointment.
      nextStage(assignments, values, at, null, scheduled.feedbackBy());
    } else if (event instanceof ReferralOverdue) {
      assign(assignments, values, "overdue", true);
    } else if (status.filter(FINAL::contains).isPresent()) {
      assign(assignments, values, "overdue", false);
      assign(assignments, values, "next_deadline", null);
    }
    ConsentWaiver waiver = ConsentWaiver.NONE.after(event);
    if (waiver != ConsentWaiver.NONE) {
      assign(assignments, values, "consent_waiver", waiver.name());
      assign(assignments, values, "consent_waiver_at", SqlParams.utc(at));
    }
    if (values.isEmpty()) {
      return;
    }
    jdbc.sql("UPDATE dashboard_referral SET " + assignments + " WHERE referral_id = :id")
        .params(values)
        .param("id", event.referralId())
        .update();
  }

  /** How the provider's outcome came, when the event is the outcome and says so. */
  private static Optional<ProviderAnswer> outcomeAnswer(ReferralEvent event) {
    if (event instanceof ReferralCompleted completed) {
      return Optional.ofNullable(completed.answer());
    }
    if (event instanceof ReferralFailed failed) {
      return Optional.ofNullable(failed.answer());
    }
    return Optional.empty();
  }

  private static void nextStage(
      StringBuilder assignments,
      Map<String, Object> values,
      Instant at,
      String timeColumn,
      Instant due) {
    if (timeColumn != null) {
      assign(assignments, values, timeColumn, SqlParams.utc(at));
    }
    assign(assignments, values, "next_deadline", due == null ? null : SqlParams.utc(due));
    assign(assignments, values, "overdue", false);
  }

  private static void assign(
      StringBuilder assignments, Map<String, Object> values, String column, Object value) {
    if (!assignments.isEmpty()) {
      assignments.append(", ");
    }
    assignments.append(column).append(" = :").append(column);
    values.put(column, value);
  }

  @ResetHandler
  void reset() {
    jdbc.sql(
            "TRUNCATE dashboard_case, dashboard_crisis, dashboard_escalation, dashboard_follow_up,"
                + " dashboard_referral")
        .update();
  }
}
