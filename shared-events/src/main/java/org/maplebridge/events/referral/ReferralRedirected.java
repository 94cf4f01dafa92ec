package org.maplebridge.events.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * A declined referral went on to another provider, on {@code basis} (checked again for the new
 * recipient; null in events stored before it was recorded).
 */
public record ReferralRedirected(
    UUID referralId,
    UUID fromProvider,
    UUID toProvider,
    Instant acknowledgeBy,
    String redirectedBy,
    ConsentBasis basis)
    implements ReferralEvent {}
