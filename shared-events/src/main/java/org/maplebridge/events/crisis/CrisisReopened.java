package org.maplebridge.events.crisis;

import java.util.UUID;

/** A closed episode was opened again. */
public record CrisisReopened(UUID crisisId, String reason, String by) implements CrisisEvent {}
