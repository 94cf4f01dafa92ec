package org.maplebridge.events.oncall;

import java.util.List;

/**
 * The unit's supervisor set who holds each tier when: the whole roster as it stands from now, so
 * the history shows every version and who made it.
 */
public record OnCallRosterSet(String unit, List<OnCallPeriod> periods, String setBy)
    implements OnCallEvent {}
