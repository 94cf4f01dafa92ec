package org.maplebridge.events.referral;

import java.time.Instant;
import java.util.UUID;

/** The provider acknowledged the referral. */
public record ReferralReceived(UUID referralId, Instant decideBy, String recordedBy)
    implements ReferralEvent {}
