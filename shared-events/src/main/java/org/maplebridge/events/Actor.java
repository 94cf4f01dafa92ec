package org.maplebridge.events;

import java.util.Objects;
import java.util.UUID;

/**
 * The staff member behind a command or a query: username, role and unit (no unit for ADMIN and
 * PRIVACY_OFFICER, who work for the whole organisation), or for PROVIDER staff the provider
 * organisation they answer for.
 *
 * @param username the sign-in name
 * @param role what the member may do
 * @param unit the unit the member works for, {@code null} for ADMIN, PRIVACY_OFFICER and PROVIDER
 * @param provider the directory's provider a PROVIDER member works for, {@code null} otherwise
 */
public record Actor(String username, Role role, String unit, UUID provider) {

  public Actor {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    if ((role == Role.PROVIDER) != (provider != null)) {
      throw new IllegalArgumentException("Provider staff, and only they, answer for a provider");
    }
  }

  /** Staff of a unit, or ADMIN (no unit). */
  public Actor(String username, Role role, String unit) {
    this(username, role, unit, null);
  }

  /** Staff of a provider organisation. */
  public static Actor ofProvider(String username, UUID provider) {
    return new Actor(username, Role.PROVIDER, null, provider);
  }

  public boolean worksFor(UUID otherProvider) {
    return provider != null && provider.equals(otherProvider);
  }

  public boolean is(Role other) {
    return role == other;
  }

  public boolean worksIn(String otherUnit) {
    return unit != null && unit.equals(otherUnit);
  }
}
