package org.maplebridge.events.referral;

import java.time.Instant;
import java.util.UUID;

/** A step was not done by its deadline; the supervisor sees it. */
public record ReferralOverdue(UUID referralId, ReferralStage stage, Instant deadline)
    implements ReferralEvent {}
