package org.maplebridge.events.crisis;

import java.util.UUID;

/** High risk: the unit's supervisor must be consulted. */
public record SupervisorConsultRequested(UUID crisisId, RiskLevel level) implements CrisisEvent {}
