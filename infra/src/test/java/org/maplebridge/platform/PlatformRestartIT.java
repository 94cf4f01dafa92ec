package org.maplebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * The packaged platform as an operator runs it: killed with SIGKILL, it comes back on the same data
 * directory with its data (the embedded PostgreSQL it left behind is stopped first); stopped with
 * SIGTERM, it stops PostgreSQL too. Started again without demo mode, the demo accounts (whose
 * password is published) no longer sign in, and a real administrator is made.
 */
class PlatformRestartIT {
  private static final String INTAKE =
      """
      {"client":{"name":"Wang Fang","birthDate":"1985-06-01","phone":"13900000000"},
       "source":"PHONE","concern":"Panic attacks","urgency":"URGENT"}
      """;

  @TempDir Path work;

  @Test
  void aKilledPlatformComesBackWithItsDataAndAStoppedOneLeavesNothingRunning() throws Exception {
    Path data = work.resolve("postgres");
    int http = freePort();
    int database = freePort();

    Process first = start(data, http, database, "first", true);
    Duration firstStart = awaitHealthy(http, first);
    Api alice = Api.at(http, "alice", PlatformTest.PASSWORD);
    Response opened = alice.post("/api/intakes", INTAKE);
    assertThat(opened.status()).isEqualTo(201);
    String id = opened.id();
    Api carol = Api.at(http, "carol", PlatformTest.PASSWORD);
    String crisis =
        carol
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    assertThat(
            carol
                .post("/api/crises/" + crisis + "/risk-assessments", "{\"level\":\"IMMINENT\"}")
                .status())
        .isEqualTo(201);

    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(data.resolve("postmaster.pid")).as("PostgreSQL outlives a killed platform").exists();

    Process second = start(data, http, database, "second", true);
    Duration recovery = awaitHealthy(http, second);
    Response read =
        alice
            .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
            .get("/api/intakes/" + id);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().get("clientReference").asText()).matches("C-\\d{4}-\\d{6}");
    // The escalation deadlines fell due while the platform was down: they fire after the restart.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(carol.get("/api/crises/" + crisis).json().path("escalations").toString())
                    .contains("EMERGENCY_SERVICES"));
    System.out.printf(
        "Platform start: %d ms on a new data directory, %d ms after kill -9%n",
        firstStart.toMillis(), recovery.toMillis());

    second.destroy();
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("orderly shutdown").isTrue();
    assertThat(data.resolve("postmaster.pid"))
        .as("PostgreSQL stopped with the platform")
        .doesNotExist();

    Process withoutDemo = start(data, http, database, "without-demo", false);
    awaitHealthy(http, withoutDemo);
    for (String demoAccount : List.of("admin", "alice", "sam")) {
      assertThat(Api.at(http, demoAccount, PlatformTest.PASSWORD).get("/api/providers").status())
          .as(demoAccount + " with the demo password outside demo mode")
          .isEqualTo(401);
    }
    String log = Files.readString(Path.of("target", "restart-it-without-demo.log"));
    Matcher printed = Pattern.compile("created user 'admin' with password (\\S+)").matcher(log);
    assertThat(printed.find()).as("a real administrator takes the demo one's place").isTrue();
    assertThat(Api.at(http, "admin", printed.group(1)).get("/api/providers").status())
        .as("who must first choose a password of their own")
        .isEqualTo(403);
    withoutDemo.destroy();
    assertThat(withoutDemo.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  private Process start(Path data, int http, int database, String name, boolean demo)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = Path.of("target", "restart-it-" + name + ".log");
    return new ProcessBuilder(
            List.of(
                java,
                "-jar",
                System.getProperty("maplebridge.jar"),
                "--server.port=" + http,
                "--maplebridge.demo=" + demo,
                "--maplebridge.deadlines.escalation-ack.imminent=PT4S",
                "--maplebridge.embedded-postgres.data-directory=" + data,
                "--maplebridge.embedded-postgres.port=" + database))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static Duration awaitHealthy(int port, Process process) throws InterruptedException {
    long started = System.nanoTime();
    Api anonymous = Api.anonymousAt(port);
    while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(120)) {
      assertThat(process.isAlive()).as("platform process alive").isTrue();
      try {
        Response health = anonymous.get("/actuator/health");
        if (health.status() == 200) {
          return Duration.ofNanos(System.nanoTime() - started);
        }
      } catch (IllegalStateException notYetListening) {
        // keep waiting
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Platform not healthy within 120 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
