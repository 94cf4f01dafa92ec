package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.NotClinical;

/** A supervisor marked the referral as entered in error; its history stays. */
public record ReferralEnteredInError(UUID referralId, @NotClinical String reason, String markedBy)
    implements ReferralEvent {}
