package org.maplebridge.referral;

import java.util.Set;
import org.maplebridge.write.BusinessRule;

/** The rules of the referral loop. */
final class ReferralRules {
  private ReferralRules() {}

  /** Statuses as staff and the API name them. */
  enum Status {
    REQUESTED,
    RECEIVED,
    ACCEPTED,
    DECLINED,
    SCHEDULED,
    MISSED,
    IN_PROGRESS,
    ON_HOLD,
    COMPLETED,
    FAILED,
    LOOP_CLOSED,
    CANCELLED,
    ENTERED_IN_ERROR;

    static final Set<Status> OPEN =
        Set.of(REQUESTED, RECEIVED, ACCEPTED, SCHEDULED, MISSED, IN_PROGRESS, ON_HOLD);
  }

  record TheLoopGoesStepByStep(String step, Status status, Set<Status> possibleFrom)
      implements BusinessRule {
    @Override
    public boolean isBroken() {
      return !possibleFrom.contains(status);
    }

    @Override
    public String explanation() {
      return "A referral that is " + status + " cannot be " + step;
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
