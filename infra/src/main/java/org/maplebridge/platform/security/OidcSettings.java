package org.maplebridge.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bearer tokens from an OIDC provider, beside the built-in accounts. Off unless {@code issuer-uri}
 * is set. Tokens must come from that issuer and name {@code audience}; role and unit come from
 * claims.
 *
 * @param issuerUri the provider's issuer, e.g. {@code https://sso.example.org/realms/maplebridge}
 * @param audience the audience a token must carry
 * @param usernameClaim the claim with the username a staff member takes at the first sign-in
 *     (afterwards they are known by issuer and subject)
 * @param roleClaim the claim, dotted for nested ones, listing roles (one MapleBridge role): by
 *     default the roles of the client {@code maplebridge}, not realm-wide roles that other
 *     applications' administrators may hand out
 * @param unitClaim the claim naming the staff member's unit (none for ADMIN)
 */
@ConfigurationProperties("maplebridge.security.oidc")
record OidcSettings(
    String issuerUri,
    @DefaultValue("maplebridge") String audience,
    @DefaultValue("preferred_username") String usernameClaim,
    @DefaultValue("resource_access.maplebridge.roles") String roleClaim,
    @DefaultValue("unit") String unitClaim) {

  boolean enabled() {
    return issuerUri != null && !issuerUri.isBlank();
  }
}
