package org.maplebridge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Accounts as a careful hospital would keep them: passwords their owners chose and no one can guess
 * quickly, switched-off accounts that stop at once whatever they hold, and no write a page of
 * another site can forge.
 */
class AccountSafetyTest extends PlatformTest {

  /** A staff member the administrator has just created, with the password the admin chose. */
  private record Staff(String username, String password) {
    Api api(int port) {
      return Api.at(port, username, password);
    }
  }

  private Staff created(String role, String unit) {
    String username = role.toLowerCase().replace('_', '-') + "-" + random();
    String password = "lamp-river-" + random();
    Response added =
        as("admin")
            .post(
                "/api/admin/staff",
                """
                {"username":"%s","displayName":"Test %s","role":"%s","unit":%s,"password":"%s"}
                """
                    .formatted(
                        username,
                        username,
                        role,
                        unit == null ? null : '"' + unit + '"',
                        password));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    return new Staff(username, password);
  }

  /** Created, and past the first sign-in's password change. */
  private Staff ready(String role, String unit) {
    Staff assigned = created(role, unit);
    String own = "own-quiet-harbour-" + random();
    assertThat(
            assigned.api(port).post("/api/me/password", change(assigned.password(), own)).status())
        .isEqualTo(204);
    return new Staff(assigned.username(), own);
  }

  private static String change(String current, String next) {
    return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
  }

  private static String random() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aPasswordSomeoneElseChoseIsChangedBeforeAnythingElseAndOnlyForAGoodOne() {
    Staff quinn = created("COUNSELLOR", "north");
    Api assigned = quinn.api(port);
    Response blocked = assigned.get("/api/caseload");
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.json().get("type").asText()).endsWith("password-change-required");
    assertThat(assigned.post("/api/intakes", NEW_CLIENT_INTAKE).status())
        .as("no write either")
        .isEqualTo(403);

    Response wrongCurrent =
        assigned.post("/api/me/password", change("not-my-password-at-all", "calm-orchard-77x"));
    assertThat(wrongCurrent.status()).isEqualTo(400);
    assertThat(wrongCurrent.json().get("errors").has("currentPassword")).isTrue();
    for (String weak :
        List.of(
            "short-1",
            "password1234",
            "xx-qwertyuiop-xx",
            "my-name-" + quinn.username(),
            "aaaaaa-orchard")) {
      Response refused = assigned.post("/api/me/password", change(quinn.password(), weak));
      assertThat(refused.status()).as(weak).isEqualTo(400);
      assertThat(refused.json().get("errors").get("newPassword").asText()).as(weak).isNotBlank();
    }

