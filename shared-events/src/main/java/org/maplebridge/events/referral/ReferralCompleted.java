package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** The provider finished and gave its outcome. */
public record ReferralCompleted(UUID referralId, @ClinicalData String outcome, String recordedBy)
    implements ReferralEvent {}
