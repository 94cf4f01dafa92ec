package org.maplebridge.events.crisis;

import java.time.Instant;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/**
 * One more contact with the person during the episode (a call, a chat, a visit): when it started,
 * how many minutes it took, who took it and a short note.
 */
public record ContactRecorded(
    UUID crisisId,
    UUID contactId,
    ContactChannel channel,
    Instant startedAt,
    int minutes,
    String takenBy,
    @ClinicalData String note)
    implements CrisisEvent {}
