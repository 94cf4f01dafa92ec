package org.maplebridge.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A PostgreSQL server of the test's own (the platform sees an external server), which the test can
 * crash with an immediate shutdown and start again on the same data.
 */
final class DatabaseServer implements AutoCloseable {
  private final Path data;
  private final int port;
  private EmbeddedPostgres server;

  DatabaseServer(Path data, int port) throws IOException {
    this.data = data;
    this.port = port;
    start();
  }

  void start() throws IOException {
    server =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            .start();
  }

  /**
   * PostgreSQL's immediate shutdown (SIGQUIT to the postmaster): every connection is cut, nothing
   * is checkpointed, and the next start recovers from the write-ahead log, as after a crash.
   */
  void crash() throws Exception {
    long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    new ProcessBuilder("kill", "-QUIT", String.valueOf(pid)).start().waitFor();
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    try {
      server.close(); // releases zonky's lock on the data directory; the server is gone already
    } catch (Exception alreadyStopped) {
      // expected
    }
    Files.deleteIfExists(data.resolve("postmaster.pid"));
  }

  Duration restart() throws IOException {
    long started = System.nanoTime();
    start();
    return Duration.ofNanos(System.nanoTime() - started);
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  List<String> platformSettings() {
    return List.of("--maplebridge.db.url=" + url(), "--maplebridge.db.username=postgres");
  }

  JdbcClient jdbc() {
    return JdbcClient.create(new DriverManagerDataSource(url(), "postgres", ""));
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
