package org.maplebridge.read;

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

  /**
   * The looks of one answer, each view in the scope it was shown in: recorded together, in one
   * write. Called once per query, by {@link ScopedViews}.
   */
  public void viewed(Actor viewer, List<ScopedView> views) {
    if (views.isEmpty()) {
      return;
    }
    List<EventMessage<RecordViewed>> looks = new ArrayList<>();
    for (ScopedView view : views) {
      ScopedView.Look look = view.look();
      looks.add(
          view(
              viewer,
              look.recordType(),
              look.recordId(),
              look.recordUnit(),
              view.scope().shown(),
              view.scope().purpose()));
    }
    events.publish(looks);
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
