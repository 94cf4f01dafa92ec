package org.maplebridge.caseload;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.maplebridge.events.client.ClientsMerged;
import org.maplebridge.read.ProjectionWrites;
import org.springframework.stereotype.Component;

/**
 * A merged client's cases are the surviving client's from the merge on: the caseload and the case
 * show the client who stayed, and the duplicate, left without cases, is no longer a client of the
 * unit (nor a possible duplicate). The duplicate's events are untouched: its cases' histories still
 * show the reference they were opened under. Part of the caseload's processing group, so the update
 * follows the cases it moves; the case's version stays that of its own events. A replay (the
 * caseload's reset empties these rows) ends in the same rows; a chain of merges too, as each merge
 * moves whatever cases the duplicate has by then. The duplicate's identity remembers whom it was
 * merged into, so that erasing that person erases it too.
 */
@Component
@ProcessingGroup(CaseloadProjection.GROUP)
class MergedClientCases {
  private final ProjectionWrites writes;

  MergedClientCases(ProjectionWrites writes) {
    this.writes = writes;
  }

  @EventHandler
  void on(ClientsMerged event) {
    writes
        .sql(
            "UPDATE intake_view SET client_id = :surviving, client_reference = :reference"
                + " WHERE client_id = :duplicate")
        .param("surviving", event.survivingClientId())
        .param("reference", event.survivingReference())
        .param("duplicate", event.duplicateClientId())
        .update();
    writes
        .sql("UPDATE client_identity SET merged_into = :surviving WHERE client_id = :duplicate")
        .param("surviving", event.survivingClientId())
        .param("duplicate", event.duplicateClientId())
        .update();
  }
}
