package org.maplebridge.scopes;

/** Scopes on cases, answered by the caseload, which projects their units and care teams. */
public interface IntakeScopes extends RecordScopes {}
