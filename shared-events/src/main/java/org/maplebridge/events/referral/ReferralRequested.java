package org.maplebridge.events.referral;

import java.util.Set;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.directory.ServiceType;

/** A referral was requested from an intake or a crisis episode (one of the two ids is set). */
public record ReferralRequested(
    UUID referralId,
    UUID intakeId,
    UUID crisisId,
    UUID clientId,
    String unit,
    ServiceType serviceType,
    UUID providerId,
    ReferralUrgency urgency,
    @ClinicalData String reason,
    Set<DisclosedField> disclosedFields,
    String requestedBy)
    implements ReferralEvent {}
