package org.maplebridge.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maplebridge.platform.storage.EmbeddedPostgresConfiguration.EmbeddedDatabase;

/**
 * The embedded PostgreSQL lets no one in without the password: not another local user on 127.0.0.1,
 * not a wrong password; the password survives restarts, and a data directory made by an earlier
 * version (which trusted every local user) is closed on its next start, data kept.
 */
class EmbeddedDatabasePasswordTest {
  @TempDir Path work;

  @Test
  void aNewDataDirectoryAsksForThePasswordKeptOwnerOnlyAcrossRestarts() throws Exception {
    Path data = work.resolve("postgres");
    String password;
    try (EmbeddedDatabase database = start(data)) {
      password = database.password();
      assertThat(password).hasSizeGreaterThanOrEqualTo(40);
      Path file = data.resolve(DatabasePassword.FILE);
      assertThat(Files.readString(file).trim()).isEqualTo(password);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertRefusedWithout(database, password);
      try (Connection c = connect(database, password)) {
        c.createStatement().execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('x')");
      }
    }
    try (EmbeddedDatabase again = start(data)) {
      assertThat(again.password()).isEqualTo(password);
      assertRefusedWithout(again, password);
      try (Connection c = connect(again, password)) {
        assertThat(count(c)).isEqualTo(1);
      }
    }
  }

  @Test
  void aDataDirectoryThatTrustedEveryLocalUserIsClosedOnItsNextStartWithItsData() throws Exception {
    Path data = work.resolve("old");
    // As earlier versions started it: zonky's initdb trusts every local connection.
    try (EmbeddedPostgres old =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start()) {
      try (Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"))) {
        c.createStatement().execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('x')");
      }
    }

    try (EmbeddedDatabase upgraded = start(data)) {
      assertRefusedWithout(upgraded, upgraded.password());
      try (Connection c = connect(upgraded, upgraded.password())) {
        assertThat(count(c)).isEqualTo(1);
      }
    }
    String password = Files.readString(data.resolve(DatabasePassword.FILE)).trim();
    try (EmbeddedDatabase again = start(data)) {
      assertThat(again.password()).isEqualTo(password);
      assertRefusedWithout(again, password);
    }
  }

  private static EmbeddedDatabase start(Path data) throws Exception {
    return new EmbeddedPostgresConfiguration()
        .embeddedPostgres(new EmbeddedPostgresProperties(data, 0));
  }

  private static void assertRefusedWithout(EmbeddedDatabase database, String password) {
    String url = "jdbc:postgresql://127.0.0.1:" + database.server().getPort() + "/postgres";
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
        .as("no password")
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
        .as("empty password")
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", password + "x").close())
        .as("wrong password")
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  private static Connection connect(EmbeddedDatabase database, String password)
      throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    properties.setProperty("password", password);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + database.server().getPort() + "/postgres", properties);
  }

  private static long count(Connection c) throws SQLException {
    var result = c.createStatement().executeQuery("SELECT count(*) FROM kept");
    result.next();
    return result.getLong(1);
  }
}
