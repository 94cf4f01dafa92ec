package org.maplebridge.intake;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.maplebridge.events.intake.CareTeamMemberAdded;
import org.maplebridge.events.intake.CareTeamMemberRemoved;
import org.maplebridge.events.intake.CounsellorAssigned;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.events.privacy.PersonErased;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The write side's own record of who is on the care team of each client's cases, so that a
 * counsellor already caring for a returning client can take them in again without asking for their
 * birth date. A subscribing processor: written in the same transaction as the intake's events.
 */
@Component
@ProcessingGroup(ClientCare.GROUP)
class ClientCare {
  static final String GROUP = "client-care";
  private final JdbcClient jdbc;

  ClientCare(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(IntakeOpened event) {
    jdbc.sql(
            "INSERT INTO client_case (intake_id, client_id) VALUES (:id, :client)"
                + " ON CONFLICT DO NOTHING")
        .param("id", event.intakeId())
        .param("client", event.clientId())
        .update();
    join(event.intakeId(), event.openedBy());
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
    jdbc.sql("DELETE FROM client_care WHERE intake_id = :id AND username = :who")
        .param("id", event.intakeId())
        .param("who", event.member())
        .update();
  }

  /**
   * An erased person is nobody's client any more: the registry forgets them (their reference and
   * the digest of their birth date, against which dates could be tried), so that no reference or id
   * takes them in or names them on a crisis contact again, whoever cared for them (their new
   * records would get keys that no erasure reaches: erased is final). The reference is never given
   * again: the counter behind it stays. Clients merged into the person were the same person and go
   * with them.
   */
  @EventHandler
  void on(PersonErased event) {
    jdbc.sql("DELETE FROM client_registry WHERE client_id = :person OR merged_into = :person")
        .param("person", event.personId())
        .update();
  }

  private void join(UUID intakeId, String username) {
    jdbc.sql(
            """
            INSERT INTO client_care (intake_id, client_id, username)
            SELECT intake_id, client_id, :who FROM client_case WHERE intake_id = :id
            ON CONFLICT DO NOTHING
            """)
        .param("id", intakeId)
        .param("who", username)
        .update();
  }
}
