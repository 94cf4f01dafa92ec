package org.maplebridge.history;

import java.time.Instant;
import java.util.List;
import org.maplebridge.audit.RecordView;

/**
 * A record's timeline, oldest step first, as it stood at {@code asOf} (null: now), with who had
 * looked at it by then: every look for the unit's supervisor, the viewer's own looks otherwise.
 */
public record History(Instant asOf, List<HistoryEntry> entries, List<RecordView> views) {}
