package org.maplebridge.events.referral;

import java.util.UUID;

/** Everything that happens to a referral, from request to the closed loop. */
public sealed interface ReferralEvent
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
        ReferralReviewed {

  UUID referralId();
}
