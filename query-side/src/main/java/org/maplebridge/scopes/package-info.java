/**
 * The read side's facts for the scope policy: each record's unit and who works on it, read where
 * the record is projected, with the viewer's open emergency grants, handed to {@link
 * org.maplebridge.scope.ScopePolicy}.
 */
package org.maplebridge.scopes;
