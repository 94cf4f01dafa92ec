package org.maplebridge.referrals;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.maplebridge.events.Erased;
import org.maplebridge.events.client.ClientIdentity;
import org.maplebridge.events.intake.CareTeamMemberAdded;
import org.maplebridge.events.intake.CareTeamMemberRemoved;
import org.maplebridge.events.intake.CounsellorAssigned;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.events.privacy.PersonErased;
import org.maplebridge.events.referral.AppointmentAttended;
import org.maplebridge.events.referral.AppointmentMissed;
import org.maplebridge.events.referral.AppointmentScheduled;
import org.maplebridge.events.referral.ConsentOverrideRecorded;
import org.maplebridge.events.referral.ConsentWaiver;
import org.maplebridge.events.referral.ConsentWaiverRefused;
import org.maplebridge.events.referral.ConsentWaiverRequested;
import org.maplebridge.events.referral.DisclosedField;
import org.maplebridge.events.referral.ProviderAccessEnded;
import org.maplebridge.events.referral.ReferralAccepted;
import org.maplebridge.events.referral.ReferralCancelled;
import org.maplebridge.events.referral.ReferralCompleted;
import org.maplebridge.events.referral.ReferralDeclined;
import org.maplebridge.events.referral.ReferralEnteredInError;
import org.maplebridge.events.referral.ReferralFailed;
import org.maplebridge.events.referral.ReferralLoopClosed;
import org.maplebridge.events.referral.ReferralOverdue;
import org.maplebridge.events.referral.ReferralPutOnHold;
import org.maplebridge.events.referral.ReferralReceived;
import org.maplebridge.events.referral.ReferralRedirected;
import org.maplebridge.events.referral.ReferralRequested;
import org.maplebridge.events.referral.ReferralResumed;
import org.maplebridge.events.referral.ReferralReviewed;
import org.maplebridge.events.referral.ReferralSent;
import org.maplebridge.read.SqlParams;
import org.maplebridge.read.VersionedRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the referral tracker: status, the times of each step, the next deadline and whether one was
 * missed; and who works on the cases referrals come from. A row moves forward in version only once
 * per event; replayable.
 */
@Component
@ProcessingGroup(ReferralProjection.GROUP)
class ReferralProjection {
  static final String GROUP = "referrals";
  private final JdbcClient jdbc;

  ReferralProjection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(ReferralRequested event, @SequenceNumber long version, @Timestamp Instant at) {
    jdbc.sql(
            """
            INSERT INTO referral_view (referral_id, unit, intake_id, crisis_id, client_id,
              service_type, provider_id, urgency, reason, status, disclosed_fields, requested_by,
              requested_at, updated_at, version)
            VALUES (:id, :unit, :intake, :crisis, :client, :type, :provider, :urgency, :reason,
              'REQUESTED', :fields, :by, :at, :at, :version)
            ON CONFLICT (referral_id) DO NOTHING
            """)
        .param("id", event.referralId())
        .param("unit", event.unit())
        .param("intake", event.intakeId())
        .param("crisis", event.crisisId())
        .param("client", event.clientId())
        .param("type", event.serviceType().name())
        .param("provider", event.providerId())
        .param("urgency", event.urgency().name())
        .param("reason", event.reason())
        .param(
            "fields",
            event.disclosedFields().stream()
                .map(DisclosedField::name)
                .sorted()
                .toArray(String[]::new))
        .param("by", event.requestedBy())
        .param("at", SqlParams.utc(at))
        .param("version", version)
        .update();
  }

