package org.maplebridge.events.referral;

import java.time.Instant;
import java.util.UUID;

/** The provider gave the person an appointment. */
public record AppointmentScheduled(UUID referralId, Instant at, String recordedBy)
    implements ReferralEvent {}
