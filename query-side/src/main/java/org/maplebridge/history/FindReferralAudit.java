package org.maplebridge.history;

import java.util.UUID;
import org.maplebridge.events.Actor;

/** Every step of a referral with actor, role and time, for the unit's supervisor. */
public record FindReferralAudit(UUID referralId, Actor viewer) {}
