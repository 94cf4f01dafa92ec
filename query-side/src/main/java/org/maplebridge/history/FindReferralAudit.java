package org.maplebridge.history;

import java.time.Instant;
import java.util.UUID;
import org.maplebridge.events.Actor;

/** Every step of a referral with actor, role and time, for the unit's supervisor, as of then. */
public record FindReferralAudit(UUID referralId, Actor viewer, Instant asOf) {}
