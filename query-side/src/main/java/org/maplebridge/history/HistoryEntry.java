package org.maplebridge.history;

import java.time.Instant;
import java.util.Map;

/** One step in a record's history: what happened, when, by whom, and what the viewer may see. */
public record HistoryEntry(
    long sequence, String type, Instant at, String by, String role, Map<String, Object> data) {}
