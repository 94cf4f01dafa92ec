package org.maplebridge.events.access;

import java.util.UUID;
import org.maplebridge.events.NotClinical;

/** The supervisor reviewed an emergency access and recorded a finding. */
public record EmergencyAccessReviewed(UUID grantId, String reviewer, @NotClinical String finding)
    implements EmergencyAccessEvent {}
