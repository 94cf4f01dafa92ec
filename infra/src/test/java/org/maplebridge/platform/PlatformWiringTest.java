package org.maplebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.maplebridge.events.intake.IntakeReopened;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.ClassUtils;

/** The platform's foundations, checked where a user or operator would notice them. */
class PlatformWiringTest extends PlatformTest {
  @Autowired EventStorageEngine storage;
  @Autowired DeadlineManager deadlines;
  @Autowired EventProcessingConfiguration processing;
  @Autowired EventStore eventStore;

  @Autowired
  @Qualifier("eventSerializer")
  Serializer eventSerializer;

  @Autowired Serializer generalSerializer;

  @Test
  void healthIsUpWithTheDatabaseAndTheProjections() {
    Response health = as("admin").get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    JsonNode components = health.json().get("components");
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
    assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
    assertThat(components.get("eventProcessors").get("details").has("caseload")).isTrue();
  }

  @Test
  void onlyHealthInfoAndPrometheusAreExposed() {
    Api anonymous = Api.anonymousAt(port);
    assertThat(anonymous.get("/actuator/info").status()).isEqualTo(200);
    assertThat(as("admin").get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    assertThat(as("admin").get("/actuator/env").status()).isEqualTo(404);
    assertThat(as("admin").get("/actuator/beans").status()).isEqualTo(404);
  }

  @Test
  void anonymousCallersAndStaffSeeOnlyTheStatusAndNoMetrics() {
    for (Api caller : List.of(Api.anonymousAt(port), as("alice"), as("sam"))) {
      Response health = caller.get("/actuator/health");
      assertThat(health.status()).isEqualTo(200);
      // The status, and the names of the probe groups (liveness, readiness).
      assertThat(health.json().properties())
          .extracting(java.util.Map.Entry::getKey)
          .containsOnly("status", "groups");
      assertThat(health.body()).doesNotContain("deadLetters").doesNotContain("position");
      assertThat(caller.get("/actuator/health/eventProcessors").body())
          .doesNotContain("deadLetters")
          .doesNotContain("caseload");
    }
    assertThat(Api.anonymousAt(port).get("/actuator/prometheus").status()).isEqualTo(401);
    Response staff = as("alice").get("/actuator/prometheus");
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.body()).doesNotContain("jvm_memory_used_bytes");
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() {
    JsonNode paths = Api.anonymousAt(port).get("/v3/api-docs").json().get("paths");
    assertThat(paths.has("/api/intakes")).isTrue();
    assertThat(paths.has("/api/intakes/{id}/screenings")).isTrue();
    assertThat(paths.has("/api/caseload")).isTrue();
    assertThat(paths.has("/api/intakes/{id}/history")).isTrue();
  }

  @Test
  void eventsAreStoredAsJsonInByteaWithWhoDidItAndWhy() throws Exception {
    String key = UUID.randomUUID().toString();
    String id =
        as("alice")
            .with("Idempotency-Key", key)
            .with("X-Correlation-Id", "call-42")
            .post("/api/intakes", NEW_CLIENT_INTAKE)
            .id();
    byte[] metadata =
        jdbc.sql("SELECT metadata FROM domainevententry WHERE aggregateidentifier = :id")
            .param("id", id)
            .query(byte[].class)
            .single();
    JsonNode stored = new ObjectMapper().readTree(metadata);
    assertThat(stored.get("user").asText()).isEqualTo("alice");
    assertThat(stored.get("role").asText()).isEqualTo("COUNSELLOR");
    assertThat(stored.get("unit").asText()).isEqualTo("north");
    assertThat(stored.get("correlationId").asText()).isEqualTo("call-42");
    assertThat(stored.get("idempotencyKey").asText()).isEqualTo(key);

    List<String> types =
        jdbc.sql(
                "SELECT table_name || '.' || column_name || ':' || data_type FROM"
                    + " information_schema.columns WHERE table_schema = current_schema() AND"
                    + " column_name IN ('payload', 'metadata', 'token', 'serializedsaga',"
                    + " 'diagnostics', 'task_data')")
            .query(String.class)
            .list();
    assertThat(types).isNotEmpty().allMatch(type -> type.endsWith(":bytea"));
    assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single())
        .isZero();
    assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
    assertThat(generalSerializer).isInstanceOf(JacksonSerializer.class);
  }

  @Test
  void aDemoPlatformListensOnLocalhostOnly(@Value("${server.address}") String address) {
    assertThat(address).isEqualTo("127.0.0.1");
  }

  @Test
  void acknowledgedCommitsAreSynchronous() {
    assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
  }

  @Test
  void projectionsParkFailingEventsInAPostgresDeadLetterQueue() {
    assertThat(processing.deadLetterQueue("caseload"))
        .get()
        .isInstanceOf(JdbcSequencedDeadLetterQueue.class);
  }

  @Test
  void axonServerIsAvailableButOffByDefault() {
    assertThat(
            ClassUtils.isPresent(
                "org.axonframework.axonserver.connector.AxonServerConfiguration", null))
        .isTrue();
    assertThat(eventStore).isNotInstanceOf(AxonServerEventStore.class);
  }

  @Test
  void deadlinesArePersistent() {
    assertThat(deadlines).isInstanceOf(DbSchedulerDeadlineManager.class);
  }

  @Test
  void aSecondEventAtTheSameSequenceIsAConflictNotAnError() {
    String id = as("alice").post("/api/intakes", NEW_CLIENT_INTAKE).id();
    as("alice")
        .post(
            "/api/intakes/" + id + "/consents",
            "{\"scope\":\"CONTACT\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    var reopened = new IntakeReopened(UUID.fromString(id), "twice", "alice");

    assertThatThrownBy(
            () -> storage.appendEvents(new GenericDomainEventMessage<>("Intake", id, 1L, reopened)))
        .isInstanceOf(ConcurrencyException.class);
    assertThatThrownBy(
            () -> storage.appendEvents(new GenericDomainEventMessage<>("Intake", id, 0L, reopened)))
        .isInstanceOf(AggregateStreamCreationException.class);
  }
}
