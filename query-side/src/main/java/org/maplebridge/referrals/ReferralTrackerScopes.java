package org.maplebridge.referrals;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.maplebridge.events.Actor;
import org.maplebridge.events.referral.ReferralStatus;
import org.maplebridge.scope.ProviderReach;
import org.maplebridge.scope.RecordFacts;
import org.maplebridge.scope.Scope;
import org.maplebridge.scope.ScopePolicy;
import org.maplebridge.scopes.ReferralScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A viewer's scope on a referral: the scope policy, given the referral's unit, who made it, the
 * source case's care team, and whether it came from a crisis episode.
 */
@Component
class ReferralTrackerScopes implements ReferralScopes {

  /** The source case's care team of referral {@code r}, as the referral tracker projected it. */
  public static final String CARE_TEAM =
      "ARRAY(SELECT t.username FROM referral_source_team t WHERE t.intake_id = r.intake_id)"
          + " AS care_team";

  /**
   * The SQL pre-selection of the referrals {@code :viewer} ({@code :role}, {@code :unit}) may see,
   * so that a list does not read the whole unit; each row is then decided by the policy itself.
   */
  public static final String VISIBLE =
      """
      r.unit = :unit AND (:role = 'SUPERVISOR' OR r.requested_by = :viewer
        OR (:role = 'CRISIS_WORKER' AND r.crisis_id IS NOT NULL)
        OR EXISTS (SELECT 1 FROM referral_source_team t WHERE t.intake_id = r.intake_id
                   AND t.username = :viewer))
      """;

  private final JdbcClient jdbc;

  ReferralTrackerScopes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Scope> of(UUID referralId, Actor viewer) {
    return jdbc.sql(
            """
            SELECT r.unit, r.requested_by, r.crisis_id, r.provider_id, r.status, r.sent,
              r.access_until, r.sharing_ended_at, %s
            FROM referral_view r WHERE r.referral_id = :id
            """
                .formatted(CARE_TEAM))
        .param("id", referralId)
        .query((row, n) -> decide(viewer, row))
        .optional()
        .flatMap(scope -> scope);
  }

  /**
   * The policy's decision on a row with the referral's {@code unit}, {@code requested_by}, {@code
   * crisis_id}, its source case's {@code care_team}, and where it stands with its provider ({@code
   * provider_id}, {@code status}, {@code sent}, {@code access_until}, {@code sharing_ended_at}).
   */
  public static Optional<Scope> decide(Actor viewer, ResultSet row) throws SQLException {
    Set<String> team = new HashSet<>();
    team.add(row.getString("requested_by"));
    Array careTeam = row.getArray("care_team");
    if (careTeam != null) {
      team.addAll(List.of((String[]) careTeam.getArray()));
    }
    OffsetDateTime accessUntil = row.getObject("access_until", OffsetDateTime.class);
    ProviderReach reach =
        ProviderReach.of(
            ReferralStatus.valueOf(row.getString("status")),
            row.getBoolean("sent"),
            accessUntil == null ? null : accessUntil.toInstant(),
            row.getObject("sharing_ended_at", OffsetDateTime.class) != null,
            Instant.now());
    return ScopePolicy.decide(
        viewer,
        RecordFacts.referral(
                row.getString("unit"), team, row.getObject("crisis_id", UUID.class) != null)
            .sentTo(row.getObject("provider_id", UUID.class), reach));
  }

  /** The referral's unit; empty when the read side knows no such referral. */
  @Override
  public Optional<String> unitOf(UUID referralId) {
    return jdbc.sql("SELECT unit FROM referral_view WHERE referral_id = :id")
        .param("id", referralId)
        .query(String.class)
        .optional();
  }
}
