package org.maplebridge.events.referral;

import java.util.UUID;

/** A supervisor marked the referral as entered in error; its history stays. */
public record ReferralEnteredInError(UUID referralId, String reason, String markedBy)
    implements ReferralEvent {}
