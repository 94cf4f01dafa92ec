package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** The service paused. */
public record ReferralPutOnHold(UUID referralId, @ClinicalData String reason, String recordedBy)
    implements ReferralEvent {}
