package org.maplebridge.events;

import java.util.Objects;

/**
 * The staff member behind a command or a query: username, role and unit (no unit for ADMIN and
 * PRIVACY_OFFICER, who work for the whole organisation).
 *
 * @param username the sign-in name
 * @param role what the member may do
 * @param unit the unit the member works for, {@code null} for ADMIN and PRIVACY_OFFICER
 */
public record Actor(String username, Role role, String unit) {

  public Actor {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
  }

  public boolean is(Role other) {
    return role == other;
  }

  public boolean worksIn(String otherUnit) {
    return unit != null && unit.equals(otherUnit);
  }
}
