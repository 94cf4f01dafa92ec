package org.maplebridge.platform.storage;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on PostgreSQL through its JDBC engine (the event store, tokens, sagas and dead letters live
 * in the tables Flyway creates). The read models' processors are set up from the read models
 * themselves ({@link ReadModelProcessors}); here handler errors are made to propagate, so a failing
 * event is retried or parked in its group's dead-letter queue instead of being skipped.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {
  static final int EVENTS_PER_READ = 1000;

  @Bean
  PersistenceExceptionResolver persistenceExceptionResolver() {
    return new PostgresDuplicateKeyResolver();
  }

  /**
   * Axon's own JDBC engine, as Axon's auto-configuration builds it, but reading 1,000 events per
   * query instead of 100: each projection reads the whole stream when it is rebuilt, and a case
   * with thousands of events loads in fewer round trips (measured in the benchmark's replay).
   */
  @Bean
  EventStorageEngine eventStorageEngine(
      Serializer serializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      org.axonframework.config.Configuration configuration,
      ConnectionProvider connectionProvider,
      TransactionManager transactionManager) {
    return JdbcEventStorageEngine.builder()
        .snapshotSerializer(serializer)
        .upcasterChain(configuration.upcasterChain())
        .persistenceExceptionResolver(persistenceExceptionResolver)
        .eventSerializer(eventSerializer)
        .snapshotFilter(configuration.snapshotFilter())
        .connectionProvider(connectionProvider)
        .transactionManager(transactionManager)
        .schema(new EventSchema())
        .batchSize(EVENTS_PER_READ)
        .build();
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
