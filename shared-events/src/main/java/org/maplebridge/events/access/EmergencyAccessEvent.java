package org.maplebridge.events.access;

import java.util.UUID;

/** What happens to an emergency ("break the glass") access grant. */
public sealed interface EmergencyAccessEvent
    permits EmergencyAccessGranted, EmergencyAccessExpired, EmergencyAccessReviewed {

  UUID grantId();
}
