package org.maplebridge.events.referral;

import java.util.UUID;

/**
 * The person missed the appointment; {@code misses} counts them. {@code answer}: how the provider
 * gave it.
 */
public record AppointmentMissed(
    UUID referralId, int misses, String recordedBy, ProviderAnswer answer)
    implements ReferralEvent {}
