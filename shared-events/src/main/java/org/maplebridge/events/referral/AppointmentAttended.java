package org.maplebridge.events.referral;

import java.util.UUID;

/**
 * The person came to the appointment; the service is in progress. {@code answer}: how the provider
 * gave it.
 */
public record AppointmentAttended(UUID referralId, String recordedBy, ProviderAnswer answer)
    implements ReferralEvent {}
