package org.maplebridge.read;

import java.util.UUID;
import org.maplebridge.scope.Scope;

/**
 * A view of a person's record, read whole by its query handler together with the viewer's scope; on
 * the way out ({@link ScopedViews}) what the scope does not show is taken out of it, driven by the
 * markers on its components, and the look is recorded: once, for every view of every answer.
 */
public interface ScopedView {

  Scope scope();

  /** The record this view shows, for the access audit. */
  Look look();

  /** A record looked at: its kind ("INTAKE", "CRISIS", "REFERRAL", "CLIENT"), id and unit. */
  record Look(String recordType, UUID recordId, String recordUnit) {}
}
