package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** The provider finished and gave its outcome. {@code answer}: how the provider gave it. */
public record ReferralCompleted(
    UUID referralId, @ClinicalData String outcome, String recordedBy, ProviderAnswer answer)
    implements ReferralEvent {}
