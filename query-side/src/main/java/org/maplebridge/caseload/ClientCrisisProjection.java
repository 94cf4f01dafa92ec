package org.maplebridge.caseload;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.maplebridge.events.crisis.CrisisClosed;
import org.maplebridge.events.crisis.CrisisContactOpened;
import org.maplebridge.events.crisis.CrisisReopened;
import org.maplebridge.read.ProjectionWrites;
import org.springframework.stereotype.Component;

/**
 * Keeps the caseload's own record of which crisis episodes about its clients are open, for the
 * returning-person lookup: part of the caseload read model (its processing group, its tables), kept
 * apart from the cases' projection because it follows another aggregate's events. Idempotent: a
 * change applies only to an older version of the episode.
 */
@Component
@ProcessingGroup(CaseloadProjection.GROUP)
class ClientCrisisProjection {
  private final ProjectionWrites writes;

  ClientCrisisProjection(ProjectionWrites writes) {
    this.writes = writes;
  }

  @EventHandler
  void on(CrisisContactOpened event, @SequenceNumber long version) {
    if (event.clientId() == null) {
      // An anonymous caller is nobody a lookup could find.
      return;
    }
    writes
        .sql(
            """
            INSERT INTO client_crisis (crisis_id, client_id, unit, closed, version)
            VALUES (:crisis, :client, :unit, FALSE, :version)
            ON CONFLICT (crisis_id) DO NOTHING
            """)
        .param("crisis", event.crisisId())
        .param("client", event.clientId())
        .param("unit", event.unit())
        .param("version", version)
        .update();
  }

  @EventHandler
  void on(CrisisClosed event, @SequenceNumber long version) {
    closed(event.crisisId(), true, version);
  }

  @EventHandler
  void on(CrisisReopened event, @SequenceNumber long version) {
    closed(event.crisisId(), false, version);
  }

  private void closed(UUID crisisId, boolean closed, long version) {
    writes
        .sql(
            "UPDATE client_crisis SET closed = :closed, version = :version"
                + " WHERE crisis_id = :crisis AND version < :version")
        .param("closed", closed)
        .param("version", version)
        .param("crisis", crisisId)
        .update();
  }

  @ResetHandler
  void reset() {
    writes.sql("TRUNCATE client_crisis").update();
  }
}
