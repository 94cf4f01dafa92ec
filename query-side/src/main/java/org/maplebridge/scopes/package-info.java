/**
 * What the read side asks before it shows a record: a viewer's scope on it, by the record's facts
 * handed to {@link org.maplebridge.scope.ScopePolicy}. Only the ports live here; each is answered
 * by the read model that projects the record, since read models do not read each other's tables.
 */
package org.maplebridge.scopes;
