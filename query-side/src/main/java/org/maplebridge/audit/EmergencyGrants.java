package org.maplebridge.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.access.EmergencyAccessExpired;
import org.maplebridge.events.access.EmergencyAccessGranted;
import org.maplebridge.events.access.EmergencyAccessReviewed;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.SqlParams;
import org.maplebridge.scope.ScopePolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Emergency access grants: whether a viewer holds open glass on a record now, and the list their
 * reviewers see (the unit's supervisor; the privacy officer for every unit).
 */
@Component
@ProcessingGroup("access-audit")
public class EmergencyGrants {
  private final JdbcClient jdbc;

  EmergencyGrants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True while {@code viewer} holds an unexpired grant on {@code recordId}. */
  public boolean active(String viewer, UUID recordId) {
    return jdbc.sql(
                "SELECT count(*) FROM emergency_grant WHERE viewer = :viewer AND record_id = :id"
                    + " AND NOT expired AND expires_at > now()")
            .param("viewer", viewer)
            .param("id", recordId)
            .query(Long.class)
            .single()
        > 0;
  }

  @EventHandler
  void on(EmergencyAccessGranted event, @Timestamp Instant at) {
    jdbc.sql(
            """
            INSERT INTO emergency_grant (grant_id, record_type, record_id, record_unit, viewer,
              viewer_role, reason, granted_at, expires_at)
            VALUES (:id, :type, :record, :unit, :viewer, :role, :reason, :at, :expires)
            ON CONFLICT (grant_id) DO NOTHING
            """)
        .param("id", event.grantId())
        .param("type", event.recordType())
        .param("record", event.recordId())
        .param("unit", event.recordUnit())
        .param("viewer", event.viewer())
        .param("role", event.viewerRole())
        .param("reason", event.reason())
        .param("at", SqlParams.utc(at))
        .param("expires", SqlParams.utc(event.expiresAt()))
        .update();
  }

  @EventHandler
  void on(EmergencyAccessExpired event) {
    jdbc.sql("UPDATE emergency_grant SET expired = TRUE WHERE grant_id = :id")
        .param("id", event.grantId())
        .update();
  }

  @EventHandler
  void on(EmergencyAccessReviewed event) {
    jdbc.sql(
            "UPDATE emergency_grant SET reviewed_by = :by, finding = :finding WHERE grant_id = :id")
        .param("by", event.reviewer())
        .param("finding", event.finding())
        .param("id", event.grantId())
        .update();
  }

  @ResetHandler
  void reset() {
    jdbc.sql("TRUNCATE emergency_grant").update();
  }

  /**
   * One grant as its reviewers see it: who reviews it ({@code reviewer}: the unit's SUPERVISOR, or
   * the PRIVACY_OFFICER for a supervisor's grant), whether it is the viewer's to review now, and
   * whether its grantee breaks the glass often ({@link RepeatedEmergencyAccess}).
   */
  record Grant(
      UUID id,
      String recordType,
      UUID recordId,
      String recordUnit,
      String viewer,
      String viewerRole,
      String reason,
      Instant grantedAt,
      Instant expiresAt,
      boolean active,
      String reviewedBy,
      String finding,
      String reviewer,
      boolean yoursToReview,
      boolean repeated) {}

  /**
   * The grants the viewer reviews or oversees, those awaiting the viewer's review first, then
   * repeated ones: the supervisor's unit, or every unit for the privacy officer; none for others.
   */
  List<Grant> seenBy(Actor viewer) {
    if (!ScopePolicy.seesAuditOf(viewer, viewer.unit())) {
      return List.of();
    }
    RepeatedEmergencyAccess rule = RepeatedEmergencyAccess.RULE;
    return jdbc
        .sql(
            """
            SELECT g.*, (NOT g.expired AND g.expires_at > now()) AS active,
              (SELECT count(*) FROM emergency_grant o WHERE o.viewer = g.viewer
                 AND o.granted_at <= g.granted_at
                 AND o.granted_at > g.granted_at - make_interval(secs => :window))
                >= :threshold AS repeated
            FROM emergency_grant g
            WHERE CAST(:unit AS text) IS NULL OR g.record_unit = :unit
            ORDER BY g.granted_at DESC
            """)
        .param("unit", viewer.is(Role.PRIVACY_OFFICER) ? null : viewer.unit())
        .param("window", (double) rule.within().toSeconds())
        .param("threshold", rule.grants())
        .query(
            (row, n) -> {
              String grantee = row.getString("viewer");
              Role granteeRole = Role.valueOf(row.getString("viewer_role"));
              String unit = row.getString("record_unit");
              String reviewedBy = row.getString("reviewed_by");
              return new Grant(
                  row.getObject("grant_id", UUID.class),
                  row.getString("record_type"),
                  row.getObject("record_id", UUID.class),
                  unit,
                  grantee,
                  granteeRole.name(),
                  row.getString("reason"),
                  row.getObject("granted_at", OffsetDateTime.class).toInstant(),
                  row.getObject("expires_at", OffsetDateTime.class).toInstant(),
                  row.getBoolean("active"),
                  reviewedBy,
                  row.getString("finding"),
                  ScopePolicy.emergencyAccessReviewer(granteeRole).name(),
                  reviewedBy == null
                      && ScopePolicy.reviewsEmergencyAccess(viewer, grantee, granteeRole, unit),
                  row.getBoolean("repeated"));
            })
        .list()
        .stream()
        .sorted(
            Comparator.comparing((Grant g) -> !g.yoursToReview()).thenComparing(g -> !g.repeated()))
        .toList();
  }

  @RestController
  @Tag(name = "Emergency access", description = "Time-limited access to one record, with a reason")
  static class Api {
    private final EmergencyGrants grants;

    Api(EmergencyGrants grants) {
      this.grants = grants;
    }

    @GetMapping("/api/emergency-access")
    @Operation(
        summary =
            "Supervisor: the unit's emergency accesses; privacy officer: every unit's. Those"
                + " awaiting the caller's review first, then repeated ones (flagged `repeated`)")
    List<Grant> grants(Actor viewer) {
      if (!ScopePolicy.seesAuditOf(viewer, viewer.unit())) {
        throw new Forbidden(
            "Emergency access reviews are for the unit's supervisor and the privacy officer");
      }
      return grants.seenBy(viewer);
    }
  }
}
