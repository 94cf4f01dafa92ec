package org.maplebridge.platform.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL 17 in a persistent data directory when no external database is configured.
 * Commits are synchronous, so an acknowledged write survives a crash; the server stops after the
 * Spring context (Axon first), not from zonky's own shutdown hook; a server left behind by a killed
 * platform is stopped before the new one starts. Every connection needs the superuser's password,
 * made at random on the first start and kept in the data directory (see {@link DatabasePassword}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
    Path dataDirectory = properties.dataDirectory().toAbsolutePath();
    Files.createDirectories(dataDirectory);
    LeftoverServer.stopIfRunning(dataDirectory);
    // zonky's own default, made explicit: the password is set with the binaries it unpacks there.
    Path binaries =
        Path.of(
            System.getProperty(
                "ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
    // Known before the server starts: zonky checks the server is up by signing in with it.
    String password = DatabasePassword.kept(dataDirectory).orElseGet(DatabasePassword::random);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setOverrideWorkingDirectory(binaries.toFile())
            .setPGStartupWait(Duration.ofSeconds(60))
            // After zonky's initdb (which trusts every local user), before the server starts.
            .setDataDirectoryCustomizer(
                directory -> DatabasePassword.require(directory.toPath(), binaries, password))
            .setConnectConfig("password", password)
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("password_encryption", "scram-sha-256")
            .setServerConfig("max_connections", "100");
    if (properties.port() > 0) {
      builder.setPort(properties.port());
    }
    EmbeddedPostgres postgres = builder.start();
    log.info(
        "Embedded PostgreSQL 17 on 127.0.0.1:{} with data in {} (password in {})",
        postgres.getPort(),
        dataDirectory,
        DatabasePassword.FILE);
    return new EmbeddedDatabase(postgres, password);
  }

  /**
   * The pool gets the same spring.datasource.hikari settings as for an external server (time-outs,
   * the idle-in-transaction limit, driver settings).
   */
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedDatabase database) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(database.server().getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPassword(database.password());
    return dataSource;
  }

  /** The running server and its superuser's password. */
  record EmbeddedDatabase(EmbeddedPostgres server, String password) implements Closeable {
    @Override
    public void close() throws IOException {
      server.close();
    }

    @Override
    public String toString() {
      return "EmbeddedDatabase[port=" + server.getPort() + "]";
    }
  }

  /** A PostgreSQL still running on our data directory after the platform was killed. */
  static final class LeftoverServer {
    private LeftoverServer() {}

    static void stopIfRunning(Path dataDirectory) throws IOException {
      Path pidFile = dataDirectory.resolve("postmaster.pid");
      if (!Files.exists(pidFile)) {
        return;
      }
      requireNoLivePlatformOn(dataDirectory);
      List<String> lines = Files.readAllLines(pidFile);
      Optional<ProcessHandle> server =
          lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
      if (server.isPresent() && server.get().isAlive()) {
        log.warn(
            "Stopping a PostgreSQL left running on {} (pid {})", dataDirectory, server.get().pid());
        // SIGTERM is PostgreSQL's "smart" shutdown; our connections died with the old platform.
        server.get().destroy();
        try {
          server.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          server.get().destroyForcibly();
        }
      }
      // A pid file whose server is gone would make the new server refuse to start.
      Files.deleteIfExists(pidFile);
    }

    /**
     * zonky holds a file lock in the data directory while its platform lives; a lock we can take
     * means the platform that started the server is gone.
     */
    private static void requireNoLivePlatformOn(Path dataDirectory) throws IOException {
      Path lockFile = dataDirectory.resolve("epg-lock");
      if (!Files.exists(lockFile)) {
        return;
      }
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
          FileLock lock = channel.tryLock()) {
        if (lock == null) {
          throw new IllegalStateException(
              "Another MapleBridge platform is using the database in " + dataDirectory);
        }
      } catch (OverlappingFileLockException e) {
        throw new IllegalStateException(
            "This process already runs a database in " + dataDirectory, e);
      }
    }

    private static Optional<Long> parsePid(String line) {
      try {
        return Optional.of(Long.parseLong(line.trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }
}
