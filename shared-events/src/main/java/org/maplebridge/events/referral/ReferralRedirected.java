package org.maplebridge.events.referral;

import java.time.Instant;
import java.util.UUID;

/** A declined referral went on to another provider. */
public record ReferralRedirected(
    UUID referralId, UUID fromProvider, UUID toProvider, Instant acknowledgeBy, String redirectedBy)
    implements ReferralEvent {}
