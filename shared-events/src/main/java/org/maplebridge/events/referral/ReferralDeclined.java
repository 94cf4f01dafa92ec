package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** The provider declined. {@code answer}: how the provider gave it. */
public record ReferralDeclined(
    UUID referralId,
    DeclineReason reason,
    @ClinicalData String notes,
    String recordedBy,
    ProviderAnswer answer)
    implements ReferralEvent {}
