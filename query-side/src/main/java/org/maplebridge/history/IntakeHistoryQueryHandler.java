package org.maplebridge.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.maplebridge.caseload.IntakeScope;
import org.maplebridge.caseload.IntakeScopes;
import org.maplebridge.events.MetadataKeys;
import org.maplebridge.read.ScopedPayload;
import org.springframework.stereotype.Component;

/**
 * The event store is the history: every step with actor and time, read from the case's own event
 * stream and shown through the viewer's scope.
 */
@Component
class IntakeHistoryQueryHandler {
  private final EventStore events;
  private final IntakeScopes scopes;
  private final ObjectMapper json;

  IntakeHistoryQueryHandler(EventStore events, IntakeScopes scopes, ObjectMapper json) {
    this.events = events;
    this.scopes = scopes;
    this.json = json;
  }

  @QueryHandler
  public Optional<IntakeHistory> handle(FindIntakeHistory query) {
    Optional<IntakeScope> scope = scopes.of(query.intakeId(), query.viewer());
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    List<HistoryEntry> entries = new ArrayList<>();
    DomainEventStream stream = events.readEvents(query.intakeId().toString());
    while (stream.hasNext()) {
      DomainEventMessage<?> event = stream.next();
      if (query.asOf() != null && event.getTimestamp().isAfter(query.asOf())) {
        break;
      }
      entries.add(
          new HistoryEntry(
              event.getSequenceNumber(),
              event.getPayloadType().getSimpleName(),
              event.getTimestamp(),
              (String) event.getMetaData().get(MetadataKeys.USER),
              (String) event.getMetaData().get(MetadataKeys.ROLE),
              ScopedPayload.of(
                  event.getPayload(),
                  scope.get().showsIdentity(),
                  scope.get().showsClinical(),
                  json)));
    }
    return Optional.of(new IntakeHistory(entries));
  }
}
