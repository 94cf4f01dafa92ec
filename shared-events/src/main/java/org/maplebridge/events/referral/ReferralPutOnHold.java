package org.maplebridge.events.referral;

import java.util.UUID;

/** The service paused. */
public record ReferralPutOnHold(UUID referralId, String reason, String recordedBy)
    implements ReferralEvent {}
