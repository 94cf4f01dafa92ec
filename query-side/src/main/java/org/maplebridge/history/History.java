package org.maplebridge.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import org.maplebridge.audit.RecordView;
import org.maplebridge.read.ScopedView;
import org.maplebridge.read.ScopedView.Look;
import org.maplebridge.scope.Scope;

/**
 * A record's timeline, oldest step first, as it stood at {@code asOf} (null: now), with who had
 * looked at it by then: every look for the unit's supervisor, the viewer's own looks otherwise.
 */
public record History(
    Instant asOf,
    List<HistoryEntry> entries,
    List<RecordView> views,
    @JsonIgnore Scope scope,
    @JsonIgnore Look look)
    implements ScopedView {}
