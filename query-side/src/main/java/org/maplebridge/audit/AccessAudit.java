package org.maplebridge.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.access.AccessRefused;
import org.maplebridge.events.access.RecordViewed;
import org.maplebridge.events.crisis.CrisisContactOpened;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.events.referral.ReferralRequested;
import org.maplebridge.read.AccessLog;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.Paging;
import org.maplebridge.read.Paging.Page;
import org.maplebridge.read.Paging.PageRequest;
import org.maplebridge.read.ProjectionWrites;
import org.maplebridge.read.SqlParams;
import org.maplebridge.scope.ScopePolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access audit: who viewed what, when, which scope and why; for the unit's supervisor, and for
 * the privacy officer across every unit (records named by references, channels and service types,
 * and scopes, never what was seen). Newest first.
 */
final class AccessAudit {
  private AccessAudit() {}

  /**
   * Views of the viewer's unit's records (every unit's for the privacy officer), newest first, one
   * page after (older than) {@code page.after()}.
   */
  record FindAccess(
      Actor viewer,
      UUID recordId,
      String viewerName,
      Instant from,
      Instant to,
      PageRequest<After> page) {}

  /** Where a page of the audit ends: the time and id of its last view. */
  record After(Instant at, UUID viewId) {
    static final String LIST = "access";

    static After of(List<String> cursor) {
      return new After(Instant.parse(cursor.get(0)), UUID.fromString(cursor.get(1)));
    }
  }

  public record AccessEntry(
      UUID viewId,
      Instant at,
      String viewer,
      String viewerRole,
      String recordType,
      UUID recordId,
      String recordUnit,
      RecordLabel record,
      String scope,
      String purpose,
      boolean refused,
      String attempted) {}

  /**
   * What the audit names a record by instead of its id: a case or client by the client's reference;
   * an episode by its channel, caller and opening time (and the client's reference when known); a
   * referral by its service type and the client's reference. Null where the audit never saw the
   * record open (a record older than the label, before a replay).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RecordLabel(
      String reference, String channel, String caller, String serviceType, Instant openedAt) {}

  /** One page of the audit, and the cursor of the next (null on the last). */
  record AccessEntries(List<AccessEntry> items, String next) {
    AccessEntries(Page<AccessEntry> page) {
      this(page.items(), page.next());
    }
  }

  @Component
  @ProcessingGroup("access-audit")
  static class Projection {
    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    Projection(JdbcClient jdbc, ProjectionWrites writes) {
      this.jdbc = jdbc;
      this.writes = writes;
    }

    @EventHandler
    void on(RecordViewed view, @Timestamp Instant at) {
      writes
          .sql(
              """
              INSERT INTO access_log (view_id, viewed_at, viewer, viewer_role, record_type,
                record_id, record_unit, scope, purpose, refused)
              VALUES (:id, :at, :viewer, :role, :type, :record, :unit, :scope, :purpose, :refused)
              ON CONFLICT (view_id) DO NOTHING
              """)
          .param("id", view.viewId())
          .param("at", SqlParams.utc(at))
          .param("viewer", view.viewer())
          .param("role", view.viewerRole())
          .param("type", view.recordType())
          .param("record", view.recordId())
          .param("unit", view.recordUnit())
          .param("scope", view.scope())
          .param("purpose", view.purpose())
          .param("refused", view.refused())
          .update();
    }

    @EventHandler
    void on(AccessRefused refusal, @Timestamp Instant at) {
      writes
          .sql(
              """
              INSERT INTO access_log (view_id, viewed_at, viewer, viewer_role, record_type,
                record_id, record_unit, scope, purpose, refused, attempted)
              VALUES (:id, :at, :viewer, :role, :type, :record, :unit, '', :purpose, TRUE,
                :attempted)
              ON CONFLICT (view_id) DO NOTHING
              """)
          .param("id", refusal.refusalId())
          .param("at", SqlParams.utc(at))
          .param("viewer", refusal.actor())
          .param("role", refusal.actorRole())
          .param("type", refusal.recordType())
          .param("record", refusal.recordId())
          .param("unit", refusal.recordUnit())
          .param("purpose", AccessLog.ROUTINE)
          .param("attempted", refusal.attempted())
          .update();
    }

    @EventHandler
    void on(IntakeOpened event, @Timestamp Instant at) {
      label(event.intakeId(), event.clientId(), event.clientReference(), null, null, null, at);
      label(event.clientId(), null, event.clientReference(), null, null, null, at);
    }

    @EventHandler
    void on(CrisisContactOpened event, @Timestamp Instant at) {
      label(
          event.crisisId(),
          event.clientId(),
          null,
          name(event.channel()),
          name(event.caller()),
          null,
          at);
    }

    @EventHandler
    void on(ReferralRequested event, @Timestamp Instant at) {
      label(event.referralId(), event.clientId(), null, null, null, name(event.serviceType()), at);
    }

    private static String name(Enum<?> value) {
      return value == null ? null : value.name();
    }

