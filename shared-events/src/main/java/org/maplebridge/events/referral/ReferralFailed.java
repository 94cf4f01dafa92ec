package org.maplebridge.events.referral;

import java.util.UUID;

/** The referral did not reach its aim (for instance three missed appointments). */
public record ReferralFailed(UUID referralId, String reason, String recordedBy)
    implements ReferralEvent {}
