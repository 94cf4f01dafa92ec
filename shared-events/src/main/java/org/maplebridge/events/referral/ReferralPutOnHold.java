package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** The service paused. {@code answer}: how the provider gave it. */
public record ReferralPutOnHold(
    UUID referralId, @ClinicalData String reason, String recordedBy, ProviderAnswer answer)
    implements ReferralEvent {}
