package org.maplebridge.events.privacy;

import java.util.UUID;
import org.maplebridge.events.NotClinical;

/** The legal hold on the person's records was lifted before its end. */
public record LegalHoldLifted(UUID personId, @NotClinical String reason, String liftedBy)
    implements PrivacyEvent {}
