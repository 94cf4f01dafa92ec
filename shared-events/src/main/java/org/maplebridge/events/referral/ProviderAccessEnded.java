package org.maplebridge.events.referral;

import java.util.UUID;

/**
 * The provider may no longer see the person's disclosed fields on an open referral, because the
 * person withdrew the consent it was sent on; the provider still sees the referral, and why its
 * details went. {@code recordedBy}: who withdrew the consent.
 */
public record ProviderAccessEnded(
    UUID referralId, UUID providerId, ProviderAccessEndReason reason, String recordedBy)
    implements ReferralEvent {}
