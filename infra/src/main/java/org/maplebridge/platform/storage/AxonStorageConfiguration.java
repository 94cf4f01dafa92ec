package org.maplebridge.platform.storage;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on PostgreSQL through its JDBC engine (the event store, tokens, sagas and dead letters live
 * in the tables Flyway creates). Every processing group is a pooled streaming processor whose
 * handler errors propagate, so a failing event is retried or parked in that group's dead-letter
 * queue instead of being skipped.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

  @Bean
  PersistenceExceptionResolver persistenceExceptionResolver() {
    return new PostgresDuplicateKeyResolver();
  }

  @Bean
  HandlerEnhancerDefinition savepointPerEventHandler(PlatformTransactionManager transactions) {
    return new SavepointPerEventHandler(transactions);
  }

  @Bean
  SagaSqlSchema sagaSqlSchema() {
    return new PostgresSagaSqlSchema();
  }

  @Bean
  ConfigurerModule eventProcessingDefaults(
      @Value("${maplebridge.processing.batch-size:100}") int batchSize,
      @Value("${maplebridge.processing.segments:4}") int segments) {
    return configurer ->
        configurer
            .eventProcessing()
            .usingPooledStreamingEventProcessors(
                (config, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments))
            .registerDefaultListenerInvocationErrorHandler(
                config -> PropagatingErrorHandler.instance());
  }
}
