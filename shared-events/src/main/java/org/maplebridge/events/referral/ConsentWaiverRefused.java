package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.NotClinical;

/** The unit's supervisor refused to let the referral go without consent, and said why. */
public record ConsentWaiverRefused(UUID referralId, @NotClinical String reason, String refusedBy)
    implements ReferralEvent {}
