package org.maplebridge.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.maplebridge.pages.Browser;
import org.maplebridge.pages.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Pages reach the person on call through a real SMTP server (GreenMail) and a signed webhook, carry
 * no identity or clinical content, share one idempotency key per recipient, are recorded, and a
 * page nobody received climbs the ladder at once. A platform of its own: its pages go here.
 */
class PagingTest extends PlatformTest {
  @RegisterExtension final Browsers browsers = new Browsers();
  private static final String SECRET = "test-webhook-secret";
  private static final int SMTP_PORT = freePort();
  private static final GreenMail SMTP =
      new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private static final List<Hook> HOOKS = new CopyOnWriteArrayList<>();

  /** What the webhook answers: 204, or 503 while a gateway outage is played. */
  private static final AtomicInteger GATEWAY_STATUS = new AtomicInteger(204);

  private static final HttpServer GATEWAY = gateway();

  /** Recipients the webhook cannot reach (503), while the others get their pages. */
  private static final Set<String> UNREACHABLE = ConcurrentHashMap.newKeySet();

  record Hook(String key, String signature, byte[] body) {}

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void paging(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("maplebridge.paging.mail-domain", () -> "north.example.org");
    registry.add(
        "maplebridge.paging.webhook-url",
        () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/pages");
    registry.add("maplebridge.paging.webhook-secret", () -> SECRET);
    registry.add("maplebridge.paging.retry-backoff", () -> "PT0.05S");
  }

  @Test
  void anEscalationPagesTheOnCallPersonByMailAndSignedWebhookWithoutThePersonsContent()
      throws Exception {
    Instant now = Instant.now();
    assertThat(
            as("sam")
                .put(
                    "/api/units/north/on-call",
                    "{\"periods\":[{\"tier\":\"ON_CALL_SUPERVISOR\",\"username\":\"sam\",\"from\":\""
                        + now.minusSeconds(60)
                        + "\",\"to\":\""
                        + now.plusSeconds(7200)
                        + "\"},{\"tier\":\"ON_CALL_CLINICIAN\",\"username\":\"carol\",\"from\":\""
                        + now.minusSeconds(60)
                        + "\",\"to\":\""
                        + now.plusSeconds(7200)
                        + "\"}]}")
                .status())
        .isEqualTo(204);
    Api carol = as("carol");
    String crisis =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Caller on the Lu bridge\"}")
            .id();
    assertThat(
            carol
                .post(
                    "/api/crises/" + crisis + "/risk-assessments",
                    "{\"level\":\"IMMINENT\",\"notes\":\"Has the pills with her\"}")
                .status())
        .isEqualTo(201);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> mailAbout("sam@north.example.org", crisis) != null);
    MimeMessage mail = mailAbout("sam@north.example.org", crisis);
    String text = GreenMailUtil.getBody(mail) + mail.getSubject();
    assertThat(text)
        .contains("north", "ON_CALL_SUPERVISOR", "/crises/" + crisis)
        .doesNotContain("bridge", "pills", "carol");
    String key = mail.getHeader(PageChannels.MAIL_KEY_HEADER)[0];
    assertThat(key).endsWith(":sam");

