package org.maplebridge.crisisboard;

import java.util.Optional;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;

/**
 * What a viewer may see of a crisis episode: the unit's crisis workers see the crisis part in full;
 * the supervisor sees the case (risk, tiers, deadlines) without clinical content; nobody else sees
 * it.
 */
public enum CrisisScope {
  CRISIS_STAFF(true, true),
  SUPERVISOR(false, false),
  /** Broken glass: the supervisor sees the crisis part too, for a while, with a reason. */
  EMERGENCY(true, true);

  private final boolean identity;
  private final boolean clinical;

  CrisisScope(boolean identity, boolean clinical) {
    this.identity = identity;
    this.clinical = clinical;
  }

  public boolean showsIdentity() {
    return identity;
  }

  public boolean showsClinical() {
    return clinical;
  }

  /** What a view in this scope shows, as the access audit records it. */
  public String shown() {
    return clinical ? "clinical,case" : "case";
  }

  public static Optional<CrisisScope> of(Actor viewer, String unit) {
    if (!viewer.worksIn(unit)) {
      return Optional.empty();
    }
    if (viewer.is(Role.CRISIS_WORKER)) {
      return Optional.of(CRISIS_STAFF);
    }
    return viewer.is(Role.SUPERVISOR) ? Optional.of(SUPERVISOR) : Optional.empty();
  }

  /** The scope with emergency access taken into account, where the viewer holds open glass. */
  public static Optional<CrisisScope> of(Actor viewer, String unit, boolean emergencyGrant) {
    Optional<CrisisScope> routine = of(viewer, unit);
    return emergencyGrant && routine.equals(Optional.of(SUPERVISOR))
        ? Optional.of(EMERGENCY)
        : routine;
  }

  /** Why a view in this scope happened, as the access audit records it. */
  public String purpose() {
    return this == EMERGENCY ? "EMERGENCY_ACCESS" : "ROUTINE";
  }

  /** Board and alerts are for the unit's crisis workers and supervisor. */
  public static boolean watchesTheBoard(Actor viewer) {
    return viewer.unit() != null && (viewer.is(Role.CRISIS_WORKER) || viewer.is(Role.SUPERVISOR));
  }
}
