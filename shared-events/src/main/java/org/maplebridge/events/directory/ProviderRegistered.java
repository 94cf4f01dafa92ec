package org.maplebridge.events.directory;

import java.util.UUID;

/** A provider was added to the service directory. */
public record ProviderRegistered(UUID providerId, ProviderDetails details, String registeredBy)
    implements ProviderEvent {}