    await().atMost(Duration.ofSeconds(20)).until(() -> hookWithKey(key) != null);
    Hook hook = hookWithKey(key);
    assertThat(hook.signature()).isEqualTo("sha256=" + hmac(hook.body()));
    JsonNode body = new ObjectMapper().readTree(hook.body());
    assertThat(body.get("unit").asText()).isEqualTo("north");
    assertThat(body.get("tier").asText()).isEqualTo("ON_CALL_SUPERVISOR");
    assertThat(body.get("recipient").asText()).isEqualTo("sam");
    assertThat(body.get("link").asText()).endsWith("/crises/" + crisis);
    assertThat(new String(hook.body(), StandardCharsets.UTF_8)).doesNotContain("bridge", "pills");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM page_delivery WHERE idempotency_key = :key"
                        + " AND status = 'DELIVERED'")
                .param("key", key)
                .query(Long.class)
                .single())
        .as("each channel's delivery recorded")
        .isEqualTo(2L);

    // The gateway and the mail server are down: the page reaches nobody, so the ladder climbs
    // to the on-call clinician at once instead of waiting out the deadline.
    SMTP.stop();
    GATEWAY_STATUS.set(503);
    try {
      String unreached =
          carol
              .post(
                  "/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
              .id();
      carol.post("/api/crises/" + unreached + "/risk-assessments", "{\"level\":\"IMMINENT\"}");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          carol
                              .get("/api/crises/" + unreached)
                              .json()
                              // Until the board has the new episode, it answers 404.
                              .path("escalations")
                              .findValuesAsText("tier"))
                      .contains("ON_CALL_CLINICIAN"));
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM page_delivery WHERE crisis_id = CAST(:id AS uuid)"
                          + " AND status = 'FAILED' AND attempts >= 3")
                  .param("id", unreached)
                  .query(Long.class)
                  .single())
          .as("each channel tried and the failures recorded")
          .isGreaterThanOrEqualTo(2L);
    } finally {
      GATEWAY_STATUS.set(204);
      SMTP.start();
    }
  }

  /**
   * The crisis journey's "done when": an escalation pages the on-call supervisor, the page arrives
   * in his mailbox on the SMTP server, and in a real browser he follows its link, signs in and
   * acknowledges; the episode shows it acknowledged by him.
   */
  @Test
  void theOnCallSupervisorFollowsThePagesLinkSignsInAndAcknowledgesInTheBrowser() throws Exception {
    Instant now = Instant.now();
    assertThat(
            as("sam")
                .put(
                    "/api/units/north/on-call",
                    "{\"periods\":[{\"tier\":\"ON_CALL_SUPERVISOR\",\"username\":\"sam\",\"from\":\""
                        + now.minusSeconds(60)
                        + "\",\"to\":\""
                        + now.plusSeconds(7200)
                        + "\"}]}")
                .status())
        .isEqualTo(204);
    Api carol = as("carol");
    String crisis =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Caller at the river\"}")
            .id();
    carol.post("/api/crises/" + crisis + "/risk-assessments", "{\"level\":\"HIGH\"}");
    assertThat(
            carol
                .post("/api/crises/" + crisis + "/escalations", "{\"reason\":\"Not answering\"}")
                .status())
        .isEqualTo(201);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> mailAbout("sam@north.example.org", crisis) != null);
    String body = GreenMailUtil.getBody(mailAbout("sam@north.example.org", crisis));
    Matcher link = Pattern.compile("https?://\\S+?(/crises/" + crisis + ")").matcher(body);
    assertThat(link.find()).as("the page links to the episode: " + body).isTrue();
    // The link names the configured base URL; this platform listens on a port of its own.
    String followed = "http://127.0.0.1:" + port + link.group(1);

    WebDriver browser = browsers.open("en");
    browser.get(followed);
    Browser.shown(browser, By.id("username")).sendKeys("sam");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(page -> page.getCurrentUrl().contains("/crises/" + crisis));
    // The episode page opens on what is due now: the acknowledgement waits at its top.
    Browser.submit(browser, Browser.shown(browser, By.cssSelector("#due-now button.acknowledge")));
    Browser.awaitText(browser, By.id("escalations"), "sam");
    assertThat(browser.findElements(By.cssSelector("#due-now button.acknowledge")))
        .as("nothing left to acknowledge")
        .isEmpty();
    assertThat(
            carol
                .get("/api/crises/" + crisis)
                .json()
                .get("escalations")
                .get(0)
                .get("acknowledgedBy")
                .asText())
        .isEqualTo("sam");
  }

  /**
   * The page of carol's escalation reaches nobody, so the platform raises the next rung, the
   * on-call clinician's, which carol holds: she escalated, so it is not hers to acknowledge;
   * neither the episode page nor her badge offers it, and the platform refuses it.
   */
  @Test
  void whoeverEscalatedCannotAcknowledgeTheRungThePlatformRaisedAboveIt() {
    Instant now = Instant.now();
    assertThat(
            as("sam")
                .put(
                    "/api/units/north/on-call",
                    "{\"periods\":[{\"tier\":\"ON_CALL_SUPERVISOR\",\"username\":\"sam\",\"from\":\""
                        + now.minusSeconds(60)
                        + "\",\"to\":\""
                        + now.plusSeconds(7200)
                        + "\"},{\"tier\":\"ON_CALL_CLINICIAN\",\"username\":\"carol\",\"from\":\""
                        + now.minusSeconds(60)
                        + "\",\"to\":\""
                        + now.plusSeconds(7200)
                        + "\"}]}")
                .status())
        .isEqualTo(204);
    Api carol = as("carol");
    // Sam is out of reach: no mail, no webhook; carol still gets hers by webhook.
    SMTP.stop();
    UNREACHABLE.add("sam");
    String crisis;
    JsonNode climbed;
    try {
      crisis =
          carol
              .post(
                  "/api/crises",
                  "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Ladder test\"}")
              .id();
      carol.post("/api/crises/" + crisis + "/risk-assessments", "{\"level\":\"IMMINENT\"}");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> rung(carol, crisis, "ON_CALL_CLINICIAN") != null);
      climbed = rung(carol, crisis, "ON_CALL_CLINICIAN");
    } finally {
      UNREACHABLE.remove("sam");
      SMTP.start();
    }
    assertThat(rung(carol, crisis, "ON_CALL_SUPERVISOR").get("raisedBy").asText())
        .isEqualTo("carol");
    assertThat(climbed.get("raisedBy").asText()).isEqualTo("system");
    assertThat(climbed.get("missed").asBoolean()).as("still waiting").isFalse();

    assertThat(carol.get("/api/crises/" + crisis).json().get("allowedActions").toString())
        .doesNotContain("ACKNOWLEDGE_ESCALATION");
    assertThat(carol.get("/crises/" + crisis + "?lang=en").body())
        .as("the episode page's Due now offers her no Acknowledge")
        .contains("due-now")
        .doesNotContain("class=\"acknowledge\"");
    assertThat(carol.get("/crisis-board/waiting").json().get("crises").toString())
        .as("nor does her on-call badge count it")
        .doesNotContain(crisis);

    Response refused =
        carol.post(
            "/api/crises/"
                + crisis
                + "/escalations/"
                + climbed.get("id").asText()
                + "/acknowledgement",
            "");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("detail").asText()).contains("You raised this escalation");
    assertThat(rung(carol, crisis, "ON_CALL_CLINICIAN").has("acknowledgedBy")).isFalse();
  }

  /** The episode's rung of {@code tier} as the API shows it; null until it is raised. */
  private static JsonNode rung(Api viewer, String crisis, String tier) {
    for (JsonNode escalation : viewer.get("/api/crises/" + crisis).json().path("escalations")) {
      if (tier.equals(escalation.get("tier").asText())) {
        return escalation;
      }
    }
    return null;
  }

  private static MimeMessage mailAbout(String address, String crisis) throws Exception {
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      if (message.getAllRecipients()[0].toString().equals(address)
          && GreenMailUtil.getBody(message).contains(crisis)) {
        return message;
      }
    }
    return null;
  }

  private static Hook hookWithKey(String key) {
    return HOOKS.stream().filter(hook -> key.equals(hook.key())).findFirst().orElse(null);
  }

  private static String hmac(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpServer gateway() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/pages",
          exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String recipient = new ObjectMapper().readTree(body).path("recipient").asText();
            int status = UNREACHABLE.contains(recipient) ? 503 : GATEWAY_STATUS.get();
            if (status == 204) {
              HOOKS.add(
                  new Hook(
                      exchange.getRequestHeaders().getFirst(PageChannels.KEY_HEADER),
                      exchange.getRequestHeaders().getFirst(PageChannels.SIGNATURE_HEADER),
                      body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
