package org.maplebridge.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Keycloak, unpacked from Maven Central by the build, started in dev mode on loopback with
 * the test realm imported. It needs Java 21 or later: the machine's Temurin 25 by default.
 */
final class Keycloak implements AutoCloseable {
  static final String REALM = "maplebridge";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final int port;

  private Keycloak(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Keycloak start() throws Exception {
    Path home = Path.of(System.getProperty("maplebridge.test.keycloak-home"));
    Path data = home.resolve("data");
    if (Files.exists(data)) {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    Path imports = Files.createDirectories(data.resolve("import"));
    try (InputStream realm =
        Keycloak.class.getResourceAsStream("/keycloak/maplebridge-realm.json")) {
      Files.copy(
          realm, imports.resolve("maplebridge-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--import-realm")
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("keycloak.log").toFile());
    builder.environment().put("JAVA_HOME", javaHome());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
    Keycloak keycloak = new Keycloak(builder.start(), port);
    keycloak.awaitReady(Duration.ofSeconds(180));
    return keycloak;
  }

  /**
   * Keycloak 26 needs Java 21+, the build itself runs on 17: {@code KEYCLOAK_JAVA_HOME}, else
   * {@code JAVA_HOME} or the first JDK under the usual folders whose release file says 21 or later.
   */
  private static String javaHome() throws IOException {
    String configured = System.getenv("KEYCLOAK_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    Stream.Builder<Path> candidates = Stream.builder();
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null && !javaHome.isBlank()) {
      candidates.add(Path.of(javaHome));
    }
    for (String folder : new String[] {"/usr/lib/jvm", "/opt/java", "/opt"}) {
      if (Files.isDirectory(Path.of(folder))) {
        try (Stream<Path> jdks = Files.list(Path.of(folder))) {
          jdks.sorted().forEach(candidates::add);
        }
      }
    }
    return candidates
        .build()
        .filter(jdk -> featureVersion(jdk) >= 21 && Files.isExecutable(jdk.resolve("bin/java")))
        .map(Path::toString)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Keycloak 26 needs Java 21 or later and none was found (KEYCLOAK_JAVA_HOME,"
                        + " JAVA_HOME, /usr/lib/jvm, /opt/java, /opt): install a JDK 21+ and set"
                        + " KEYCLOAK_JAVA_HOME"));
  }

  private static int featureVersion(Path jdk) {
    try (Stream<String> lines = Files.lines(jdk.resolve("release"))) {
      return lines
          .filter(line -> line.startsWith("JAVA_VERSION="))
          .map(line -> line.replaceAll("^JAVA_VERSION=\"(\\d+).*", "$1"))
          .filter(version -> version.matches("\\d+"))
          .mapToInt(Integer::parseInt)
          .findFirst()
          .orElse(0);
    } catch (IOException | java.io.UncheckedIOException notAJdk) {
      return 0;
    }
  }

  private void awaitReady(Duration within) throws Exception {
    Instant until = Instant.now().plus(within);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak stopped; see keycloak.log");
      }
      try {
        HttpResponse<Void> answer =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Keycloak not ready within " + within);
  }

  String issuer() {
    return "http://127.0.0.1:" + port + "/realms/" + REALM;
  }

  /** An access token for a realm user, by the password grant of a public client. */
  String token(String client, String username, String password) throws Exception {
    String form =
        "grant_type=password&client_id="
            + client
            + "&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("No token for " + username + ": " + answer.body());
    }
    return new ObjectMapper().readTree(answer.body()).get("access_token").asText();
  }

  /** Renames a realm user, as the realm's administrator may (editUsernameAllowed). */
  void rename(String username, String newUsername) throws Exception {
    String admin =
        form(
            "http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token",
            "grant_type=password&client_id=admin-cli&username=admin&password=admin");
    String bearer = "Bearer " + new ObjectMapper().readTree(admin).get("access_token").asText();
    String users = "http://127.0.0.1:" + port + "/admin/realms/" + REALM + "/users";
    HttpResponse<String> found =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + username))
                .header("Authorization", bearer)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String id = new ObjectMapper().readTree(found.body()).get(0).get("id").asText();
    HttpResponse<String> renamed =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(users + "/" + id))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + newUsername + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (renamed.statusCode() != 204) {
      throw new IllegalStateException(
          "Not renamed: " + renamed.statusCode() + " " + renamed.body());
    }
  }

  private static String form(String url, String form) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + answer.body());
    }
    return answer.body();
  }

  @Override
  public void close() throws Exception {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
