package org.maplebridge.events.referral;

import java.util.UUID;

/** The provider declined. */
public record ReferralDeclined(
    UUID referralId, DeclineReason reason, String notes, String recordedBy)
    implements ReferralEvent {}
