package org.maplebridge.referral;

import java.util.Arrays;
import java.util.List;
import org.maplebridge.events.referral.ConsentWaiver;
import org.maplebridge.events.referral.ReferralStatus;
import org.maplebridge.events.referral.ReferralStep;
import org.maplebridge.write.BusinessRule;

/** The rules of the referral loop. */
final class ReferralRules {
  private ReferralRules() {}

  /** {@code done}: the step as a counsellor would say it was done ("put on hold"). */
  record TheLoopGoesStepByStep(String done, ReferralStatus status, ReferralStep step)
      implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !step.possibleFrom(status);
    }

    @Override
    public String explanation() {
      return "A referral that is " + status + " cannot be " + done;
    }

    @Override
    public String code() {
      return name() + "." + step.name();
    }

    @Override
    public List<Object> arguments() {
      return Arrays.asList(status);
    }
  }

  record ReferralIsSentOnce(boolean sent) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return sent;
    }

    @Override
    public String explanation() {
      return "The referral was already sent";
    }
  }

  record ProviderAnswersComeAfterSending(boolean sent) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !sent;
    }

    @Override
    public String explanation() {
      return "Send the referral before recording the provider's answer";
    }
  }

  /**
   * {@code consent}: the person's consent covers this recipient for a referral; {@code
   * consentNamesOthers}: the person consented to share, but with other recipients or purposes.
   */
  record SharingNeedsConsentOrAnOverride(
      boolean consent, boolean override, boolean rescue, boolean consentNamesOthers)
      implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !consent && !override && !rescue;
    }

    @Override
    public String explanation() {
      return consentNamesOthers
          ? "The client's consent to share does not cover this recipient for a referral: record"
              + " consent naming it, or ask the unit's supervisor for an override"
          : "The client has not consented to sharing for referral: record consent, or ask the"
              + " unit's supervisor for an override";
    }

    @Override
    public String code() {
      return name() + (consentNamesOthers ? ".OTHER_RECIPIENTS" : ".NO_CONSENT");
    }
  }

  /**
   * Sharing without consent is asked for by the referrer and answered by the unit's supervisor,
   * once per ask: a grant or refusal needs a waiting ask, an ask needs none waiting or granted.
   */
  record AWaiverAnswersAnAsk(ReferralStep step, ConsentWaiver waiver) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !step.possible(ReferralStatus.REQUESTED, false, waiver);
    }

    @Override
    public String explanation() {
      return switch (waiver) {
        case REQUESTED -> "An override is already waiting for the supervisor";
        case GRANTED -> "Sharing without consent was already authorised";
        case NONE, REFUSED -> "No override is waiting for an answer";
      };
    }

    @Override
    public String code() {
      return name()
          + switch (waiver) {
            case REQUESTED -> ".WAITING";
            case GRANTED -> ".GRANTED";
            case NONE, REFUSED -> ".NONE_WAITING";
          };
    }
  }

  /** Whoever asked for an override does not authorise it. */
  record NoOneApprovesTheirOwnAsk(String askedBy, String approver) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return approver.equals(askedBy);
    }

    @Override
    public String explanation() {
      return "An override is authorised by someone other than who asked for it";
    }
  }
}
