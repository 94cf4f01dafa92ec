package org.maplebridge.events.referral;

import java.util.UUID;

/** The person missed the appointment; {@code misses} counts them. */
public record AppointmentMissed(UUID referralId, int misses, String recordedBy)
    implements ReferralEvent {}
