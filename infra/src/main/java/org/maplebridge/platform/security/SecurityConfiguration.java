package org.maplebridge.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.maplebridge.platform.problem.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Staff sign in with HTTP Basic (API) or the login form (pages), or present a bearer token from the
 * configured OIDC provider. API calls that are not signed in get 401 and refused ones 403, both as
 * problem details; pages redirect to the login form.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcSettings.class)
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * The one provider for usernames and passwords, as the only provider bean so that Spring adds no
   * second, unthrottled one for the staff directory behind it.
   */
  @Bean
  SignInThrottle signInThrottle(StaffAccounts accounts, PasswordEncoder encoder) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(encoder);
    passwords.setUserDetailsService(accounts);
    // A switched-off account's password is checked too, so a refusal costs the same time whether
    // the account is on, off or unknown (unknown ones are checked against a dummy hash).
    passwords.setPreAuthenticationChecks(user -> {});
    passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    return new SignInThrottle(new RecentlyVerified(passwords, Duration.ofSeconds(60)));
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, OidcSettings oidc, StaffAccounts accounts) throws Exception {
    // The FHIR exchange is an API too: providers' systems get 401 and 403, never the sign-in page.
    RequestMatcher api =
        request ->
            request.getRequestURI().startsWith("/api/")
                || request.getRequestURI().startsWith("/fhir/");
    // CSRF protects cookie sessions (pages). API clients that send credentials on every call are
    // not exposed to it: browsers are never asked for Basic credentials (so never replay them),
    // and every write needs a JSON body, which a page of another site cannot send unasked.
    RequestMatcher sendsCredentials =
        request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    http.authorizeHttpRequests(
            requests ->
                requests
                    // Metrics tell who is busy with what: operators only (README, "Security").
                    .requestMatchers("/actuator/prometheus")
                    .hasRole("ADMIN")
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/error",
                        "/login",
                        "/css/**",
                        "/js/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(signInFailed())
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
        .csrf(csrf -> csrf.ignoringRequestMatchers(sendsCredentials))
        .exceptionHandling(
            errors ->
                errors
                    .defaultAuthenticationEntryPointFor(unauthorized(), api)
                    .defaultAccessDeniedHandlerFor(forbidden(), api));
    http.addFilterAfter(new AccountStanding(accounts), AuthorizationFilter.class);
    http.headers(SecurityConfiguration::pageHeaders);
    if (oidc.enabled()) {
      StaffTokens tokens = new StaffTokens(oidc, accounts);
      http.oauth2ResourceServer(
          server ->
              server
                  .authenticationEntryPoint(unauthorized())
                  .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(tokens)));
    }
    return http.build();
  }

  private static AuthenticationFailureHandler signInFailed() {
    return (request, response, exception) -> {
      if (exception instanceof SignInThrottle.Throttled throttled) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
        response.sendRedirect(request.getContextPath() + "/login?throttled");
      } else {
        response.sendRedirect(request.getContextPath() + "/login?error");
      }
    };
  }

  /**
   * A browser: its requests carry fetch metadata (every current browser) or a browser's agent
   * string. It is never asked for Basic credentials, so it never keeps any to send cross-site.
   */
  private static boolean fromBrowser(HttpServletRequest request) {
    String agent = request.getHeader(HttpHeaders.USER_AGENT);
    return request.getHeader("Sec-Fetch-Mode") != null
        || (agent != null && agent.startsWith("Mozilla/"));
  }

  /**
   * Pages run only the platform's own scripts and styles (no inline script, style or handler: an
   * injected one does not run), are never framed (clickjacking) and are not sniffed into another
   * content type. Swagger UI, a third-party page, styles itself inline.
   */
  static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  private static final String SWAGGER_UI_POLICY =
      PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

  private static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
    RequestMatcher swaggerUi = request -> request.getRequestURI().startsWith("/swagger-ui");
    headers
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(swaggerUi),
                new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                swaggerUi, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)));
  }

  private static AuthenticationEntryPoint unauthorized() {
    return (request, response, exception) -> {
      if (exception instanceof SignInThrottle.Throttled throttled) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
        ProblemResponses.write(
            response,
            ProblemResponses.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-sign-ins",
                "Too many failed sign-ins",
                "Too many failed sign-ins for this user from this address; try again after "
                    + throttled.retryAfterSeconds()
                    + " seconds"));
        return;
      }
      if (exception instanceof InternalAuthenticationServiceException
          && exception.getCause() instanceof DataAccessException) {
        // The staff directory could not be read: the credentials were not judged at all.
        ProblemResponses.write(
            response,
            ProblemResponses.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Storage unavailable",
                "The record store cannot be reached; nothing was stored. Try again shortly."));
        return;
      }
      if (!fromBrowser(request)) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"MapleBridge\"");
      }
      ProblemResponses.write(
          response,
          ProblemResponses.problem(
              HttpStatus.UNAUTHORIZED,
              "unauthorized",
              "Sign in first",
              "Sign in as a staff member"));
    };
  }

  private static AccessDeniedHandler forbidden() {
    return (request, response, exception) ->
        ProblemResponses.write(
            response,
            ProblemResponses.problem(
                HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role may not do this"));
  }
}
