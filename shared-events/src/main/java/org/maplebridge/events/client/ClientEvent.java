package org.maplebridge.events.client;

/**
 * What happens to a client as a whole, beyond any one case: a duplicate found and merged. These
 * events carry references, never identity: they outlive an erasure in plain.
 */
public sealed interface ClientEvent permits ClientsMerged {}
