package org.maplebridge.referrals;

import java.util.Optional;
import java.util.UUID;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who sees a referral: the referrer, the source case's care team and, for crisis referrals, the
 * unit's crisis workers see it whole; the unit's supervisor sees it without clinical content.
 */
@Component
public class ReferralScopes {
  /** What the viewer may see: everything, or the case without clinical content. */
  public enum ReferralScope {
    REFERRER,
    SUPERVISOR;

    public boolean showsClinical() {
      return this == REFERRER;
    }
  }

  /** The SQL condition for referrals {@code :viewer} ({@code :role}, {@code :unit}) may see. */
  static final String VISIBLE =
      """
      r.unit = :unit AND (:role = 'SUPERVISOR' OR r.requested_by = :viewer
        OR (:role = 'CRISIS_WORKER' AND r.crisis_id IS NOT NULL)
        OR EXISTS (SELECT 1 FROM intake_view i WHERE i.intake_id = r.intake_id
                   AND :viewer = ANY(i.care_team)))
      """;

  private final JdbcClient jdbc;

  ReferralScopes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ReferralScope> of(UUID referralId, Actor viewer) {
    if (viewer.unit() == null) {
      return Optional.empty();
    }
    boolean visible =
        jdbc.sql("SELECT count(*) FROM referral_view r WHERE r.referral_id = :id AND " + VISIBLE)
                .param("id", referralId)
                .param("unit", viewer.unit())
                .param("role", viewer.role().name())
                .param("viewer", viewer.username())
                .query(Long.class)
                .single()
            > 0;
    if (!visible) {
      return Optional.empty();
    }
    return Optional.of(
        viewer.is(Role.SUPERVISOR) ? ReferralScope.SUPERVISOR : ReferralScope.REFERRER);
  }

  /** The referral's unit; empty when the read side knows no such referral. */
  public Optional<String> unitOf(UUID referralId) {
    return jdbc.sql("SELECT unit FROM referral_view WHERE referral_id = :id")
        .param("id", referralId)
        .query(String.class)
        .optional();
  }
}
