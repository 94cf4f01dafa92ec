package org.maplebridge.write;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What a referral needs to know of the case or episode it comes from: the person, the unit, who
 * works on it, and whether sharing is allowed without an override.
 *
 * @param team the staff who may refer from a case; empty where the unit's crisis staff all may
 * @param rescuedAt when emergency services were last called for the person (a crisis episode's
 *     active rescue); {@code null} when never
 */
public record SourceFacts(
    UUID clientId,
    String unit,
    Set<String> team,
    boolean consentsToSharingForReferral,
    Instant rescuedAt) {}
