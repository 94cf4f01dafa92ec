package org.maplebridge.events.oncall;

/** Everything that happens to a unit's on-call roster. */
public sealed interface OnCallEvent permits OnCallRosterSet {

  String unit();
}
