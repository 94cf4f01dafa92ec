package org.maplebridge.platform.storage;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on PostgreSQL through its JDBC engine (the event store, tokens, sagas and dead letters live
 * in the tables Flyway creates). The projections' processors are set up in application.yml (mode,
 * segments, batch size, dead-letter queue); here their handler errors are made to propagate, so a
 * failing event is retried or parked in its group's dead-letter queue instead of being skipped.
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
  ConfigurerModule handlerErrorsPropagate() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerDefaultListenerInvocationErrorHandler(
                config -> PropagatingErrorHandler.instance());
  }
}
