package org.maplebridge.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.maplebridge.events.Actor;
import org.maplebridge.events.MetadataKeys;
import org.maplebridge.events.access.AccessRefused;
import org.maplebridge.events.access.RecordViewed;
import org.springframework.stereotype.Component;

/**
 * Records every view of identity or clinical content as a {@link RecordViewed} event, and every
 * refused look as an {@link AccessRefused} event. Called where the data is read, so no route to the
 * data escapes it.
 */
@Component
public class AccessLog {
  public static final String ROUTINE = "ROUTINE";
  private final EventGateway events;

  AccessLog(EventGateway events) {
    this.events = events;
  }

  public void viewed(
      Actor viewer, String recordType, UUID recordId, String recordUnit, String scope) {
    viewed(viewer, recordType, recordId, recordUnit, scope, ROUTINE);
  }

  public void viewed(
      Actor viewer,
      String recordType,
      UUID recordId,
      String recordUnit,
      String scope,
      String purpose) {
    events.publish(view(viewer, recordType, recordId, recordUnit, scope, purpose));
  }

  /** Views of several records of one unit in one list: recorded together, in one transaction. */
  public void viewedEach(
      Actor viewer, String recordType, List<UUID> recordIds, String recordUnit, String scope) {
    if (recordIds.isEmpty()) {
      return;
    }
    List<EventMessage<RecordViewed>> views = new ArrayList<>();
    for (UUID recordId : recordIds) {
      views.add(view(viewer, recordType, recordId, recordUnit, scope, ROUTINE));
    }
    events.publish(views);
  }

  /**
   * A refused look at a record: {@code attempted} names the query; {@code recordUnit} is null where
   * no such record exists.
   */
  public void refused(
      Actor viewer, String attempted, String recordType, UUID recordId, String recordUnit) {
    events.publish(
        GenericEventMessage.<AccessRefused>asEventMessage(
                new AccessRefused(
                    UUID.randomUUID(),
                    viewer.username(),
                    viewer.role().name(),
                    attempted,
                    recordType,
                    recordId,
                    recordUnit))
            .andMetaData(who(viewer)));
  }

  private static EventMessage<RecordViewed> view(
      Actor viewer,
      String recordType,
      UUID recordId,
      String recordUnit,
      String scope,
      String purpose) {
    RecordViewed view =
        new RecordViewed(
            UUID.randomUUID(),
            viewer.username(),
            viewer.role().name(),
            recordType,
            recordId,
            recordUnit,
            scope,
            purpose,
            false);
    return GenericEventMessage.<RecordViewed>asEventMessage(view).andMetaData(who(viewer));
  }

  private static Map<String, Object> who(Actor viewer) {
    return Map.of(
        MetadataKeys.USER, viewer.username(),
        MetadataKeys.ROLE, viewer.role().name(),
        MetadataKeys.UNIT, viewer.unit() == null ? "" : viewer.unit());
  }
}
