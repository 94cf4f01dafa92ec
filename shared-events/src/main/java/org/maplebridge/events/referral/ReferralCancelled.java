package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** One side cancelled the open referral. */
public record ReferralCancelled(
    UUID referralId, ReferralSide side, @ClinicalData String reason, String recordedBy)
    implements ReferralEvent {}