  @EventHandler
  void on(ConsentWaiverRequested event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "consent_waiver = :waiver, waiver_reason = :reason, waiver_requested_by = :by,"
            + " waiver_answered_by = NULL",
        SqlParams.of(
            "waiver",
            ConsentWaiver.REQUESTED.name(),
            "reason",
            event.reason(),
            "by",
            event.requestedBy()));
  }

  @EventHandler
  void on(ConsentOverrideRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "consent_waiver = :waiver, waiver_answered_by = :by",
        SqlParams.of("waiver", ConsentWaiver.GRANTED.name(), "by", event.authorisedBy()));
  }

  @EventHandler
  void on(ConsentWaiverRefused event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "consent_waiver = :waiver, waiver_answered_by = :by",
        SqlParams.of("waiver", ConsentWaiver.REFUSED.name(), "by", event.refusedBy()));
  }

  @EventHandler
  void on(ReferralSent event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "sent = TRUE, sent_at = :at, consent_basis = :basis, next_deadline = :due, overdue = FALSE,"
            + " overdue_stage = NULL",
        SqlParams.of("basis", event.basis().name(), "due", SqlParams.utc(event.acknowledgeBy())));
  }

  @EventHandler
  void on(ReferralReceived event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "status = 'RECEIVED', received_at = :at, next_deadline = :due, overdue = FALSE,"
            + " overdue_stage = NULL",
        SqlParams.of("due", SqlParams.utc(event.decideBy())));
  }

  @EventHandler
  void on(ReferralAccepted event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "status = 'ACCEPTED', accepted_at = :at, access_until = :access, next_deadline = :due,"
            + " overdue = FALSE, overdue_stage = NULL",
        SqlParams.of(
            "access",
            SqlParams.utc(event.accessUntil()),
            "due",
            SqlParams.utc(event.feedbackBy())));
  }

  @EventHandler
  void on(ReferralDeclined event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "status = 'DECLINED', finished_at = :at, next_deadline = NULL, overdue = FALSE,"
            + " overdue_stage = NULL, suggested_provider_id = :suggested,"
            + " access_until = CASE WHEN access_until > :at THEN :at ELSE access_until END",
        SqlParams.of("suggested", event.suggestedProvider()));
  }

  @EventHandler
  void on(ProviderAccessEnded event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "sharing_ended_at = :at,"
            + " access_until = CASE WHEN access_until > :at THEN :at ELSE access_until END",
        Map.of());
  }

  @EventHandler
  void on(ReferralRedirected event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "status = 'REQUESTED', provider_id = :provider, sent_at = :at, received_at = NULL,"
            + " finished_at = NULL, next_deadline = :due, overdue = FALSE, overdue_stage = NULL,"
            + " accepted_at = NULL, access_until = NULL, suggested_provider_id = NULL,"
            + " sharing_ended_at = NULL, consent_basis = coalesce(:basis, consent_basis)",
        SqlParams.of(
            "provider",
            event.toProvider(),
            "due",
            SqlParams.utc(event.acknowledgeBy()),
            "basis",
            event.basis() == null ? null : event.basis().name()));
  }

  @EventHandler
  void on(AppointmentScheduled event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "status = 'SCHEDULED', appointment_at = :appointment,"
            + " next_deadline = coalesce(CAST(:due AS timestamptz), next_deadline),"
            + " overdue = CASE WHEN CAST(:due AS timestamptz) IS NULL THEN overdue ELSE FALSE END,"
            + " overdue_stage = CASE WHEN CAST(:due AS timestamptz) IS NULL THEN overdue_stage"
            + " ELSE NULL END",
        SqlParams.of(
            "appointment", SqlParams.utc(event.at()), "due", SqlParams.utc(event.feedbackBy())));
  }

  @EventHandler
  void on(AppointmentAttended event, @SequenceNumber long version, @Timestamp Instant at) {
    set(event.referralId(), version, at, "status = 'IN_PROGRESS'", Map.of());
  }

  @EventHandler
  void on(AppointmentMissed event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "status = 'MISSED', misses = :misses",
        SqlParams.of("misses", event.misses()));
  }

  @EventHandler
  void on(ReferralPutOnHold event, @SequenceNumber long version, @Timestamp Instant at) {
    set(event.referralId(), version, at, "status = 'ON_HOLD'", Map.of());
  }

  @EventHandler
  void on(ReferralResumed event, @SequenceNumber long version, @Timestamp Instant at) {
    set(event.referralId(), version, at, "status = 'IN_PROGRESS'", Map.of());
  }

  @EventHandler
  void on(ReferralCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
    finish(event.referralId(), version, at, "COMPLETED", event.outcome());
  }

  @EventHandler
  void on(ReferralFailed event, @SequenceNumber long version, @Timestamp Instant at) {
    finish(event.referralId(), version, at, "FAILED", event.reason());
  }

  @EventHandler
  void on(ReferralLoopClosed event, @SequenceNumber long version, @Timestamp Instant at) {
    set(event.referralId(), version, at, "status = 'LOOP_CLOSED', loop_closed_at = :at", Map.of());
  }

  @EventHandler
  void on(ReferralCancelled event, @SequenceNumber long version, @Timestamp Instant at) {
    finish(event.referralId(), version, at, "CANCELLED", null);
  }

  @EventHandler
  void on(ReferralEnteredInError event, @SequenceNumber long version, @Timestamp Instant at) {
    finish(event.referralId(), version, at, "ENTERED_IN_ERROR", null);
  }

  @EventHandler
  void on(ReferralOverdue event, @SequenceNumber long version, @Timestamp Instant at) {
    set(
        event.referralId(),
        version,
        at,
        "overdue = TRUE, overdue_stage = :stage",
        SqlParams.of("stage", event.stage().name()));
  }

  @EventHandler
  void on(ReferralReviewed event, @SequenceNumber long version, @Timestamp Instant at) {
    set(event.referralId(), version, at, "reviews = reviews + 1", Map.of());
  }

  /** A final state ends the provider's access and every deadline. */
  private void finish(UUID id, long version, Instant at, String status, String outcome) {
    set(
        id,
        version,
        at,
        "status = :status, finished_at = :at, next_deadline = NULL, overdue = FALSE,"
            + " overdue_stage = NULL, outcome = coalesce(:outcome, outcome),"
            + " access_until = CASE WHEN access_until > :at THEN :at ELSE access_until END",
        SqlParams.of("status", status, "outcome", outcome));
  }

  private void set(
      UUID id, long version, Instant at, String assignments, Map<String, Object> values) {
    VersionedRows.update(
            jdbc, "referral_view", "referral_id", id, version, at, assignments, values, "")
        .update();
  }

  /** Who works on a case: its referrals are theirs to see and move. */
  @EventHandler
  void on(IntakeOpened event) {
    join(event.intakeId(), event.openedBy());
    jdbc.sql(
            "INSERT INTO referral_client_reference (client_id, reference) VALUES (:id, :ref)"
                + " ON CONFLICT DO NOTHING")
        .param("id", event.clientId())
        .param("ref", event.clientReference())
        .update();
    ClientIdentity client = event.client();
    if (client != null) {
      jdbc.sql(
              """
              INSERT INTO referral_person (client_id, name, birth_date, phone, national_id, address)
              VALUES (:id, :name, :birth, :phone, :nid, :address)
              ON CONFLICT (client_id) DO NOTHING
              """)
          .param("id", event.clientId())
          .param("name", client.name())
          .param("birth", client.birthDate())
          .param("phone", client.phone())
          .param("nid", client.nationalId())
          .param("address", client.address())
          .update();
    }
    jdbc.sql(
            "INSERT INTO referral_source_concern (intake_id, concern) VALUES (:id, :concern)"
                + " ON CONFLICT DO NOTHING")
        .param("id", event.intakeId())
        .param("concern", event.concern())
        .update();
  }

  @EventHandler
  void on(CounsellorAssigned event) {
    join(event.intakeId(), event.counsellor());
  }

  @EventHandler
  void on(CareTeamMemberAdded event) {
    join(event.intakeId(), event.member());
  }

  @EventHandler
  void on(CareTeamMemberRemoved event) {
    jdbc.sql("DELETE FROM referral_source_team WHERE intake_id = :id AND username = :who")
        .param("id", event.intakeId())
        .param("who", event.member())
        .update();
  }

  private void join(UUID intakeId, String username) {
    jdbc.sql(
            "INSERT INTO referral_source_team (intake_id, username) VALUES (:id, :who)"
                + " ON CONFLICT DO NOTHING")
        .param("id", intakeId)
        .param("who", username)
        .update();
  }

  /**
   * The person's identity, the referrals' reasons and outcomes and the concern of the cases they
   * came from go; the referrals' states and trail stay. A replay ends in exactly these rows too.
   */
  @EventHandler
  void on(PersonErased event) {
    UUID[] records = event.records().toArray(UUID[]::new);
    jdbc.sql(
            "UPDATE referral_person SET name = :erased, birth_date = NULL, phone = NULL,"
                + " national_id = NULL, address = NULL WHERE client_id = :person")
        .param("erased", Erased.TEXT)
        .param("person", event.personId())
        .update();
    jdbc.sql(
            "UPDATE referral_view SET %s, %s WHERE referral_id = ANY(CAST(:records AS uuid[]))"
                .formatted(erase("reason"), erase("outcome")))
        .param("records", records)
        .param("erased", Erased.TEXT)
        .update();
    jdbc.sql(
            "UPDATE referral_source_concern SET %s WHERE intake_id = ANY(CAST(:records AS uuid[]))"
                .formatted(erase("concern")))
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
            "TRUNCATE referral_view, referral_source_team, referral_person, referral_source_concern,"
                + " referral_client_reference")
        .update();
  }
}
