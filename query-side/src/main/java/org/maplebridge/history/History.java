package org.maplebridge.history;

import java.util.List;

/** A record's timeline, oldest step first. */
public record History(List<HistoryEntry> entries) {}
