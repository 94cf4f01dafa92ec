package org.maplebridge.events.referral;

import java.util.UUID;

/** The service went on after a pause. {@code answer}: how the provider gave it. */
public record ReferralResumed(UUID referralId, String recordedBy, ProviderAnswer answer)
    implements ReferralEvent {}
