package org.maplebridge.scope;

import java.util.Map;

/**
 * A viewer's relationship to a record and what it opens: which parts are seen, and whether the
 * viewer may change the case or its clinical content.
 */
public enum Scope {
  /** A counsellor on the case's care team. */
  CARE_TEAM(Access.SHOWN, Access.SHOWN, Access.SHOWN, Access.OWN, true),
  /** The unit's crisis staff on a crisis episode. */
  CRISIS_STAFF(Access.SHOWN, Access.SHOWN, Access.SHOWN, Access.OWN, true),
  /** Who made a referral, the source case's care team, or crisis staff on a crisis referral. */
  REFERRER(Access.SHOWN, Access.SHOWN, Access.SHOWN, Access.OWN, true),
  /** The unit's supervisor: the case, masked identity, no clinical content, the whole audit. */
  SUPERVISOR(Access.MASKED, Access.HIDDEN, Access.SHOWN, Access.SHOWN, false),
  /**
   * The on-call supervisor consulted, paged, or asked to approve a closure on a crisis episode,
   * while the consult lasts: what they are asked to judge, without breaking the glass. They advise
   * and approve; the crisis staff write the clinical content.
   */
  CONSULT(Access.SHOWN, Access.SHOWN, Access.SHOWN, Access.SHOWN, false),
  /**
   * Staff of the unit looking a returning person up (by client reference, or phone and birth year):
   * enough to tell whether this is the person before them (reference, initials, birth year, how
   * many cases and episodes are open), nothing of any record. The person's own answers (their birth
   * date, which the returning intake asks for) confirm the rest.
   */
  LOOKUP(Access.MASKED, Access.HIDDEN, Access.SHOWN, Access.OWN, false),
  /** Broken glass: everything, for a while, with a reason, recorded and reviewed. */
  EMERGENCY(Access.SHOWN, Access.SHOWN, Access.SHOWN, Access.OWN, false),
  /**
   * Provider staff on a referral sent to their organisation, not yet accepted (or past the access
   * period): urgency, service and reason, the person's initials and age.
   */
  PROVIDER_PREVIEW(Access.MASKED, Access.DISCLOSED, Access.SHOWN, Access.OWN, false),
  /** Provider staff on an accepted referral, for the access period: the disclosed fields. */
  PROVIDER(Access.DISCLOSED, Access.DISCLOSED, Access.SHOWN, Access.OWN, false),
  /**
   * Provider staff on a referral whose person withdrew consent to share: that it exists, where it
   * stands and that their access ended; nothing of the person, not even the summary.
   */
  PROVIDER_ENDED(Access.HIDDEN, Access.HIDDEN, Access.SHOWN, Access.OWN, false),
  /** The platform's own deadlines and automation: acts on the case, reads nothing. */
  PLATFORM(Access.HIDDEN, Access.HIDDEN, Access.HIDDEN, Access.HIDDEN, false);

  private final Map<Part, Access> access;
  private final boolean clinicalWork;

  Scope(Access identity, Access clinical, Access caseAccess, Access audit, boolean clinicalWork) {
    this.access =
        Map.of(
            Part.IDENTITY,
            identity,
            Part.CLINICAL,
            clinical,
            Part.CASE,
            caseAccess,
            Part.AUDIT,
            audit);
    this.clinicalWork = clinicalWork;
  }

  public Access access(Part part) {
    return access.get(part);
  }

  public boolean showsIdentity() {
    return access(Part.IDENTITY) == Access.SHOWN;
  }

  public boolean showsClinical() {
    return access(Part.CLINICAL) == Access.SHOWN;
  }

  /** The whole audit of the record, not only one's own looks and actions. */
  public boolean showsWholeAudit() {
    return access(Part.AUDIT) == Access.SHOWN;
  }

  /** Status, triage, assignment, closure: everyone in scope may change them. */
  public boolean mayChange(Part part) {
    return switch (part) {
      case CASE -> true;
      case CLINICAL, IDENTITY -> clinicalWork;
      case AUDIT -> false;
    };
  }

  /** What a view in this scope shows, as the access audit records it. */
  public String shown() {
    if (access(Part.CASE) == Access.HIDDEN) {
      return "";
    }
    if (this == PROVIDER_PREVIEW) {
      return "case,initials-and-age,reason";
    }
    if (this == PROVIDER) {
      return "case,disclosed-fields";
    }
    if (this == PROVIDER_ENDED) {
      return "case";
    }
    if (!showsIdentity()) {
      return "case,masked-identity";
    }
    return "identity,clinical,case";
  }

  /** Why a view in this scope happened, as the access audit records it. */
  public String purpose() {
    return switch (this) {
      case EMERGENCY -> "EMERGENCY_ACCESS";
      case CONSULT -> "CONSULT";
      case LOOKUP -> "LOOKUP";
      default -> "ROUTINE";
    };
  }
}
