package org.maplebridge.scope;

import java.util.Optional;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;

/**
 * The one decision of who sees and changes what of a person's record: viewer (role, unit, username,
 * an open emergency grant) against the record's facts (unit, who works on it). The write side asks
 * it before a command changes a record, the read side before a record is shown: they cannot
 * disagree. Empty means the record does not exist for the viewer (404, never 403).
 */
public final class ScopePolicy {
  private ScopePolicy() {}

  public static Optional<Scope> decide(Actor viewer, RecordFacts record) {
    return decide(viewer, record, false);
  }

  public static Optional<Scope> decide(Actor viewer, RecordFacts record, boolean emergencyGrant) {
    if (viewer.is(Role.PROVIDER)) {
      return asProvider(viewer, record);
    }
    if (!viewer.worksIn(record.unit())) {
      return Optional.empty();
    }
    Optional<Scope> routine = routine(viewer, record);
    boolean mayBreakGlass = viewer.is(Role.CRISIS_WORKER) || viewer.is(Role.SUPERVISOR);
    if (emergencyGrant && mayBreakGlass && routine.map(s -> !s.showsClinical()).orElse(true)) {
      return Optional.of(Scope.EMERGENCY);
    }
    return routine;
  }

  /**
   * Who sees the access audit and the emergency-access grants of a unit: its supervisor, and the
   * privacy officer for every unit (who sees who looked, never what they saw).
   */
  public static boolean seesAuditOf(Actor viewer, String unit) {
    return viewer.is(Role.PRIVACY_OFFICER) || (viewer.is(Role.SUPERVISOR) && viewer.worksIn(unit));
  }

  /**
   * Who reviews an emergency access: never its grantee; a supervisor's grant the privacy officer,
   * anyone else's the supervisor of the record's unit.
   */
  public static boolean reviewsEmergencyAccess(
      Actor reviewer, String grantee, Role granteeRole, String recordUnit) {
    if (reviewer.username().equals(grantee)) {
      return false;
    }
    Role reviews = emergencyAccessReviewer(granteeRole);
    return reviewer.is(reviews) && (reviews.organisationWide() || reviewer.worksIn(recordUnit));
  }

  /** The role that reviews a grant taken by someone of {@code granteeRole}. */
  public static Role emergencyAccessReviewer(Role granteeRole) {
    return granteeRole == Role.SUPERVISOR ? Role.PRIVACY_OFFICER : Role.SUPERVISOR;
  }

  /**
   * Who looks a returning person up among {@code unit}'s clients: its counsellors, crisis workers
   * and supervisor, in the lookup's masked scope, whatever they do on the person's records. Never
   * another unit's people: a parent unit's supervisor sees figures of the units below, not who they
   * serve. Empty for everyone else (admin, privacy officer, provider and grid staff).
   */
  public static Optional<Scope> looksUpClientsOf(Actor viewer, String unit) {
    boolean unitStaff =
        viewer.is(Role.COUNSELLOR) || viewer.is(Role.CRISIS_WORKER) || viewer.is(Role.SUPERVISOR);
    return unitStaff && viewer.worksIn(unit) ? Optional.of(Scope.LOOKUP) : Optional.empty();
  }

  /** The live crisis board and risk alerts are for the unit's crisis workers and supervisor. */
  public static boolean watchesTheCrisisBoard(Actor viewer) {
    return viewer.unit() != null && (viewer.is(Role.CRISIS_WORKER) || viewer.is(Role.SUPERVISOR));
  }

  /**
   * Provider staff see only referrals sent to their own organisation, while the referral reaches
   * it; never a case or an episode, never with broken glass.
   */
  private static Optional<Scope> asProvider(Actor viewer, RecordFacts record) {
    if (record.kind() != RecordKind.REFERRAL || !viewer.worksFor(record.provider())) {
      return Optional.empty();
    }
    return switch (record.providerReach()) {
      case NONE -> Optional.empty();
      case PREVIEW -> Optional.of(Scope.PROVIDER_PREVIEW);
      case DISCLOSED -> Optional.of(Scope.PROVIDER);
      case ENDED -> Optional.of(Scope.PROVIDER_ENDED);
    };
  }

  private static Optional<Scope> routine(Actor viewer, RecordFacts record) {
    if (viewer.is(Role.SYSTEM)) {
      return Optional.of(Scope.PLATFORM);
    }
    boolean onTheTeam = record.team().contains(viewer.username());
    if (viewer.is(Role.SUPERVISOR)) {
      // Supervision is masked: a supervisor never works a case from the inside. A crisis consult is
      // not supervision: the supervisor consulted on an episode judges it, so sees it while it
      // lasts.
      return Optional.of(
          record.kind() == RecordKind.CRISIS && onTheTeam ? Scope.CONSULT : Scope.SUPERVISOR);
    }
    return switch (record.kind()) {
      case INTAKE ->
          onTheTeam && viewer.is(Role.COUNSELLOR) ? Optional.of(Scope.CARE_TEAM) : Optional.empty();
      case CRISIS ->
          viewer.is(Role.CRISIS_WORKER) ? Optional.of(Scope.CRISIS_STAFF) : Optional.empty();
      case REFERRAL ->
          onTheTeam || (record.crisisSourced() && viewer.is(Role.CRISIS_WORKER))
              ? Optional.of(Scope.REFERRER)
              : Optional.empty();
    };
  }
}
