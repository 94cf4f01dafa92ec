package org.maplebridge.events.access;

import java.util.UUID;

/** The emergency access ran out. */
public record EmergencyAccessExpired(UUID grantId) implements EmergencyAccessEvent {}
