package org.maplebridge.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
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
 * reads role and unit from the claims, and keeps the staff directory in step so the member can be
 * assigned cases like anyone else. A member is the provider's issuer and subject, which never
 * change: the username is taken from the token at the first sign-in and kept, so renaming oneself
 * at the provider neither changes whose records one sees nor lets one take over another name.
 */
final class StaffTokens implements Converter<Jwt, AbstractAuthenticationToken> {
  private final OidcSettings settings;
  private final StaffAccounts accounts;

  /** Names no person may take: the platform's own actor, and Spring's anonymous user. */
  private static final Set<String> RESERVED = Set.of("system", "anonymous", "anonymoususer");

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{1,100}");

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
    String issuer = jwt.getClaimAsString("iss");
    String subject = jwt.getSubject();
    if (issuer == null || subject == null || subject.isBlank()) {
      throw refused("The token names no subject");
    }
    Role role = roleOf(jwt).orElseThrow(() -> refused("The token names no MapleBridge role"));
    if (role == Role.PROVIDER) {
      // A provider's staff answer for one provider of the directory, which no token names.
      throw refused("Provider staff sign in with their MapleBridge account");
    }
    String unit = jwt.getClaimAsString(settings.unitClaim());
    if (role.organisationWide()) {
      unit = null;
    } else if (unit == null || !accounts.unitExists(unit)) {
      throw refused("The token names no unit of this platform");
    }
    String key = issuer + " " + subject;
    String username =
        Optional.ofNullable(lastKnown.get(key))
            .map(member -> (String) member.get(0))
            .or(() -> accounts.usernameOf(issuer, subject))
            .orElseGet(() -> newUsername(jwt));
    String name = Optional.ofNullable(jwt.getClaimAsString("name")).orElse(username);
    List<Object> member = Arrays.asList(username, name, role, unit);
    if (!member.equals(lastKnown.get(key))) {
      if (!accounts.keepFromProvider(issuer, subject, username, name, role, unit)) {
        throw refused("Another account already has this username");
      }
      lastKnown.put(key, member);
    }
    return new JwtAuthenticationToken(jwt, StaffAuthorities.of(role, unit), username);
  }

  /** The username a member signing in for the first time takes from the token. */
  private String newUsername(Jwt jwt) {
    String username = jwt.getClaimAsString(settings.usernameClaim());
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw refused("The token names no usable username");
    }
    if (RESERVED.contains(username)) {
      throw refused("This username is reserved");
    }
    return username;
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
