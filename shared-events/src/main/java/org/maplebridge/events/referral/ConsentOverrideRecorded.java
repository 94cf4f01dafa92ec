package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/**
 * Sharing without the client's consent was authorised, with the reason. Since approvals are acts of
 * the approver, {@code authorisedBy} is the supervisor who granted it and sent the command ({@code
 * recordedBy} is the same person); older events may name another recorder.
 */
public record ConsentOverrideRecorded(
    UUID referralId, @ClinicalData String reason, String authorisedBy, String recordedBy)
    implements ReferralEvent {}