    /**
     * A record's label; an episode's or referral's client reference is read through its client's
     * row when the audit is read, so the order in which the events arrive does not matter.
     */
    private void label(
        UUID record,
        UUID client,
        String reference,
        String channel,
        String caller,
        String serviceType,
        Instant openedAt) {
      // A returning client's later intake names the same client: the first label stays.
      writes
          .sql(
              """
              INSERT INTO access_audit_record (record_id, client_id, reference, channel, caller,
                service_type, opened_at)
              VALUES (:id, :client, :reference, :channel, :caller, :serviceType, :at)
              ON CONFLICT (record_id) DO NOTHING
              """)
          .param("id", record)
          .param("client", client)
          .param("reference", reference)
          .param("channel", channel)
          .param("caller", caller)
          .param("serviceType", serviceType)
          .param("at", SqlParams.utc(openedAt))
          .update();
    }

    @ResetHandler
    void reset() {
      jdbc.sql("TRUNCATE access_log, access_audit_record").update();
    }

    @QueryHandler
    public AccessEntries handle(FindAccess query) {
      After after = query.page().after();
      return new AccessEntries(
          query
              .page()
              .page(
                  jdbc.sql(
                          """
                  SELECT l.*, coalesce(r.reference, c.reference) AS reference, r.channel,
                    r.caller, r.service_type, r.opened_at
                  FROM access_log l
                    LEFT JOIN access_audit_record r ON r.record_id = l.record_id
                    LEFT JOIN access_audit_record c ON c.record_id = r.client_id
                  WHERE (CAST(:unit AS text) IS NULL OR l.record_unit = :unit)
                    AND (CAST(:record AS uuid) IS NULL OR l.record_id = :record)
                    AND (CAST(:viewer AS text) IS NULL OR l.viewer = :viewer)
                    AND (CAST(:from AS timestamptz) IS NULL OR l.viewed_at >= :from)
                    AND (CAST(:to AS timestamptz) IS NULL OR l.viewed_at < :to)
                    AND (CAST(:afterId AS uuid) IS NULL OR (l.viewed_at, l.view_id)
                      < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                  ORDER BY l.viewed_at DESC, l.view_id DESC
                  LIMIT :rows
                  """)
                      .param(
                          "unit",
                          query.viewer().is(Role.PRIVACY_OFFICER) ? null : query.viewer().unit())
                      .param("record", query.recordId())
                      .param("viewer", query.viewerName())
                      .param("from", SqlParams.utc(query.from()))
                      .param("to", SqlParams.utc(query.to()))
                      .param("afterAt", after == null ? null : SqlParams.utc(after.at()))
                      .param("afterId", after == null ? null : after.viewId())
                      .param("rows", query.page().rowsToRead())
                      .query(
                          (row, n) ->
                              new AccessEntry(
                                  row.getObject("view_id", UUID.class),
                                  row.getObject("viewed_at", OffsetDateTime.class).toInstant(),
                                  row.getString("viewer"),
                                  row.getString("viewer_role"),
                                  row.getString("record_type"),
                                  row.getObject("record_id", UUID.class),
                                  row.getString("record_unit"),
                                  labelOf(row),
                                  row.getString("scope"),
                                  row.getString("purpose"),
                                  row.getBoolean("refused"),
                                  row.getString("attempted")))
                      .list(),
                  After.LIST,
                  entry -> List.of(entry.at(), entry.viewId())));
    }
  }

  private static RecordLabel labelOf(ResultSet row) throws SQLException {
    OffsetDateTime opened = row.getObject("opened_at", OffsetDateTime.class);
    if (opened == null) {
      return null;
    }
    return new RecordLabel(
        row.getString("reference"),
        row.getString("channel"),
        row.getString("caller"),
        row.getString("service_type"),
        opened.toInstant());
  }

  @RestController
  @Tag(name = "Access audit", description = "Who viewed which record, when and why")
  static class Api {
    private final QueryGateway queries;

    Api(QueryGateway queries) {
      this.queries = queries;
    }

    @GetMapping("/api/audit/access")
    @Operation(
        summary =
            "Supervisor: views of the unit's records (privacy officer: of every unit), refused"
                + " attempts included, newest first, each record named by its `record` label; a"
                + " page of"
                + " `limit` rows (50, at most 500) after `cursor`; `next` is the next page's cursor")
    Page<AccessEntry> access(
        @RequestParam(required = false) UUID recordId,
        @RequestParam(required = false) String viewer,
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            OffsetDateTime from,
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            OffsetDateTime to,
        @RequestParam(required = false) Integer limit,
        @RequestParam(required = false) String cursor,
        Actor caller) {
      if (!ScopePolicy.seesAuditOf(caller, caller.unit())) {
        throw new Forbidden(
            "The access audit is for the unit's supervisor and the privacy officer");
      }
      AccessEntries page =
          queries
              .query(
                  new FindAccess(
                      caller,
                      recordId,
                      viewer,
                      from == null ? null : from.toInstant(),
                      to == null ? null : to.toInstant(),
                      Paging.request(limit, cursor, After.LIST, After::of)),
                  AccessEntries.class)
              .join();
      return new Page<>(page.items(), page.next());
    }
  }
}
