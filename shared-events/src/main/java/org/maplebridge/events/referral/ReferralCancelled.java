package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/**
 * One side cancelled the open referral. {@code answer}: how the provider gave it, none when the
 * referrer cancelled.
 */
public record ReferralCancelled(
    UUID referralId,
    ReferralSide side,
    @ClinicalData String reason,
    String recordedBy,
    ProviderAnswer answer)
    implements ReferralEvent {}
