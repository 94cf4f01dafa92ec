package org.maplebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.maplebridge.Api;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acknowledged (the client's record) vs stored (the event store): every acknowledged write stored
 * exactly once. Stored vs projected is the platform's own reconciliation report.
 */
final class Reconciler {
  private final JdbcClient jdbc;

  Reconciler(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits until the platform's own report says caught up, no difference, nothing unstored. */
  static void awaitCleanReport(Api admin) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode report = admin.get("/api/admin/reconciliation").json();
              assertThat(report.get("caughtUp").asBoolean()).isTrue();
              assertThat(report.get("differenceCount").asLong()).as(report.toString()).isZero();
              assertThat(report.get("acknowledgedButNotStored")).isEmpty();
            });
  }

  record Outcome(int acknowledged, List<String> lost, List<String> duplicated) {}

  Outcome check(Workload workload) {
    List<String> lost = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    int acknowledged = 0;
    for (Workload.Ack ack : workload.acknowledged) {
      acknowledged++;
      long stored =
          jdbc.sql(
                  """
                  SELECT count(*) FROM domainevententry
                  WHERE aggregateidentifier = :record AND payloadtype LIKE :type
                    AND position(convert_to(:created, 'UTF8') IN payload) > 0
                  """)
              .param("record", ack.recordId())
              .param("type", "%." + ack.kind())
              .param("created", ack.createdId())
              .query(Long.class)
              .single();
      if (stored == 0) {
        lost.add(ack.toString());
      } else if (stored > 1) {
        duplicated.add(ack.toString());
      }
    }
    return new Outcome(acknowledged, lost, duplicated);
  }
}
