package org.maplebridge.platform.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.maplebridge.events.MetadataKeys;
import org.maplebridge.events.Role;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Copies who acted, in which role and unit, and for which request, from each command to every event
 * it causes, so the event store keeps the who/when/why of each change. What a deadline causes is
 * the platform's own doing: its events name the system, not whoever set the deadline. The causation
 * id names the message that caused the event.
 */
@Configuration(proxyBeanMethods = false)
class MetadataPropagation {
  static final String CAUSATION_ID = "causationId";

  @Bean
  CorrelationDataProvider actorAndRequest() {
    return message -> {
      MetaData metadata = message.getMetaData();
      Map<String, Object> data = new HashMap<>();
      if (message instanceof DeadlineMessage<?>) {
        data.put(MetadataKeys.USER, "system");
        data.put(MetadataKeys.ROLE, Role.SYSTEM.name());
        data.put(MetadataKeys.AUTHORITIES, "ROLE_" + Role.SYSTEM.name());
      } else {
        copy(metadata, data, MetadataKeys.USER);
        copy(metadata, data, MetadataKeys.ROLE);
        copy(metadata, data, MetadataKeys.AUTHORITIES);
        copy(metadata, data, MetadataKeys.PROVIDER);
      }
      copy(metadata, data, MetadataKeys.UNIT);
      copy(metadata, data, MetadataKeys.CORRELATION_ID);
      copy(metadata, data, MetadataKeys.IDEMPOTENCY_KEY);
      data.put(CAUSATION_ID, message.getIdentifier());
      return data;
    };
  }

  /**
   * Deadlines run outside any command: without this, what they cause would carry no actor at all.
   */
  @Bean
  InitializingBean deadlinesRecordTheSystemAsActor(
      DeadlineManager deadlines, List<CorrelationDataProvider> providers) {
    return () -> deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
  }

  private static void copy(MetaData from, Map<String, Object> to, String key) {
    Object value = from.get(key);
    if (value != null) {
      to.put(key, value);
    }
  }
}
