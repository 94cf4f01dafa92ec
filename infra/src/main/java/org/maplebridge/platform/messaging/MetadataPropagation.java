package org.maplebridge.platform.messaging;

import java.util.Map;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.maplebridge.events.MetadataKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Copies who acted, in which role and unit, and for which request, from each command to every event
 * it causes, so that the event store keeps the who/when/why of each change. The causation id names
 * the command itself.
 */
@Configuration(proxyBeanMethods = false)
class MetadataPropagation {

  @Bean
  CorrelationDataProvider actorAndRequest() {
    return new SimpleCorrelationDataProvider(
        MetadataKeys.USER,
        MetadataKeys.ROLE,
        MetadataKeys.UNIT,
        MetadataKeys.CORRELATION_ID,
        MetadataKeys.IDEMPOTENCY_KEY);
  }

  @Bean
  CorrelationDataProvider causation() {
    return message -> Map.of("causationId", message.getIdentifier());
  }
}
