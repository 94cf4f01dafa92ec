package org.maplebridge.scope;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the policy needs to know of a record: its kind, its unit and the staff who work on it (the
 * care team of an intake; the referrer and the source case's care team of a referral).
 *
 * @param crisisSourced a referral made from a crisis episode, which the unit's crisis staff share
 * @param provider the provider a referral is addressed to (null for other records)
 * @param providerReach how far the referral reaches that provider now
 */
public record RecordFacts(
    RecordKind kind,
    String unit,
    Set<String> team,
    boolean crisisSourced,
    UUID provider,
    ProviderReach providerReach) {

  public RecordFacts {
    Objects.requireNonNull(kind, "kind");
    team = team == null ? Set.of() : Set.copyOf(team);
    providerReach = providerReach == null ? ProviderReach.NONE : providerReach;
  }

  public RecordFacts(RecordKind kind, String unit, Set<String> team, boolean crisisSourced) {
    this(kind, unit, team, crisisSourced, null, ProviderReach.NONE);
  }

  /** The same referral, addressed to {@code provider}, reaching it as far as {@code reach}. */
  public RecordFacts sentTo(UUID provider, ProviderReach reach) {
    return new RecordFacts(kind, unit, team, crisisSourced, provider, reach);
  }

  public static RecordFacts intake(String unit, Set<String> careTeam) {
    return new RecordFacts(RecordKind.INTAKE, unit, careTeam, false);
  }

  public static RecordFacts crisis(String unit) {
    return crisis(unit, Set.of());
  }

  /**
   * An episode whose consult is with {@code consulted}: the on-call supervisor consulted, paged, or
   * asked to approve its closure, while that lasts.
   */
  public static RecordFacts crisis(String unit, Set<String> consulted) {
    return new RecordFacts(RecordKind.CRISIS, unit, consulted, false);
  }

  public static RecordFacts referral(String unit, Set<String> referrerAndTeam, boolean fromCrisis) {
    return new RecordFacts(RecordKind.REFERRAL, unit, referrerAndTeam, fromCrisis);
  }
}
