package org.maplebridge.read;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.maplebridge.events.Actor;
import org.springframework.stereotype.Component;

/**
 * Every query's answer leaves through here: each {@link ScopedView} in it, alone, in an {@code
 * Optional}, a list, or a record holding such a list (a page) or view, is shown as its own scope
 * allows ({@link Masking}), and its look is recorded for the query's viewer, all of an answer's
 * looks in one write ({@link AccessLog}): every look at one record, and of a list's rows those
 * whose content the viewer newly sees (a live board redraws on every change). Query handlers read
 * whole views and neither mask nor record. Axon's Spring configuration puts every query handler
 * interceptor bean on the query bus, once.
 */
@Component
class ScopedViews implements MessageHandlerInterceptor<QueryMessage<?, ?>> {
  private final AccessLog accessLog;

  ScopedViews(AccessLog accessLog) {
    this.accessLog = accessLog;
  }

  @Override
  public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    Object answer = shown(chain.proceed());
    List<ScopedView> views = new ArrayList<>();
    collect(answer, views);
    if (views.isEmpty()) {
      return answer;
    }
    Actor viewer = viewerOf(unitOfWork.getMessage().getPayload());
    if (answer instanceof ScopedView || answer instanceof Optional<?>) {
      accessLog.viewed(viewer, views);
    } else {
      accessLog.viewedInList(viewer, views);
    }
    return answer;
  }

  /**
   * The views an answer shows: itself, in an Optional, a list, or a record holding a list or a view
   * (a lookup's answer holds the lookup itself, a look even when nothing matched).
   */
  private static void collect(Object answer, List<ScopedView> views) {
    if (answer instanceof ScopedView view) {
      views.add(view);
    } else if (answer instanceof Optional<?> one) {
      one.ifPresent(view -> collect(view, views));
    } else if (answer instanceof List<?> many) {
      many.forEach(view -> collect(view, views));
    } else if (answer != null && answer.getClass().isRecord()) {
      for (RecordComponent component : answer.getClass().getRecordComponents()) {
        if (List.class.isAssignableFrom(component.getType())
            || ScopedView.class.isAssignableFrom(component.getType())) {
          collect(Masking.read(component, answer), views);
        }
      }
    }
  }

  /** Every query that answers with views of a person's record names its viewer. */
  private static Actor viewerOf(Object query) {
    for (RecordComponent component : query.getClass().getRecordComponents()) {
      if (component.getType() == Actor.class) {
        return (Actor) Masking.read(component, query);
      }
    }
    throw new IllegalStateException(query.getClass() + " shows a record but names no viewer");
  }

  static Object shown(Object answer) {
    if (answer instanceof ScopedView view) {
      return Masking.apply(view, view.scope());
    }
    if (answer instanceof Optional<?> one) {
      return one.map(ScopedViews::shown);
    }
    if (answer instanceof List<?> many) {
      return many.stream().map(ScopedViews::shown).toList();
    }
    if (answer != null && answer.getClass().isRecord()) {
      return withShownParts(answer);
    }
    return answer;
  }

  /** A record holding views (a page, a caseload): the same record with each view shown. */
  private static Object withShownParts(Object holder) {
    return Masking.rebuilt(
        holder,
        (component, part) ->
            part instanceof List<?> || part instanceof ScopedView ? shown(part) : part);
  }
}
