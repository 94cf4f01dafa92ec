package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** The episode was closed; {@code approvedBy} names the supervisor where approval was needed. */
public record CrisisClosed(
    UUID crisisId,
    CrisisClosureReason reason,
    @ClinicalData String summary,
    String closedBy,
    String approvedBy)
    implements CrisisEvent {}
