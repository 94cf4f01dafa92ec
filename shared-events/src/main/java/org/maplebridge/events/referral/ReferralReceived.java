package org.maplebridge.events.referral;

import java.time.Instant;
import java.util.UUID;

/** The provider acknowledged the referral. {@code answer}: how the provider gave it. */
public record ReferralReceived(
    UUID referralId, Instant decideBy, String recordedBy, ProviderAnswer answer)
    implements ReferralEvent {}
