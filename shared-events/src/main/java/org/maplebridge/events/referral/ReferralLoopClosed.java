package org.maplebridge.events.referral;

import java.util.UUID;

/** The referrer acknowledged the outcome: the loop is closed. */
public record ReferralLoopClosed(UUID referralId, String closedBy) implements ReferralEvent {}
