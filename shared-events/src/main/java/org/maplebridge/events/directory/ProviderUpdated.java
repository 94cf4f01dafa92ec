package org.maplebridge.events.directory;

import java.util.UUID;

/** A provider's directory entry changed; {@code details} is the whole new entry. */
public record ProviderUpdated(UUID providerId, ProviderDetails details, String updatedBy)
    implements ProviderEvent {}
