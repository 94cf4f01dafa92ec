package org.maplebridge.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A staff member's role and unit as Spring Security authorities ({@code ROLE_COUNSELLOR}, {@code
 * UNIT_north}), whichever way they signed in, and back to an {@link Actor}.
 */
public final class StaffAuthorities {
  static final String ROLE_PREFIX = "ROLE_";
  static final String UNIT_PREFIX = "UNIT_";
  static final String PROVIDER_PREFIX = "PROVIDER_";

  private StaffAuthorities() {}

  public static List<GrantedAuthority> of(Role role, String unit) {
    return of(role, unit, null);
  }

  /** Provider staff carry their provider ({@code PROVIDER_<id>}) where unit staff carry a unit. */
  public static List<GrantedAuthority> of(Role role, String unit, UUID provider) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role.name()));
    if (unit != null) {
      authorities.add(new SimpleGrantedAuthority(UNIT_PREFIX + unit));
    }
    if (provider != null) {
      authorities.add(new SimpleGrantedAuthority(PROVIDER_PREFIX + provider));
    }
    return authorities;
  }

  /** The actor behind an authentication; empty for anonymous or unknown roles. */
  public static Optional<Actor> actorOf(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return Optional.empty();
    }
    Role role = null;
    String unit = null;
    UUID provider = null;
    Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
    for (GrantedAuthority authority : authorities) {
      String name = authority.getAuthority();
      if (name.startsWith(ROLE_PREFIX)) {
        role = parseRole(name.substring(ROLE_PREFIX.length()));
      } else if (name.startsWith(UNIT_PREFIX)) {
        unit = name.substring(UNIT_PREFIX.length());
      } else if (name.startsWith(PROVIDER_PREFIX)) {
        provider = UUID.fromString(name.substring(PROVIDER_PREFIX.length()));
      }
    }
    if (role == null || (role == Role.PROVIDER) != (provider != null)) {
      return Optional.empty();
    }
    return Optional.of(new Actor(authentication.getName(), role, unit, provider));
  }

  private static Role parseRole(String name) {
    for (Role role : Role.values()) {
      if (role.name().equals(name)) {
        return role;
      }
    }
    return null;
  }
}
