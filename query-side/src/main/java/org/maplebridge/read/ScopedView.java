package org.maplebridge.read;

import org.maplebridge.scope.Scope;

/**
 * A view of a person's record, read whole by its query handler together with the viewer's scope;
 * what the scope does not show is taken out of it once, on the way out ({@link ScopedViews}),
 * driven by the markers on its components.
 */
public interface ScopedView {

  Scope scope();
}
