package org.maplebridge.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

  private StaffAuthorities() {}

  public static List<GrantedAuthority> of(Role role, String unit) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role.name()));
    if (unit != null) {
      authorities.add(new SimpleGrantedAuthority(UNIT_PREFIX + unit));
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
    Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
    for (GrantedAuthority authority : authorities) {
      String name = authority.getAuthority();
      if (name.startsWith(ROLE_PREFIX)) {
        role = parseRole(name.substring(ROLE_PREFIX.length()));
      } else if (name.startsWith(UNIT_PREFIX)) {
        unit = name.substring(UNIT_PREFIX.length());
      }
    }
    return role == null
        ? Optional.empty()
        : Optional.of(new Actor(authentication.getName(), role, unit));
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
