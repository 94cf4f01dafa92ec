package org.maplebridge.platform.storage;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL's superuser password. zonky's initdb trusts every local connection, so
 * anyone on the machine could read every record over 127.0.0.1; before each start the data
 * directory is made to ask for a password (scram-sha-256) instead.
 *
 * <p>The password is made at random the first time and kept in {@value #FILE} in the data
 * directory, readable by its owner only. A data directory made by an earlier version (trust) gets
 * its password the same way: it is set in PostgreSQL's single-user mode, while the server is not
 * running, so no trusted connection is ever open on the network.
 */
final class DatabasePassword {
  static final String FILE = "maplebridge-db-password";

  /** The first line of the pg_hba.conf we write: a directory carrying it asks for passwords. */
  static final String HBA_MARKER = "# MapleBridge: every connection needs the password";

  private static final String HBA =
      HBA_MARKER
          + " in "
          + FILE
          + "\n"
          + "local   all          all                  scram-sha-256\n"
          + "host    all          all   127.0.0.1/32   scram-sha-256\n"
          + "host    all          all   ::1/128        scram-sha-256\n"
          + "local   replication  all                  scram-sha-256\n"
          + "host    replication  all   127.0.0.1/32   scram-sha-256\n"
          + "host    replication  all   ::1/128        scram-sha-256\n";

  private DatabasePassword() {}

  /** The password of a data directory that already asks for one. */
  static Optional<String> kept(Path dataDirectory) {
    try {
      Path file = dataDirectory.resolve(FILE);
      Path hba = dataDirectory.resolve("pg_hba.conf");
      if (Files.exists(file) && Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER)) {
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes the data directory ask for {@code password}, unless it already asks for its kept one (new
   * directories, and those made by an earlier version, trust every local user). Runs while the
   * server is stopped.
   *
   * @param binaries zonky's working directory, where it unpacked the PostgreSQL binaries
   */
  static void require(Path dataDirectory, Path binaries, String password) {
    if (kept(dataDirectory).isPresent()) {
      return;
    }
    try {
      // The file first: a crash before pg_hba.conf is rewritten sets a new password next time.
      writeOwnerOnly(dataDirectory.resolve(FILE), password);
      setInSingleUserMode(dataDirectory, postgresBinary(dataDirectory, binaries), password);
      writeOwnerOnly(dataDirectory.resolve("pg_hba.conf"), HBA);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 32 random bytes, URL-safe Base64: no quote or backslash to escape in SQL. */
  static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    Files.createFile(
        temporary,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  private static void setInSingleUserMode(Path dataDirectory, Path postgres, String password)
      throws IOException {
    List<String> command = new ArrayList<>();
    // As zonky does: PostgreSQL refuses to run as root, so root runs it in a user namespace.
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(
        List.of(
            postgres.toString(),
            "--single",
            "-D",
            dataDirectory.toString(),
            "-F",
            "-c",
            "exit_on_error=true",
            "-c",
            "password_encryption=scram-sha-256",
            "postgres"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            // Its echo of the session is of no use and must not end up in a log.
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (var input = process.getOutputStream()) {
      input.write(
          ("ALTER ROLE postgres PASSWORD '" + password + "';\n").getBytes(StandardCharsets.UTF_8));
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("PostgreSQL single-user mode did not finish in 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while setting the database password", e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "Could not set the embedded database's password in "
              + dataDirectory
              + " (PostgreSQL single-user mode exited with "
              + process.exitValue()
              + ")");
    }
  }

  /**
   * The {@code postgres} binary zonky unpacked (in {@code PG-<digest>/bin}) whose major version is
   * the data directory's; the newest if several are there.
   */
  private static Path postgresBinary(Path dataDirectory, Path binaries) throws IOException {
    String major = Files.readString(dataDirectory.resolve("PG_VERSION")).trim();
    try (Stream<Path> unpacked = Files.list(binaries)) {
      Optional<Path> found =
          unpacked
              .filter(dir -> dir.getFileName().toString().startsWith("PG-"))
              .filter(dir -> Files.isExecutable(dir.resolve("bin/postgres")))
              .filter(dir -> major.equals(majorVersionOf(dir)))
              .max(Comparator.comparingLong(dir -> dir.toFile().lastModified()))
              .map(dir -> dir.resolve("bin/postgres"));
      return found.orElseThrow(
          () ->
              new IllegalStateException(
                  "No PostgreSQL " + major + " binaries in " + binaries + " for " + dataDirectory));
    }
  }

  /** The major version of unpacked binaries: their catalog file starts with "# PostgreSQL 17". */
  private static String majorVersionOf(Path unpacked) {
    try (Stream<String> lines = Files.lines(unpacked.resolve("share/postgresql/postgres.bki"))) {
      return lines.findFirst().map(line -> line.replace("# PostgreSQL", "").trim()).orElse("");
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }
}