    Response changed =
        assigned.post("/api/me/password", change(quinn.password(), "calm-orchard-in-may"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    Api own = Api.at(port, quinn.username(), "calm-orchard-in-may");
    assertThat(own.get("/api/caseload").status()).isEqualTo(200);
    assertThat(assigned.get("/api/caseload").status())
        .as("the old password stops at once")
        .isEqualTo(401);
    assertThat(as("admin").get("/admin/staff").body())
        .contains(quinn.username() + ": password changed by its owner");
  }

  @Test
  void theAdministratorCannotHandOutACommonPassword() {
    Response refused =
        as("admin")
            .post(
                "/api/admin/staff",
                """
                {"username":"weak-%s","displayName":"Weak","role":"COUNSELLOR","unit":"north",
                 "password":"iloveyou1234"}
                """
                    .formatted(random()));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").has("password")).isTrue();
  }

  @Test
  void aSwitchedOffCounsellorsOpenSessionWritesNothingMore() throws Exception {
    Staff rosa = ready("COUNSELLOR", "north");
    String intake = rosa.api(port).post("/api/intakes", NEW_CLIENT_INTAKE).id();
    Session session = Session.signIn(port, rosa.username(), rosa.password());
    assertThat(session.postJson("/api/intakes/" + intake + "/notes", "{\"text\":\"Seen today\"}"))
        .isEqualTo(201);

    assertThat(
            as("admin")
                .post("/api/admin/staff/" + rosa.username() + "/enabled", "{\"enabled\":false}")
                .status())
        .isEqualTo(204);
    long notesBefore = eventsOf(intake);
    assertThat(session.postJson("/api/intakes/" + intake + "/notes", "{\"text\":\"After\"}"))
        .as("a write with the session cookie")
        .isEqualTo(401);
    assertThat(eventsOf(intake)).as("nothing stored").isEqualTo(notesBefore);
    assertThat(session.getStatus("/caseload"))
        .as("the session has ended: a page sends her to sign in")
        .isEqualTo(302);
    assertThat(rosa.api(port).get("/api/caseload").status()).isEqualTo(401);
  }

  @Test
  void aSwitchedOffCrisisWorkersLiveBoardCloses() throws Exception {
    Staff tess = ready("CRISIS_WORKER", "north");
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> stream =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/crisis-board/stream"))
                    .header("Authorization", basic(tess.username(), tess.password()))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream())
            .thenAccept(
                response -> {
                  try (BufferedReader reader =
                      new BufferedReader(
                          new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    reader.lines().forEach(lines::add);
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> lines.stream().anyMatch(l -> l.startsWith("data:")));
    assertThat(stream).isNotDone();

    as("admin").post("/api/admin/staff/" + tess.username() + "/enabled", "{\"enabled\":false}");
    stream.get(20, TimeUnit.SECONDS);
  }

  @Test
  void guessingPasswordsIsSlowedForThatNameFromThatAddressOnly() throws Exception {
    Staff uma = ready("COUNSELLOR", "north");
    Api guesser = Api.at(port, uma.username(), "guess-guess-guess");
    for (int attempt = 1; attempt <= SignInThrottle.FAILURES; attempt++) {
      assertThat(guesser.get("/api/caseload").status()).as("guess " + attempt).isEqualTo(401);
    }
    Response throttled = uma.api(port).get("/api/caseload");
    assertThat(throttled.status())
        .as("even the right password waits, from this address")
        .isEqualTo(429);
    assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
    assertThat(as("bob").get("/api/caseload").status()).as("others sign in").isEqualTo(200);
    assertThat(statusFrom("127.0.0.2", "/api/caseload", basic(uma.username(), uma.password())))
        .as("the owner elsewhere is not locked out")
        .isEqualTo(200);
  }

  @Test
  void aRefusalTakesAsLongForSwitchedOffAndUnknownAccountsAsForAWrongPassword() {
    Staff vic = ready("COUNSELLOR", "north");
    Staff off = ready("COUNSELLOR", "north");
    as("admin").post("/api/admin/staff/" + off.username() + "/enabled", "{\"enabled\":false}");
    long wrongPassword = medianRefusal(Api.at(port, vic.username(), "not-vics-password-1"));
    long switchedOff = medianRefusal(off.api(port));
    long unknown = medianRefusal(Api.at(port, "nobody-" + random(), "whatever-it-is-1"));
    assertThat(switchedOff)
        .as("switched off vs wrong password, ns")
        .isGreaterThan(wrongPassword / 2);
    assertThat(unknown).as("unknown vs wrong password, ns").isGreaterThan(wrongPassword / 2);
  }

  private static long medianRefusal(Api api) {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long started = System.nanoTime();
      assertThat(api.get("/api/providers").status()).isEqualTo(401);
      times.add(System.nanoTime() - started);
    }
    Collections.sort(times);
    return times.get(1);
  }

  @Test
  void browsersAreNeverAskedForBasicCredentialsAndWritesTakeOnlyJson() {
    Api browser =
        Api.anonymousAt(port)
            .with("Sec-Fetch-Mode", "cors")
            .with("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)");
    Response unsigned = browser.get("/api/caseload");
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.header("WWW-Authenticate")).as("no Basic prompt in a browser").isNull();
    assertThat(Api.anonymousAt(port).get("/api/caseload").header("WWW-Authenticate"))
        .as("API clients are still told how to sign in")
        .startsWith("Basic");

    HttpClient http = HttpClient.newHttpClient();
    String alice = basic("alice", PASSWORD);
    int textPlain =
        send(
            http,
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/crises"))
                .header("Authorization", alice)
                .header("Content-Type", "text/plain")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"forged\"}")));
    assertThat(textPlain).isEqualTo(415);
    int bodiless =
        send(
            http,
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/api/crises/"
                            + UUID.randomUUID()
                            + "/escalations/"
                            + UUID.randomUUID()
                            + "/acknowledgement"))
                .header("Authorization", basic("carol", PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(bodiless).as("a bodiless write names no JSON either").isEqualTo(415);
  }

  @Test
  void consistencyTokensMakeNoOneWaitForNothing() {
    Api alice = as("alice");
    long started = System.nanoTime();
    Response write =
        alice
            .with("X-Consistency-Token", "999999999999")
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}");
    assertThat(write.status()).isEqualTo(201);
    Response farFuture = alice.with("X-Consistency-Token", "999999999999").get("/api/caseload");
    assertThat(farFuture.status()).as("a position no write reached").isEqualTo(400);
    Response notANumber = alice.with("X-Consistency-Token", "soon").get("/api/caseload");
    assertThat(notANumber.status()).isEqualTo(400);
    Response loginPage = Api.anonymousAt(port).get("/login?after=999999999999999999");
    assertThat(loginPage.status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("none of these waited for the read side (each would wait 10 s)")
        .isLessThan(Duration.ofSeconds(8));
    Response real =
        alice.with("X-Consistency-Token", write.header("X-Consistency-Token")).get("/api/caseload");
    assertThat(real.status()).isEqualTo(200);
  }

  private static int send(HttpClient http, HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A request from another loopback address: what a second computer of the owner's would be. */
  private int statusFrom(String localAddress, String path, String authorization)
      throws IOException {
    try (Socket socket =
        new Socket(
            InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nAuthorization: "
                  + authorization
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  /** A browser's session: signed in through the form, with its cookie and CSRF token. */
  private static final class Session {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private final HttpClient http;
    private final String base;
    private String csrf;

    private Session(int port) {
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      this.base = "http://127.0.0.1:" + port;
    }

    static Session signIn(int port, String username, String password) throws Exception {
      Session session = new Session(port);
      session.csrf = session.csrfOf("/login");
      String form =
          "username="
              + URLEncoder.encode(username, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8)
              + "&_csrf="
              + session.csrf;
      HttpResponse<String> signedIn =
          session.http.send(
              HttpRequest.newBuilder(URI.create(session.base + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.headers().firstValue("Location").orElse(""))
          .as("signed in")
          .doesNotContain("error");
      session.csrf = session.csrfOf("/caseload");
      return session;
    }

    private String csrfOf(String page) throws Exception {
      String html =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + page)).GET().build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher token = CSRF.matcher(html);
      assertThat(token.find()).as("a CSRF token on " + page).isTrue();
      return token.group(1);
    }

    int postJson(String path, String json) throws Exception {
      return http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Content-Type", "application/json")
                  .header("X-CSRF-TOKEN", csrf)
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }

    int getStatus(String path) throws Exception {
      return http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Accept", "text/html")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }
}
