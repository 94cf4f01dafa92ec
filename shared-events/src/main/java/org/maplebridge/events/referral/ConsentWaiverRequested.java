package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.NotClinical;

/**
 * The referrer asked the unit's supervisor to let the referral go without the client's consent to
 * share, for the reason given; nothing is shared until the supervisor grants it. The reason is
 * written for the supervisor, who sees no clinical content: why consent cannot be had (risk to
 * life, client unable to consent), not the clinical picture.
 */
public record ConsentWaiverRequested(
    UUID referralId, @NotClinical String reason, String requestedBy) implements ReferralEvent {}
