package org.maplebridge.write;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.maplebridge.events.intake.SharingTerms;

/**
 * What a referral needs to know of the case or episode it comes from: the person, the unit, who
 * works on it, and to whom the person lets their details go without an override.
 *
 * @param team the staff who may refer from a case; empty where the unit's crisis staff all may
 * @param sharingConsents the terms of each active consent to share for referral; empty when none
 * @param rescuedAt when emergency services were last called for the person (a crisis episode's
 *     active rescue); {@code null} when never
 */
public record SourceFacts(
    UUID clientId,
    String unit,
    Set<String> team,
    List<SharingTerms> sharingConsents,
    Instant rescuedAt) {

  /** A source holding consent to share with any referral recipient, or none at all. */
  public SourceFacts(
      UUID clientId,
      String unit,
      Set<String> team,
      boolean consentsToSharingForReferral,
      Instant rescuedAt) {
    this(
        clientId,
        unit,
        team,
        consentsToSharingForReferral ? List.of(SharingTerms.ANY_REFERRAL_RECIPIENT) : List.of(),
        rescuedAt);
  }
}
