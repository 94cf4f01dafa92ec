package org.maplebridge.platform.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The ways a page leaves the platform: e-mail through the configured SMTP server ({@code
 * spring.mail.*}, to {@code <username>@<maplebridge.paging.mail-domain>}), and a webhook for SMS or
 * phone gateways ({@code maplebridge.paging.webhook-url}), signed with HMAC-SHA256 over the body
 * ({@code X-MapleBridge-Signature: sha256=<hex>}). Each is on only when configured.
 */
@Component
class PageChannels {
  static final String KEY_HEADER = "Idempotency-Key";
  static final String MAIL_KEY_HEADER = "X-MapleBridge-Idempotency-Key";
  static final String SIGNATURE_HEADER = "X-MapleBridge-Signature";

  /** One way out; {@link #send} throws when the page did not get through. */
  interface Channel {
    String name();

    void send(Page page) throws Exception;
  }

  private final List<Channel> channels = new ArrayList<>();

  PageChannels(
      ObjectProvider<JavaMailSender> mail,
      ObjectMapper json,
      @Value("${maplebridge.paging.mail-domain:}") String mailDomain,
      @Value("${maplebridge.paging.mail-from:maplebridge@localhost}") String mailFrom,
      @Value("${maplebridge.paging.webhook-url:}") String webhookUrl,
      @Value("${maplebridge.paging.webhook-secret:}") String webhookSecret,
      @Value("${maplebridge.paging.timeout:PT5S}") Duration timeout) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender != null && !mailDomain.isBlank()) {
      channels.add(new Mail(sender, mailDomain, mailFrom));
    }
    if (!webhookUrl.isBlank()) {
      if (webhookSecret.isBlank()) {
        throw new IllegalStateException(
            "maplebridge.paging.webhook-url needs maplebridge.paging.webhook-secret to sign pages");
      }
      channels.add(new Webhook(URI.create(webhookUrl), webhookSecret, json, timeout));
    }
  }

  List<Channel> configured() {
    return channels;
  }

  private record Mail(JavaMailSender sender, String domain, String from) implements Channel {
    @Override
    public String name() {
      return "MAIL";
    }

    @Override
    public void send(Page page) throws Exception {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      mail.setFrom(from);
      mail.setTo(page.recipient() + "@" + domain);
      mail.setSubject(page.subject());
      mail.setText(page.text());
      message.setHeader(MAIL_KEY_HEADER, page.idempotencyKey());
      sender.send(message);
    }
  }

  private static final class Webhook implements Channel {
    private final URI url;
    private final byte[] secret;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient http;

    Webhook(URI url, String secret, ObjectMapper json, Duration timeout) {
      this.url = url;
      this.secret = secret.getBytes(StandardCharsets.UTF_8);
      this.json = json;
      this.timeout = timeout;
      this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
      return "WEBHOOK";
    }

    @Override
    public void send(Page page) throws Exception {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("idempotencyKey", page.idempotencyKey());
      body.put("reason", page.reason().name());
      body.put("unit", page.unit());
      body.put("tier", page.tier().name());
      body.put("deadline", page.deadline() == null ? null : page.deadline().toString());
      body.put("link", page.link());
      body.put("recipient", page.recipient());
      byte[] payload = json.writeValueAsBytes(body);
      HttpRequest request =
          HttpRequest.newBuilder(url)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header(KEY_HEADER, page.idempotencyKey())
              .header(SIGNATURE_HEADER, "sha256=" + sign(payload))
              .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("The gateway answered " + response.statusCode());
      }
    }

    private String sign(byte[] payload) throws GeneralSecurityException {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload));
    }
  }
}
