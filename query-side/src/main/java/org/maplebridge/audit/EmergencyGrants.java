package org.maplebridge.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Emergency access grants: whether a viewer holds open glass on a record now, and the list the
 * supervisor reviews.
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

  record Grant(
      UUID id,
      String recordType,
      UUID recordId,
      String viewer,
      String viewerRole,
      String reason,
      Instant grantedAt,
      Instant expiresAt,
      boolean active,
      String reviewedBy,
      String finding) {}

  List<Grant> ofUnit(String unit) {
    return jdbc.sql(
            "SELECT *, (NOT expired AND expires_at > now()) AS active FROM emergency_grant"
                + " WHERE record_unit = :unit ORDER BY reviewed_by IS NOT NULL, granted_at DESC")
        .param("unit", unit)
        .query(
            (row, n) ->
                new Grant(
                    row.getObject("grant_id", UUID.class),
                    row.getString("record_type"),
                    row.getObject("record_id", UUID.class),
                    row.getString("viewer"),
                    row.getString("viewer_role"),
                    row.getString("reason"),
                    row.getObject("granted_at", OffsetDateTime.class).toInstant(),
                    row.getObject("expires_at", OffsetDateTime.class).toInstant(),
                    row.getBoolean("active"),
                    row.getString("reviewed_by"),
                    row.getString("finding")))
        .list();
  }

  @RestController
  @Tag(name = "Emergency access", description = "Time-limited access to one record, with a reason")
  static class Api {
    private final EmergencyGrants grants;

    Api(EmergencyGrants grants) {
      this.grants = grants;
    }

    @GetMapping("/api/emergency-access")
    @Operation(summary = "Supervisor: the unit's emergency accesses, those awaiting review first")
    List<Grant> grants(Actor viewer) {
      if (!viewer.is(Role.SUPERVISOR)) {
        throw new Forbidden("Emergency access reviews are for the unit's supervisor");
      }
      return grants.ofUnit(viewer.unit());
    }
  }
}
