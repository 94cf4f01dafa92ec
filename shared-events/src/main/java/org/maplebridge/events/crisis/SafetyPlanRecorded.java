package org.maplebridge.events.crisis;

import java.util.UUID;

/** A new version of the person's safety plan. */
public record SafetyPlanRecorded(UUID crisisId, int version, SafetyPlan plan, String recordedBy)
    implements CrisisEvent {}
