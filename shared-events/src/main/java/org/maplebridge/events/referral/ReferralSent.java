package org.maplebridge.events.referral;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The referral went to the provider with the fields it may see, on the basis named. */
public record ReferralSent(
    UUID referralId,
    UUID providerId,
    ConsentBasis basis,
    Set<DisclosedField> disclosedFields,
    Instant acknowledgeBy,
    String sentBy)
    implements ReferralEvent {}
