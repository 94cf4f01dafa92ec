package org.maplebridge.intake;

import java.util.Arrays;
import java.util.List;
import org.maplebridge.events.intake.Urgency;
import org.maplebridge.write.BusinessRule;

/** The rules of a counselling intake, each named as a counsellor would say it. */
final class IntakeRules {
  private IntakeRules() {}

  record NoAssignmentBeforeConsentToCounselling(boolean consentToCounsellingGiven)
      implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !consentToCounsellingGiven;
    }

    @Override
    public String explanation() {
      return "A counsellor can only be assigned once the client has consented to counselling";
    }
  }

  record NothingIsAddedToAClosedCase(boolean closed, Addition what) implements BusinessRule {
    /** What would have been added, as the explanation names it. */
    enum Addition {
      CONSENT("consent"),
      SCREENINGS("screenings"),
      TRIAGE("a triage"),
      ASSIGNMENT("an assignment"),
      CARE_TEAM_MEMBERS("care team members"),
      NOTES("notes");

      private final String words;

      Addition(String words) {
        this.words = words;
      }
    }

    @Override
    public boolean isBroken() {
      return closed;
    }

    @Override
    public String explanation() {
      return "The case is closed: reopen it before adding " + what.words;
    }

    @Override
    public String code() {
      return name() + "." + what.name();
    }
  }

  /**
   * A floor set by PHQ-9 item 9 alone may be lowered once a later C-SSRS found no risk ({@code
   * liftedByNegativeCssrs}).
   */
  record TriageIsNotBelowTheRiskAScreeningShowed(
      Urgency requested, Urgency riskFloor, boolean liftedByNegativeCssrs) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return riskFloor != null && requested.compareTo(riskFloor) < 0 && !liftedByNegativeCssrs;
    }

    @Override
    public String explanation() {
      return "A screening showed risk: the priority must be " + riskFloor + " or higher";
    }

    @Override
    public List<Object> arguments() {
      return Arrays.asList(riskFloor);
    }
  }

  record OnlyGivenConsentCanBeWithdrawn(boolean given) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !given;
    }

    @Override
    public String explanation() {
      return "There is no active consent of that scope to withdraw";
    }
  }

  record AClosedCaseIsNotClosedAgain(boolean closed) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return closed;
    }

    @Override
    public String explanation() {
      return "The case is already closed";
    }
  }

  record OnlyAClosedCaseCanBeReopened(boolean closed) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !closed;
    }

    @Override
    public String explanation() {
      return "The case is open: there is nothing to reopen";
    }
  }

  record ReferredOnMeansAReferralWentOut(boolean referralSent) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !referralSent;
    }

    @Override
    public String explanation() {
      return "A case is closed as referred on only once a referral has been sent";
    }
  }

  record TheAssignedCounsellorStaysOnTheCareTeam(String member, String assignedCounsellor)
      implements BusinessRule {
    @Override
    public boolean isBroken() {
      return member.equals(assignedCounsellor);
    }

    @Override
    public String explanation() {
      return "The assigned counsellor stays on the care team: assign someone else first";
    }
  }

  record OnlyAnOpenReviewIsDone(boolean reviewOpen) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !reviewOpen;
    }

    @Override
    public String explanation() {
      return "No clinician's review is waiting on this case";
    }
  }
}
