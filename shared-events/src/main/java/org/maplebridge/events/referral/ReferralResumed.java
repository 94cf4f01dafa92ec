package org.maplebridge.events.referral;

import java.util.UUID;

/** The service went on after a pause. */
public record ReferralResumed(UUID referralId, String recordedBy) implements ReferralEvent {}
