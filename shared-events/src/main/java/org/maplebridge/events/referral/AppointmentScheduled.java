package org.maplebridge.events.referral;

import java.time.Instant;
import java.util.UUID;

/** The provider gave the person an appointment. {@code answer}: how the provider gave it. */
public record AppointmentScheduled(
    UUID referralId, Instant at, String recordedBy, ProviderAnswer answer)
    implements ReferralEvent {}
