package org.maplebridge.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.maplebridge.events.client.ClientsMerged;
import org.maplebridge.events.crisis.CrisisClosed;
import org.maplebridge.events.crisis.CrisisContactOpened;
import org.maplebridge.events.crisis.CrisisReopened;
import org.maplebridge.events.intake.IntakeClosed;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.events.intake.IntakeReopened;
import org.maplebridge.events.referral.ReferralEvent;
import org.maplebridge.events.referral.ReferralRequested;
import org.maplebridge.events.referral.ReferralStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The write side's own record of a person's records (cases, crisis episodes, referrals about them)
 * and whether each is closed, and since when. A subscribing processor: written in the same
 * transaction as the records' events, so an erasure never misses a record opened a moment before.
 * The person of an anonymous crisis caller is the episode itself, and of a referral from that
 * episode too.
 */
@Component
@ProcessingGroup(PersonRecords.GROUP)
class PersonRecords {
  static final String GROUP = "person-records";

  record Kept(UUID recordId, String type, Instant closedAt) {}

  private final JdbcClient jdbc;

  PersonRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The person's records. */
  List<Kept> of(UUID personId) {
    return jdbc.sql(
            "SELECT record_id, record_type, closed_at FROM person_record"
                + " WHERE person_id = :person ORDER BY record_id")
        .param("person", personId)
        .query(
            (row, n) ->
                new Kept(
                    row.getObject("record_id", UUID.class),
                    row.getString("record_type"),
                    Optional.ofNullable(row.getTimestamp("closed_at"))
                        .map(java.sql.Timestamp::toInstant)
                        .orElse(null)))
        .list();
  }

  @EventHandler
  void on(IntakeOpened event) {
    open(event.intakeId(), event.clientId(), "INTAKE");
  }

  @EventHandler
  void on(IntakeClosed event, @Timestamp Instant at) {
    close(event.intakeId(), at);
  }

  @EventHandler
  void on(IntakeReopened event) {
    close(event.intakeId(), null);
  }

  @EventHandler
  void on(CrisisContactOpened event) {
    open(
        event.crisisId(), event.clientId() != null ? event.clientId() : event.crisisId(), "CRISIS");
  }

  @EventHandler
  void on(CrisisClosed event, @Timestamp Instant at) {
    close(event.crisisId(), at);
  }

  @EventHandler
  void on(CrisisReopened event) {
    close(event.crisisId(), null);
  }

  @EventHandler
  void on(ReferralRequested event) {
    open(
        event.referralId(),
        event.clientId() != null ? event.clientId() : event.crisisId(),
        "REFERRAL");
  }

  /** A merged duplicate was the same person: their records are erased with the one who stayed. */
  @EventHandler
  void on(ClientsMerged event) {
    jdbc.sql("UPDATE person_record SET person_id = :stays WHERE person_id = :duplicate")
        .param("stays", event.survivingClientId())
        .param("duplicate", event.duplicateClientId())
        .update();
  }

  /** A referral counts as closed once it reached a state the loop does not go on from. */
  @EventHandler
  void on(ReferralEvent event, @Timestamp Instant at) {
    ReferralStatus.after(event)
        .ifPresent(
            status -> close(event.referralId(), ReferralStatus.OPEN.contains(status) ? null : at));
  }

  private void open(UUID recordId, UUID personId, String type) {
    jdbc.sql(
            "INSERT INTO person_record (record_id, person_id, record_type) VALUES (:id, :person,"
                + " :type) ON CONFLICT DO NOTHING")
        .param("id", recordId)
        .param("person", personId)
        .param("type", type)
        .update();
  }

  private void close(UUID recordId, Instant at) {
    jdbc.sql("UPDATE person_record SET closed_at = :at WHERE record_id = :id")
        .param("id", recordId)
        .param("at", at == null ? null : java.sql.Timestamp.from(at), java.sql.Types.TIMESTAMP)
        .update();
  }
}
