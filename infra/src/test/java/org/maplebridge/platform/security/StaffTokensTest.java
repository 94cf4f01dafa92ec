package org.maplebridge.platform.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;

/** What a token may not make of its bearer, decided before any account is touched. */
class StaffTokensTest {
  private final StaffTokens tokens =
      new StaffTokens(
          new OidcSettings(
              "https://id.example", "maplebridge", "preferred_username", "roles", "unit"),
          null);

  @Test
  void aTokenCannotMakeItsBearerProviderStaff() {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "none")
            .issuer("https://id.example")
            .subject("someone")
            .claim("roles", List.of("provider"))
            .claim("unit", "north")
            .claims(claims -> claims.putAll(Map.of("preferred_username", "pia2")))
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60))
            .build();

    assertThatThrownBy(() -> tokens.convert(jwt))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("Provider staff sign in with their MapleBridge account");
  }
}
