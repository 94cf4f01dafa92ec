package org.maplebridge.events.crisis;

import java.time.Instant;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.NotClinical;

/**
 * Active rescue: confidentiality was broken for {@code confidentialityBreakReason} and the agency
 * was called under {@code reference}. The rescue stays unconfirmed until staff confirm that help
 * reached the person, due by {@code confirmBy}.
 */
public record EmergencyServicesDispatched(
    UUID crisisId,
    EmergencyAgency agency,
    @NotClinical String reference,
    @ClinicalData String confidentialityBreakReason,
    Instant confirmBy,
    String dispatchedBy)
    implements CrisisEvent {}
