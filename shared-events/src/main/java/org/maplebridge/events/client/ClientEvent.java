package org.maplebridge.events.client;

import java.util.UUID;

/**
 * What happens to a client as a whole, beyond any one case: a duplicate found and merged. These
 * events carry references, never identity: they outlive an erasure in plain.
 */
public sealed interface ClientEvent permits ClientsMerged {

  /** The client the event is about (for a merge: the duplicate, which ends with it). */
  UUID clientId();
}
