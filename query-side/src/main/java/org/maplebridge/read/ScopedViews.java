package org.maplebridge.read;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.stereotype.Component;

/**
 * Every query's answer leaves through here: each {@link ScopedView} in it, alone, in an {@code
 * Optional}, a list, or a record holding such a list (a page), is shown as its own scope allows
 * ({@link Masking}). Query handlers read whole views and never mask by hand. Axon's Spring
 * configuration puts every query handler interceptor bean on the query bus, once.
 */
@Component
class ScopedViews implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

  @Override
  public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    return shown(chain.proceed());
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
    RecordComponent[] components = holder.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    boolean changed = false;
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        Method accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        Object part = accessor.invoke(holder);
        values[i] = part instanceof List<?> || part instanceof ScopedView ? shown(part) : part;
        changed |= values[i] != part;
      }
      if (!changed) {
        return holder;
      }
      Constructor<?> canonical = holder.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot show " + holder.getClass(), e);
    }
  }
}
