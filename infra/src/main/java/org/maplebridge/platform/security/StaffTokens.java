package org.maplebridge.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.maplebridge.events.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns an OIDC provider's access token into a staff member: checks issuer, expiry and audience,
 * reads username, role and unit from the claims, and keeps the staff directory in step so the
 * member can be assigned cases like anyone else.
 */
final class StaffTokens implements Converter<Jwt, AbstractAuthenticationToken> {
  private final OidcSettings settings;
  private final StaffAccounts accounts;
  private final Map<String, List<Object>> lastKnown = new ConcurrentHashMap<>();

  StaffTokens(OidcSettings settings, StaffAccounts accounts) {
    this.settings = settings;
    this.accounts = accounts;
  }

  /** Reads the provider's keys on first use, so the platform starts while the provider is down. */
  JwtDecoder decoder() {
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(settings.issuerUri());
          decoder.setJwtValidator(
              new DelegatingOAuth2TokenValidator<>(
                  JwtValidators.createDefaultWithIssuer(settings.issuerUri()), audience()));
          return decoder;
        });
  }

  private OAuth2TokenValidator<Jwt> audience() {
    return jwt ->
        jwt.getAudience() != null && jwt.getAudience().contains(settings.audience())
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(
                refusal("The token is not meant for " + settings.audience()));
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String username = jwt.getClaimAsString(settings.usernameClaim());
    if (username == null || username.isBlank()) {
      throw refused("The token names no user");
    }
    Role role = roleOf(jwt).orElseThrow(() -> refused("The token names no MapleBridge role"));
    String unit = jwt.getClaimAsString(settings.unitClaim());
    if (role.organisationWide()) {
      unit = null;
    } else if (unit == null || !accounts.unitExists(unit)) {
      throw refused("The token names no unit of this platform");
    }
    String name = Optional.ofNullable(jwt.getClaimAsString("name")).orElse(username);
    List<Object> member = Arrays.asList(name, role, unit);
    if (!member.equals(lastKnown.get(username))) {
      if (!accounts.keepFromProvider(username, name, role, unit)) {
        throw refused("A built-in account already has this username");
      }
      lastKnown.put(username, member);
    }
    return new JwtAuthenticationToken(jwt, StaffAuthorities.of(role, unit), username);
  }

  /** Exactly one MapleBridge role among the token's roles, in any letter case. */
  private Optional<Role> roleOf(Jwt jwt) {
    List<Role> found = new ArrayList<>();
    for (Object value : claimAt(jwt.getClaims(), settings.roleClaim())) {
      for (Role role : Role.values()) {
        if (role != Role.SYSTEM && role.name().equalsIgnoreCase(value.toString())) {
          found.add(role);
        }
      }
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static Collection<?> claimAt(Map<String, Object> claims, String dottedPath) {
    Object current = claims;
    for (String part : dottedPath.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return List.of();
      }
      current = map.get(part);
    }
    return current instanceof Collection<?> values ? values : List.of();
  }

  private static OAuth2Error refusal(String why) {
    return new OAuth2Error("invalid_token", why, null);
  }

  private static OAuth2AuthenticationException refused(String why) {
    return new OAuth2AuthenticationException(refusal(why), why);
  }
}
