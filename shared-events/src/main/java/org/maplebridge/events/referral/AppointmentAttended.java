package org.maplebridge.events.referral;

import java.util.UUID;

/** The person came to the appointment; the service is in progress. */
public record AppointmentAttended(UUID referralId, String recordedBy) implements ReferralEvent {}
