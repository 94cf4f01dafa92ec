package org.maplebridge.referral;

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

  record SharingNeedsConsentOrAnOverride(boolean consent, boolean override, boolean rescue)
      implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !consent && !override && !rescue;
    }

    @Override
    public String explanation() {
      return "The client has not consented to sharing for referral: record consent, or an"
          + " override with its reason and authoriser";
    }
  }
}
