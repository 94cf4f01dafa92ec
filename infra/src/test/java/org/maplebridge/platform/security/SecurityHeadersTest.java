package org.maplebridge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Pages forbid inline script and style, framing and content sniffing, and contain none of what
 * their policy would block; the session cookie is out of reach of scripts and of cross-site posts.
 */
class SecurityHeadersTest extends PlatformTest {
  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>");
  private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=");
  private static final Pattern INLINE_STYLE = Pattern.compile("\\sstyle\\s*=|<style");

  @Test
  void everyPageForbidsInlineScriptFramingAndSniffingAndHasNoneOfIt() {
    Response crisis =
        as("carol")
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}");
    Response intake = as("alice").post("/api/intakes", NEW_CLIENT_INTAKE);
    List<Page> pages =
        List.of(
            new Page(Api.anonymousAt(port), "/login"),
            new Page(as("alice"), "/caseload"),
            new Page(as("alice"), "/intakes/new"),
            new Page(after(as("alice"), intake), "/intakes/" + intake.id()),
            new Page(as("alice"), "/referrals"),
            new Page(as("carol"), "/crisis-board"),
            new Page(as("carol"), "/crises/new"),
            new Page(after(as("carol"), crisis), "/crises/" + crisis.id()),
            new Page(as("sam"), "/dashboard"),
            new Page(as("sam"), "/emergency-access"),
            new Page(as("sam"), "/audit/access"),
            new Page(as("admin"), "/admin/staff"),
            new Page(as("admin"), "/admin/providers"));
    for (Page page : pages) {
      Response response = page.caller().get(page.path());
      assertThat(response.status()).as(page.path()).isEqualTo(200);
      String policy = response.header("Content-Security-Policy");
      assertThat(policy)
          .as(page.path())
          .isEqualTo(SecurityConfiguration.PAGE_POLICY)
          .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
          .doesNotContain("unsafe");
      assertThat(response.header("X-Frame-Options")).as(page.path()).isEqualTo("DENY");
      assertThat(response.header("X-Content-Type-Options")).as(page.path()).isEqualTo("nosniff");
      String html = response.body();
      assertThat(INLINE_SCRIPT.matcher(html).find())
          .as("inline script in " + page.path())
          .isFalse();
      assertThat(INLINE_HANDLER.matcher(html).find()).as("handler in " + page.path()).isFalse();
      assertThat(INLINE_STYLE.matcher(html).find()).as("inline style in " + page.path()).isFalse();
    }
    assertThat(as("alice").get("/api/caseload").header("X-Content-Type-Options"))
        .isEqualTo("nosniff");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() {
    List<String> cookies =
        Api.anonymousAt(port).get("/login").raw().headers().allValues("Set-Cookie");
    String session =
        cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }

  private static Api after(Api caller, Response write) {
    return caller.with("X-Consistency-Token", write.header("X-Consistency-Token"));
  }

  private record Page(Api caller, String path) {}
}
