package org.maplebridge.events.access;

import java.util.UUID;

/** The supervisor reviewed an emergency access and recorded a finding. */
public record EmergencyAccessReviewed(UUID grantId, String reviewer, String finding)
    implements EmergencyAccessEvent {}
