package org.maplebridge.retention;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.maplebridge.events.client.ClientsMerged;
import org.maplebridge.events.crisis.CrisisClosed;
import org.maplebridge.events.crisis.CrisisContactOpened;
import org.maplebridge.events.crisis.CrisisReopened;
import org.maplebridge.events.intake.IntakeClosed;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.events.intake.IntakeReopened;
import org.maplebridge.events.privacy.LegalHoldLifted;
import org.maplebridge.events.privacy.LegalHoldPlaced;
import org.maplebridge.events.privacy.PersonErased;
import org.maplebridge.events.referral.ReferralEvent;
import org.maplebridge.events.referral.ReferralRequested;
import org.maplebridge.events.referral.ReferralStatus;
import org.maplebridge.read.SqlParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whose records are which and when each closed (a reopening opens it again), the legal holds in
 * force and the erasures done: the facts of the retention list. A person is a client, or an
 * anonymous caller's crisis episode (and the referrals from it).
 */
@Component
@ProcessingGroup(RetentionProjection.GROUP)
class RetentionProjection {
  static final String GROUP = "retention";
  private final JdbcClient jdbc;

  RetentionProjection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(IntakeOpened event) {
    open(event.intakeId(), event.clientId(), "INTAKE", event.unit(), event.clientReference());
  }

  @EventHandler
  void on(IntakeClosed event, @Timestamp Instant at) {
    closed(event.intakeId(), at);
  }

  @EventHandler
  void on(IntakeReopened event) {
    closed(event.intakeId(), null);
  }

  @EventHandler
  void on(CrisisContactOpened event) {
    open(
        event.crisisId(),
        event.clientId() != null ? event.clientId() : event.crisisId(),
        "CRISIS",
        event.unit(),
        null);
  }

  @EventHandler
  void on(CrisisClosed event, @Timestamp Instant at) {
    closed(event.crisisId(), at);
  }

  @EventHandler
  void on(CrisisReopened event) {
    closed(event.crisisId(), null);
  }

  @EventHandler
  void on(ReferralRequested event) {
    open(
        event.referralId(),
        event.clientId() != null ? event.clientId() : event.crisisId(),
        "REFERRAL",
        event.unit(),
        null);
  }

  /** A referral is closed once it reached a state the loop does not go on from. */
  @EventHandler
  void on(ReferralEvent event, @Timestamp Instant at) {
    ReferralStatus.after(event)
        .ifPresent(
            status -> closed(event.referralId(), ReferralStatus.OPEN.contains(status) ? null : at));
  }

  /** A merged duplicate's records are the surviving client's, for retention and erasure. */
  @EventHandler
  void on(ClientsMerged event) {
    jdbc.sql("UPDATE retention_record SET person_id = :stays WHERE person_id = :duplicate")
        .param("stays", event.survivingClientId())
        .param("duplicate", event.duplicateClientId())
        .update();
  }

  @EventHandler
  void on(LegalHoldPlaced event, @Timestamp Instant at) {
    jdbc.sql(
            """
            INSERT INTO retention_hold (person_id, reason, placed_by, placed_at, until)
            VALUES (:person, :reason, :by, :at, :until)
            ON CONFLICT (person_id) DO UPDATE SET reason = EXCLUDED.reason,
              placed_by = EXCLUDED.placed_by, placed_at = EXCLUDED.placed_at, until = EXCLUDED.until
            """)
        .param("person", event.personId())
        .param("reason", event.reason())
        .param("by", event.placedBy())
        .param("at", SqlParams.utc(at))
        .param("until", event.until() == null ? null : SqlParams.utc(event.until()))
        .update();
  }

  @EventHandler
  void on(LegalHoldLifted event) {
    jdbc.sql("DELETE FROM retention_hold WHERE person_id = :person")
        .param("person", event.personId())
        .update();
  }

  @EventHandler
  void on(PersonErased event, @Timestamp Instant at) {
    jdbc.sql(
            """
            INSERT INTO retention_erasure (person_id, records, basis, reason, request_reference,
              erased_by, erased_at)
            VALUES (:person, :records, :basis, :reason, :reference, :by, :at)
            ON CONFLICT (person_id) DO NOTHING
            """)
        .param("person", event.personId())
        .param("records", event.records().size())
        .param("basis", event.basis().name())
        .param("reason", event.reason())
        .param("reference", event.requestReference())
        .param("by", event.erasedBy())
        .param("at", SqlParams.utc(at))
        .update();
  }

  @ResetHandler
  void reset() {
    jdbc.sql("TRUNCATE retention_record, retention_hold, retention_erasure").update();
  }

  private void open(UUID recordId, UUID personId, String type, String unit, String reference) {
    jdbc.sql(
            """
            INSERT INTO retention_record (record_id, person_id, record_type, unit, client_reference)
            VALUES (:id, :person, :type, :unit, :reference) ON CONFLICT DO NOTHING
            """)
        .param("id", recordId)
        .param("person", personId)
        .param("type", type)
        .param("unit", unit)
        .param("reference", reference)
        .update();
  }

  private void closed(UUID recordId, Instant at) {
    jdbc.sql("UPDATE retention_record SET closed_at = :at WHERE record_id = :id")
        .param("id", recordId)
        .param("at", at == null ? null : SqlParams.utc(at), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
  }
}
