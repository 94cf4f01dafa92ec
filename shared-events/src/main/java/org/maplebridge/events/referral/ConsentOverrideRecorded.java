package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** Sharing without the client's consent was authorised, with the reason. */
public record ConsentOverrideRecorded(
    UUID referralId, @ClinicalData String reason, String authorisedBy, String recordedBy)
    implements ReferralEvent {}
