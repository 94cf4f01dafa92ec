package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** The supervisor was consulted and gave advice. */
public record SupervisorConsulted(UUID crisisId, String supervisor, @ClinicalData String advice)
    implements CrisisEvent {}
