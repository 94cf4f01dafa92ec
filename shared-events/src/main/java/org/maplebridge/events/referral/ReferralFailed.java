package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/**
 * The referral did not reach its aim (for instance three missed appointments). {@code answer}: how
 * the provider gave it.
 */
public record ReferralFailed(
    UUID referralId, @ClinicalData String reason, String recordedBy, ProviderAnswer answer)
    implements ReferralEvent {}
