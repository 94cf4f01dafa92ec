package org.maplebridge.history;

import java.time.Instant;
import java.util.UUID;
import org.maplebridge.events.Actor;

/** A crisis episode's timeline as the viewer may see it, as it stood at {@code asOf}. */
public record FindCrisisHistory(UUID crisisId, Actor viewer, Instant asOf) {}
