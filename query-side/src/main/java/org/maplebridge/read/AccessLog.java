package org.maplebridge.read;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.maplebridge.events.Actor;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.MetadataKeys;
import org.maplebridge.events.PersonalData;
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

  /**
   * How long a list row's look stands for the viewer seeing the same content again: a board kept
   * open is recorded again at least this often, not on every redraw.
   */
  static final Duration LIST_LOOK_HOLDS = Duration.ofMinutes(15);

  private final EventGateway events;
  private final RecentLooks recent = new RecentLooks();

  AccessLog(EventGateway events) {
    this.events = events;
  }

  /**
   * The looks of one answer, each view in the scope it was shown in: recorded together, in one
   * write. Called once per query, by {@link ScopedViews}.
   */
  public void viewed(Actor viewer, List<ScopedView> views) {
    record(viewer, views);
  }

  /**
   * The looks of a list's rows (a board redrawn on every change, a caseload asked for again): only
   * the rows whose identity or clinical content the viewer newly sees, in a scope not recorded for
   * them within {@link #LIST_LOOK_HOLDS}; the rest were recorded when the viewer first saw them.
   * The access audit still tells who saw which record, in which scope, and from when.
   */
  void viewedInList(Actor viewer, List<ScopedView> views) {
    Instant now = Instant.now();
    List<ScopedView> news = views.stream().filter(view -> recent.isNew(viewer, view, now)).toList();
    record(viewer, news);
    // Remembered once stored: a look that failed to be recorded is tried again next time.
    news.forEach(view -> recent.remember(viewer, view, now));
  }

  private void record(Actor viewer, List<ScopedView> views) {
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

  /**
   * The list rows recorded lately, per viewer and record: the scope and the identity and clinical
   * content shown. Bounded; a row forgotten is recorded again, never left out.
   */
  private static final class RecentLooks {
    private static final int MOST = 50_000;

    private record Seen(String scope, String purpose, List<Object> content, Instant at) {}

    private final Map<String, Seen> seen =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > MOST;
          }
        };

    synchronized boolean isNew(Actor viewer, ScopedView view, Instant now) {
      Seen before = seen.get(key(viewer, view));
      return before == null
          || !before.scope().equals(view.scope().shown())
          || !before.purpose().equals(view.scope().purpose())
          || !before.content().equals(shownContent(view))
          || !before.at().plus(LIST_LOOK_HOLDS).isAfter(now);
    }

    synchronized void remember(Actor viewer, ScopedView view, Instant at) {
      seen.put(
          key(viewer, view),
          new Seen(view.scope().shown(), view.scope().purpose(), shownContent(view), at));
    }

    private static String key(Actor viewer, ScopedView view) {
      ScopedView.Look look = view.look();
      return viewer.username() + "\n" + look.recordType() + "\n" + look.recordId();
    }

    /** What of a person the row shows: its identity and clinical parts, as masked. */
    private static List<Object> shownContent(ScopedView view) {
      List<Object> content = new ArrayList<>();
      for (RecordComponent component : view.getClass().getRecordComponents()) {
        if (component.isAnnotationPresent(PersonalData.class)
            || component.isAnnotationPresent(ClinicalData.class)) {
          content.add(Masking.read(component, view));
        }
      }
      return content;
    }
  }

  private static Map<String, Object> who(Actor viewer) {
    return Map.of(
        MetadataKeys.USER, viewer.username(),
        MetadataKeys.ROLE, viewer.role().name(),
        MetadataKeys.UNIT, viewer.unit() == null ? "" : viewer.unit());
  }
}
