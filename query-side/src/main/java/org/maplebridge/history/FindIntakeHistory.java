package org.maplebridge.history;

import java.time.Instant;
import java.util.UUID;
import org.maplebridge.events.Actor;

/** A case's timeline as the viewer may see it, as it stood at {@code asOf} (null: now). */
public record FindIntakeHistory(UUID intakeId, Actor viewer, Instant asOf) {}
