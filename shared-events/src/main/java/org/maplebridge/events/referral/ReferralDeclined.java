package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** The provider declined. */
public record ReferralDeclined(
    UUID referralId, DeclineReason reason, @ClinicalData String notes, String recordedBy)
    implements ReferralEvent {}
