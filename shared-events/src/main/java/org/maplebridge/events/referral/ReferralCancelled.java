package org.maplebridge.events.referral;

import java.util.UUID;

/** One side cancelled the open referral. */
public record ReferralCancelled(
    UUID referralId, ReferralSide side, String reason, String recordedBy)
    implements ReferralEvent {}
