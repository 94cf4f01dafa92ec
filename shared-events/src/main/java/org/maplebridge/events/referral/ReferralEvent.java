package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.OfRecord;

/** Everything that happens to a referral, from request to the closed loop. */
public sealed interface ReferralEvent extends OfRecord
    permits ReferralRequested,
        ConsentWaiverRequested,
        ConsentOverrideRecorded,
        ConsentWaiverRefused,
        ReferralSent,
        ReferralReceived,
        ReferralAccepted,
        ReferralDeclined,
        ReferralRedirected,
        AppointmentScheduled,
        AppointmentAttended,
        AppointmentMissed,
        ReferralPutOnHold,
        ReferralResumed,
        ReferralCompleted,
        ReferralFailed,
        ReferralLoopClosed,
        ReferralCancelled,
        ReferralEnteredInError,
        ReferralOverdue,
        ReferralReviewed,
        ProviderAccessEnded {

  UUID referralId();

  @Override
  default UUID recordId() {
    return referralId();
  }
}
