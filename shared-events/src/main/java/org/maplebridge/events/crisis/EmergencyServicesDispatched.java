package org.maplebridge.events.crisis;

import java.time.Instant;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.NotClinical;

/**
 * Active rescue: confidentiality was broken for {@code confidentialityBreakReason} and {@code
 * dispatchedBy} called the agency at {@code calledAt} ({@code null} in events recorded before it
 * was asked), under its {@code reference}. The rescue stays unconfirmed until staff confirm that
 * help reached the person, due by {@code confirmBy}.
 */
public record EmergencyServicesDispatched(
    UUID crisisId,
    EmergencyAgency agency,
    @NotClinical String reference,
    @ClinicalData String confidentialityBreakReason,
    Instant confirmBy,
    String dispatchedBy,
    Instant calledAt)
    implements CrisisEvent {}
