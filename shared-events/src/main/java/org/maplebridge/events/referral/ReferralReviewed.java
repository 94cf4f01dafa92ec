package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** A supervisor reviewed the referral. */
public record ReferralReviewed(
    UUID referralId, UUID reviewId, ReviewKind kind, @ClinicalData String text, String reviewer)
    implements ReferralEvent {}
