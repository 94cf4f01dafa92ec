package org.maplebridge.events.intake;

import java.util.Set;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.NotClinical;
import org.maplebridge.events.client.ClientIdentity;
import org.maplebridge.events.client.PopulationGroup;

/**
 * A person was taken in. {@code client} carries the identity of a client new to the platform and is
 * {@code null} when an existing client came back.
 */
public record IntakeOpened(
    UUID intakeId,
    UUID clientId,
    String clientReference,
    ClientIdentity client,
    IntakeSource source,
    @ClinicalData String concern,
    Urgency requestedUrgency,
    Set<PopulationGroup> populationGroups,
    String unit,
    @NotClinical String gridArea,
    String openedBy)
    implements IntakeEvent {}
