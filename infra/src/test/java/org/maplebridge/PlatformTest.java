package org.maplebridge;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform on a real PostgreSQL and a real HTTP port, in demo mode. By default an
 * embedded PostgreSQL in a fresh directory; with {@code -Dmaplebridge.test.db-url=jdbc:...} an
 * external server, in a new schema per Spring context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "maplebridge.demo=true",
      "maplebridge.embedded-postgres.port=0",
      "maplebridge.read-your-writes.max-wait=PT10S"
    })
@AutoConfigureObservability
public abstract class PlatformTest {
  public static final String PASSWORD = "demo-only";

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String external = System.getProperty("maplebridge.test.db-url", "");
    if (!external.isBlank()) {
      // Each Spring context gets a schema of its own, so that contexts with different settings
      // do not run each other's deadlines or share projection work.
      String schema = "mb_" + UUID.randomUUID().toString().substring(0, 8);
      String url = external + (external.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      registry.add("spring.datasource.url", () -> url);
      registry.add("spring.flyway.schemas", () -> schema);
      registry.add(
          "spring.datasource.username",
          () -> System.getProperty("maplebridge.test.db-username", "postgres"));
      // The Spring contexts the test run keeps share this one server (100 connections): an idle
      // context keeps two, not its whole pool.
      registry.add("spring.datasource.hikari.minimum-idle", () -> "2");
      registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    } else {
      // Each Spring context (test classes with other settings get their own) needs its own server.
      Path data = temporaryDataDirectory();
      registry.add("maplebridge.embedded-postgres.data-directory", data::toString);
    }
  }

  private static Path temporaryDataDirectory() {
    try {
      return Files.createTempDirectory("maplebridge-test-pg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected Api as(String username) {
    return Api.at(port, username, PASSWORD);
  }

  /** The password the administrator gives new staff in tests; their own comes after. */
  public static final String ASSIGNED_PASSWORD = "given-by-the-administrator";

  /**
   * A staff member the administrator adds, approved by the privacy officer where the role needs it,
   * past the first sign-in's change to {@code ownPassword}.
   */
  protected Api addStaff(String username, String role, String unit, String ownPassword) {
    Api.Response added =
        as("admin")
            .post(
                "/api/admin/staff",
                "{\"username\":\"%s\",\"displayName\":\"%s\",\"role\":\"%s\",%s\"password\":\"%s\"}"
                    .formatted(
                        username,
                        username,
                        role,
                        unit == null ? "" : "\"unit\":\"" + unit + "\",",
                        ASSIGNED_PASSWORD));
    if (added.status() != 201) {
      throw new IllegalStateException("Not added: " + added);
    }
    if (List.of("SUPERVISOR", "ADMIN", "PRIVACY_OFFICER").contains(role)) {
      Api.Response approved = as("pat").post("/api/admin/staff/" + username + "/approval", "");
      if (approved.status() != 204) {
        throw new IllegalStateException("Not approved: " + approved);
      }
    }
    Api.Response changed =
        Api.at(port, username, ASSIGNED_PASSWORD)
            .post(
                "/api/me/password",
                "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}"
                    .formatted(ASSIGNED_PASSWORD, ownPassword));
    if (changed.status() != 204) {
      throw new IllegalStateException("Password not changed: " + changed);
    }
    return Api.at(port, username, ownPassword);
  }

  protected long eventsOf(String aggregateId) {
    return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id")
        .param("id", aggregateId)
        .query(Long.class)
        .single();
  }

  /** A demo provider of the north area offering the service, once the directory shows it. */
  protected String providerOffering(String serviceType) {
    String path = "/api/providers?serviceType=" + serviceType + "&area=north";
    await().atMost(Duration.ofSeconds(10)).until(() -> as("alice").get(path).json().size() > 0);
    return as("alice").get(path).json().get(0).get("id").asText();
  }

  /** The element of a JSON list whose {@code field} is {@code id}, or null. */
  protected static JsonNode findIn(JsonNode list, String field, String id) {
    for (JsonNode element : list) {
      if (element.path(field).asText().equals(id)) {
        return element;
      }
    }
    return null;
  }

  /** Intakes opened so far (counting all events would count other tests' deadlines too). */
  protected long intakesOpened() {
    return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.IntakeOpened'")
        .query(Long.class)
        .single();
  }

  public static final String NEW_CLIENT_INTAKE =
      """
      {"client":{"name":"Li Wei","birthDate":"1990-03-04","phone":"+86 138 0000 0000",
                 "nationalId":"110101199003040000","address":"12 Maple Road"},
       "source":"WALK_IN","concern":"Low mood for weeks, not sleeping","urgency":"SOON",
       "populationGroups":["STUDENT"]}
      """;
}
