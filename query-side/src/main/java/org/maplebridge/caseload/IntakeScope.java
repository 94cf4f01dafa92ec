package org.maplebridge.caseload;

import java.util.Collection;
import java.util.Optional;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;

/**
 * What a viewer may see of an intake. The care team sees everything; the unit's supervisor sees the
 * case with identity masked and without clinical content; everybody else sees nothing.
 */
public enum IntakeScope {
  CARE_TEAM(true, true),
  SUPERVISOR(false, false),
  /** Broken glass: a crisis worker or the supervisor sees it all, for a while, with a reason. */
  EMERGENCY(true, true);

  private final boolean identity;
  private final boolean clinical;

  IntakeScope(boolean identity, boolean clinical) {
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
    return identity ? "identity,clinical,case" : "case,masked-identity";
  }

  /** The scope with emergency access taken into account, where the viewer holds open glass. */
  public static Optional<IntakeScope> of(
      Actor viewer, String unit, Collection<String> careTeam, boolean emergencyGrant) {
    Optional<IntakeScope> routine = of(viewer, unit, careTeam);
    boolean mayBreakGlass = viewer.is(Role.CRISIS_WORKER) || viewer.is(Role.SUPERVISOR);
    if (emergencyGrant
        && mayBreakGlass
        && viewer.worksIn(unit)
        && routine.map(scope -> !scope.showsClinical()).orElse(true)) {
      return Optional.of(EMERGENCY);
    }
    return routine;
  }

  /** Why a view in this scope happened, as the access audit records it. */
  public String purpose() {
    return this == EMERGENCY ? "EMERGENCY_ACCESS" : "ROUTINE";
  }

  public static Optional<IntakeScope> of(Actor viewer, String unit, Collection<String> careTeam) {
    if (!viewer.worksIn(unit)) {
      return Optional.empty();
    }
    if (careTeam.contains(viewer.username())
        && (viewer.is(Role.COUNSELLOR) || viewer.is(Role.SUPERVISOR))) {
      return Optional.of(CARE_TEAM);
    }
    return viewer.is(Role.SUPERVISOR) ? Optional.of(SUPERVISOR) : Optional.empty();
  }
}
