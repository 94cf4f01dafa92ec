package org.maplebridge.events.intake;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** A counsellor wrote a session note. */
public record SessionNoteAdded(UUID intakeId, UUID noteId, @ClinicalData String text, String author)
    implements IntakeEvent {}
