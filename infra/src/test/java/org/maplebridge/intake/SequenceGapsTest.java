package org.maplebridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.intake.IntakeCommands.AddSessionNote;
import org.maplebridge.write.ActorMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reliability, sequence gaps: some writes hold their transaction open for seconds (their events'
 * global positions stay gaps while later writes commit), some roll back (their positions stay gaps
 * for ever). After quiescence the projection holds exactly the committed events: none skipped, none
 * applied twice, none from a rolled-back write.
 */
class SequenceGapsTest extends PlatformTest {
  private static final Actor ALICE = new Actor("alice", Role.COUNSELLOR, "north");

  @Autowired CommandGateway commands;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void projectionsSeeExactlyTheCommittedEventsAcrossHeldAndRolledBackTransactions()
      throws Exception {
    Api alice = as("alice");
    List<String> intakes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String id = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
      alice.post(
          "/api/intakes/" + id + "/consents",
          "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
      intakes.add(id);
    }
    Set<String> committed = ConcurrentHashMap.newKeySet();
    Set<String> rolledBack = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        boolean rollBack = i % 2 == 1;
        String intake = intakes.get(i);
        work.add(
            pool.submit(
                () ->
                    heldNote(
                        intake,
                        2_000 + 300L * (rollBack ? 1 : 2),
                        rollBack,
                        committed,
                        rolledBack)));
      }
      Thread.sleep(300);
      for (int i = 0; i < 24; i++) {
        String intake = intakes.get(6 + i % 2);
        work.add(
            pool.submit(
                () -> {
                  String text = "Quick note " + UUID.randomUUID();
                  String body = "{\"text\":\"" + text + "\"}";
                  // Notes racing on one case conflict (409); a client tries again.
                  for (int attempt = 0; attempt < 20; attempt++) {
                    int status = alice.post("/api/intakes/" + intake + "/notes", body).status();
                    if (status == 201) {
                      committed.add(text);
                      return;
                    }
                  }
                }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(committed).hasSize(3 + 24);
    assertThat(rolledBack).hasSize(3);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(notesProjected()).containsExactlyInAnyOrderElementsOf(committed));
    JsonNode report = as("admin").get("/api/admin/reconciliation").json();
    assertThat(report.get("differenceCount").asLong()).as(report.toString()).isZero();
    assertThat(notesProjected()).doesNotContainAnyElementsOf(rolledBack);
  }

  private void heldNote(
      String intake, long holdMillis, boolean rollBack, Set<String> committed, Set<String> rolled) {
    String text = "Held note " + UUID.randomUUID();
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              commands.sendAndWait(
                  GenericCommandMessage.asCommandMessage(
                          new AddSessionNote(UUID.fromString(intake), UUID.randomUUID(), text))
                      .withMetaData(ActorMetadata.of(ALICE)));
              try {
                Thread.sleep(holdMillis);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (rollBack) {
                status.setRollbackOnly();
              }
            });
    (rollBack ? rolled : committed).add(text);
  }

  private List<String> notesProjected() {
    return jdbc.sql(
            "SELECT text FROM intake_note WHERE text LIKE 'Held note %' OR text LIKE"
                + " 'Quick note %'")
        .query(String.class)
        .list();
  }
}
