package org.maplebridge.events.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider accepted: it may see the disclosed fields until {@code accessUntil} (any final state
 * ends that sooner); outcome feedback is due by {@code feedbackBy}. {@code answer}: how the
 * provider gave it.
 */
public record ReferralAccepted(
    UUID referralId,
    Instant accessUntil,
    Instant feedbackBy,
    String recordedBy,
    ProviderAnswer answer)
    implements ReferralEvent {}
