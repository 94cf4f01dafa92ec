package org.maplebridge.read;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL for the read models' own tests: one embedded server for the test run, a new
 * database per test class with the query side's migrations, and the beans a projection and its
 * query handler need. Published events (the access log) are collected instead of stored.
 */
public class ReadModelDatabase {
  private static EmbeddedPostgres server;

  private final DataSource dataSource;
  private final List<Object> published = new ArrayList<>();

  public ReadModelDatabase() {
    String database = "rm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = server().getPostgresDatabase().getConnection()) {
      admin.createStatement().execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    dataSource = server().getDatabase("postgres", database);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  @Bean
  public DataSource dataSource() {
    return dataSource;
  }

  @Bean
  public JdbcClient jdbcClient() {
    return JdbcClient.create(dataSource);
  }

  @Bean
  public NamedParameterJdbcTemplate namedParameterJdbcTemplate() {
    return new NamedParameterJdbcTemplate(dataSource);
  }

  @Bean
  public EventGateway eventGateway() {
    return new EventGateway() {
      @Override
      public void publish(List<?> events) {
        events.forEach(
            event ->
                published.add(
                    event instanceof EventMessage<?> message ? message.getPayload() : event));
      }

      @Override
      public Registration registerDispatchInterceptor(
          MessageDispatchInterceptor<? super EventMessage<?>> interceptor) {
        return () -> true;
      }
    };
  }

  /** The payloads published so far (views recorded, refusals), in order. */
  public List<Object> published() {
    return published;
  }
}
