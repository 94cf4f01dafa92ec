package org.maplebridge.referrals;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.maplebridge.events.Actor;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.PersonalData;
import org.maplebridge.events.Role;
import org.maplebridge.events.referral.ConsentWaiver;
import org.maplebridge.events.referral.ReferralStatus;
import org.maplebridge.events.referral.ReferralStep;
import org.maplebridge.read.AccessLog;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.NotFound;
import org.maplebridge.read.Paging;
import org.maplebridge.read.Paging.Page;
import org.maplebridge.read.Paging.PageRequest;
import org.maplebridge.read.ScopedView;
import org.maplebridge.read.SqlParams;
import org.maplebridge.referrals.ProviderReferrals.FindProviderReferral;
import org.maplebridge.referrals.ProviderReferrals.FindProviderReferrals;
import org.maplebridge.referrals.ProviderReferrals.ProviderReferral;
import org.maplebridge.referrals.ProviderReferrals.ProviderReferralPage;
import org.maplebridge.referrals.ReferralTracker.FindReferrals.After;
import org.maplebridge.scope.Part;
import org.maplebridge.scope.Scope;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The referral tracker: queries, their handler and the read API. */
public final class ReferralTracker {
  private ReferralTracker() {}

  /**
   * The referrals the viewer may see, filtered (null: any), overdue first, then by the nearest
   * deadline, then the newest; one page of them. {@code intake}: those made from that case.
   */
  public record FindReferrals(
      Actor viewer,
      String status,
      Boolean overdue,
      UUID provider,
      String urgency,
      UUID intake,
      PageRequest<After> page) {

    /** Where a page ends: the order key of its last referral. */
    public record After(boolean overdue, Instant nextDeadline, Instant requestedAt, UUID id) {
      public static final String LIST = "referrals";

      public static After of(List<String> cursor) {
        return new After(
            Boolean.parseBoolean(cursor.get(0)),
            cursor.get(1).isEmpty() ? null : Instant.parse(cursor.get(1)),
            Instant.parse(cursor.get(2)),
            UUID.fromString(cursor.get(3)));
      }
    }
  }

  public record FindReferral(UUID referralId, Actor viewer) {}

  /**
   * The asks for sharing without consent that wait for the viewer, the unit's supervisor, oldest
   * first; none for anyone else.
   */
  public record FindWaiverRequests(Actor viewer) {}

  /** One page of referrals, and the cursor of the next page (null on the last). */
  public record Referrals(List<ReferralItem> items, String next) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReferralItem(
      UUID id,
      String status,
      boolean overdue,
      String overdueStage,
      String urgency,
      String serviceType,
      UUID providerId,
      UUID intakeId,
      UUID crisisId,
      @PersonalData UUID clientId,
      @PersonalData String clientReference,
      @ClinicalData String reason,
      String consentBasis,
      String consentWaiver,
      String waiverReason,
      String waiverRequestedBy,
      String waiverAnsweredBy,
      List<String> disclosedFields,
      String requestedBy,
      Instant requestedAt,
      Instant sentAt,
      Instant receivedAt,
      Instant acceptedAt,
      Instant appointmentAt,
      int misses,
      @ClinicalData String outcome,
      Instant finishedAt,
      Instant loopClosedAt,
      Instant nextDeadline,
      boolean providerAccess,
      Instant providerAccessUntil,
      int reviews,
      UUID suggestedProvider,
      Instant sharingEndedAt,
      List<String> allowedActions,
      @JsonIgnore long version,
      @JsonIgnore String unit,
      @JsonIgnore Scope scope)
      implements ScopedView {

    @Override
    public Look look() {
      return new Look("REFERRAL", id, unit);
    }
  }

  /** The supervisor's own actions on a referral, beside the loop's steps. */
  static final String REVIEW = "REVIEW";

  static final String MARK_ENTERED_IN_ERROR = "MARK_ENTERED_IN_ERROR";

  @Component
  static class Handler {
    private final JdbcClient jdbc;
    private final ReferralTrackerScopes scopes;
    private final AccessLog accessLog;
    private final Clock clock = Clock.systemUTC();

    /** The client's reference, as the referral tracker projected it from the intakes. */
    private static final String CLIENT_REFERENCE =
        "(SELECT c.reference FROM referral_client_reference c WHERE c.client_id = r.client_id)"
            + " AS client_reference";

    Handler(JdbcClient jdbc, ReferralTrackerScopes scopes, AccessLog accessLog) {
      this.jdbc = jdbc;
      this.scopes = scopes;
      this.accessLog = accessLog;
    }

    @QueryHandler
    public Referrals handle(FindReferrals query) {
      Actor viewer = query.viewer();
      if (viewer.unit() == null) {
        return new Referrals(List.of(), null);
      }
      After after = query.page().after();
      Page<ReferralItem> page =
          query
              .page()
              .page(
                  jdbc
                      .sql(
                          "SELECT r.*, "
                              + CLIENT_REFERENCE
                              + ", "
                              + ReferralTrackerScopes.CARE_TEAM
                              + " FROM referral_view r WHERE "
                              + ReferralTrackerScopes.VISIBLE
                              + """
                                AND (CAST(:status AS text) IS NULL OR r.status = :status)
                                AND (CAST(:overdue AS boolean) IS NULL OR r.overdue = :overdue)
                                AND (CAST(:provider AS uuid) IS NULL OR r.provider_id = :provider)
                                AND (CAST(:urgency AS text) IS NULL OR r.urgency = :urgency)
                                AND (CAST(:intake AS uuid) IS NULL OR r.intake_id = :intake)
                                AND (CAST(:afterId AS uuid) IS NULL
                                  OR (NOT r.overdue, coalesce(r.next_deadline, 'infinity'))
                                    > (NOT CAST(:afterOverdue AS boolean),
                                       coalesce(CAST(:afterDeadline AS timestamptz), 'infinity'))
                                  OR ((NOT r.overdue, coalesce(r.next_deadline, 'infinity'))
                                      = (NOT CAST(:afterOverdue AS boolean),
                                         coalesce(CAST(:afterDeadline AS timestamptz), 'infinity'))
                                    AND (r.requested_at, r.referral_id)
                                      < (CAST(:afterRequested AS timestamptz),
                                         CAST(:afterId AS uuid))))
                              ORDER BY NOT r.overdue, coalesce(r.next_deadline, 'infinity'),
                                r.requested_at DESC, r.referral_id DESC
                              LIMIT :rows
                              """)
                      .param("unit", viewer.unit())
                      .param("role", viewer.role().name())
                      .param("viewer", viewer.username())
                      .param("status", query.status())
                      .param("overdue", query.overdue())
                      .param("provider", query.provider())
                      .param("urgency", query.urgency())
                      .param("intake", query.intake())
                      .param("afterOverdue", after == null ? null : after.overdue())
                      .param(
                          "afterDeadline",
                          after == null ? null : SqlParams.utc(after.nextDeadline()))
                      .param(
                          "afterRequested",
                          after == null ? null : SqlParams.utc(after.requestedAt()))
                      .param("afterId", after == null ? null : after.id())
                      .param("rows", query.page().rowsToRead())
                      .query((row, n) -> item(row, ReferralTrackerScopes.decide(viewer, row)))
                      .list()
                      .stream()
                      .flatMap(Optional::stream)
                      .toList(),
                  After.LIST,
                  item ->
                      Arrays.asList(
                          item.overdue(), item.nextDeadline(), item.requestedAt(), item.id()));
      return new Referrals(page.items(), page.next());
    }

    @QueryHandler
    public Optional<ReferralItem> handle(FindReferral query) {
      Optional<Scope> scope = scopes.of(query.referralId(), query.viewer());
      if (scope.isEmpty()) {
        scopes
            .unitOf(query.referralId())
            .ifPresent(
                unit ->
                    accessLog.refused(
                        query.viewer(),
                        query.getClass().getSimpleName(),
                        "REFERRAL",
                        query.referralId(),
                        unit));
      }
      return scope.flatMap(
          s ->
              jdbc.sql(
                      "SELECT r.*, "
                          + CLIENT_REFERENCE
                          + " FROM referral_view r WHERE r.referral_id = :id")
                  .param("id", query.referralId())
                  .query((row, n) -> item(row, s))
                  .optional());
    }

    @QueryHandler
    public Referrals handle(FindWaiverRequests query) {
      Actor viewer = query.viewer();
      if (!viewer.is(Role.SUPERVISOR)) {
        return new Referrals(List.of(), null);
      }
      return new Referrals(
          jdbc
              .sql(
                  "SELECT r.*, "
                      + CLIENT_REFERENCE
                      + ", "
                      + ReferralTrackerScopes.CARE_TEAM
                      + " FROM referral_view r WHERE r.unit = :unit"
                      + " AND r.consent_waiver = 'REQUESTED' AND NOT r.sent"
                      + " ORDER BY r.updated_at, r.referral_id")
              .param("unit", viewer.unit())
              .query((row, n) -> item(row, ReferralTrackerScopes.decide(viewer, row)))
              .list()
              .stream()
              .flatMap(Optional::stream)
              .toList(),
          null);
    }

    /** The row as the viewer's scope shows it; none where the policy gives no scope. */
    private Optional<ReferralItem> item(ResultSet row, Optional<Scope> scope) throws SQLException {
      return scope.isEmpty() ? Optional.empty() : Optional.of(item(row, scope.get()));
    }

    private ReferralItem item(ResultSet row, Scope scope) throws SQLException {
      Instant accessUntil = instant(row, "access_until");
      return new ReferralItem(
          row.getObject("referral_id", UUID.class),
          row.getString("status"),
          row.getBoolean("overdue"),
          row.getString("overdue_stage"),
          row.getString("urgency"),
          row.getString("service_type"),
          row.getObject("provider_id", UUID.class),
          row.getObject("intake_id", UUID.class),
          row.getObject("crisis_id", UUID.class),
          row.getObject("client_id", UUID.class),
          row.getString("client_reference"),
          row.getString("reason"),
          row.getString("consent_basis"),
          row.getString("consent_waiver"),
          row.getString("waiver_reason"),
          row.getString("waiver_requested_by"),
          row.getString("waiver_answered_by"),
          List.of((String[]) row.getArray("disclosed_fields").getArray()),
          row.getString("requested_by"),
          instant(row, "requested_at"),
          instant(row, "sent_at"),
          instant(row, "received_at"),
          instant(row, "accepted_at"),
          instant(row, "appointment_at"),
          row.getInt("misses"),
          row.getString("outcome"),
          instant(row, "finished_at"),
          instant(row, "loop_closed_at"),
          instant(row, "next_deadline"),
          accessUntil != null && accessUntil.isAfter(clock.instant()),
          accessUntil,
          row.getInt("reviews"),
          row.getObject("suggested_provider_id", UUID.class),
          instant(row, "sharing_ended_at"),
          allowedActions(
              ReferralStatus.valueOf(row.getString("status")),
              row.getObject("sent_at") != null,
              ConsentWaiver.valueOf(row.getString("consent_waiver")),
              scope),
          row.getLong("version"),
          row.getString("unit"),
          scope);
    }

    /**
     * What the viewer may do next: the loop's steps the status allows (asking for a consent waiver
     * for those who work on it, answering the ask for the supervisor), and for the supervisor the
     * review and marking one entered in error. Pages offer exactly these.
     */
    private static List<String> allowedActions(
        ReferralStatus status, boolean sent, ConsentWaiver waiver, Scope scope) {
      List<String> actions = new ArrayList<>();
      if (scope.mayChange(Part.CASE)) {
        ReferralStep.possibleNow(status, sent, waiver).stream()
            .filter(
                step ->
                    !step.aboutTheWaiver()
                        || (step.supervisorsAnswer()
                            ? scope == Scope.SUPERVISOR
                            : scope.mayChange(Part.CLINICAL)))
            .forEach(step -> actions.add(step.name()));
      }
      if (scope == Scope.SUPERVISOR) {
        actions.add(REVIEW);
        if (status != ReferralStatus.ENTERED_IN_ERROR) {
          actions.add(MARK_ENTERED_IN_ERROR);
        }
      }
      return actions;
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
      OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }
  }

  @RestController
  @Tag(name = "Referral tracker", description = "Referrals by status, overdue, provider, urgency")
  static class Api {
    private final QueryGateway queries;

    Api(QueryGateway queries) {
      this.queries = queries;
    }

    @GetMapping("/api/referrals")
    @Operation(
        summary =
            "The caller's referrals; the supervisor's whole unit. A page of `limit` referrals"
                + " (50, at most 500) after `cursor`; `next` is the next page's cursor")
    Page<?> referrals(
        @RequestParam(required = false) ReferralStatus status,
        @RequestParam(required = false) Boolean overdue,
        @RequestParam(required = false) UUID provider,
        @RequestParam(required = false) org.maplebridge.events.referral.ReferralUrgency urgency,
        @RequestParam(required = false) Integer limit,
        @RequestParam(required = false) String cursor,
        Actor viewer) {
      if (viewer.is(Role.PROVIDER)) {
        return providersReferrals(limit, cursor, viewer);
      }
      if (viewer.unit() == null) {
        throw new Forbidden("Referrals are tracked by the staff of a unit");
      }
      Referrals page =
          queries
              .query(
                  new FindReferrals(
                      viewer,
                      status == null ? null : status.name(),
                      overdue,
                      provider,
                      urgency == null ? null : urgency.name(),
                      null,
                      Paging.request(limit, cursor, After.LIST, After::of)),
                  Referrals.class)
              .join();
      return new Page<>(page.items(), page.next());
    }

    /** Provider staff: the referrals sent to their organisation, as its provider sees them. */
    private Page<?> providersReferrals(Integer limit, String cursor, Actor viewer) {
      ProviderReferralPage page =
          queries
              .query(
                  new FindProviderReferrals(
                      viewer,
                      Paging.request(
                          limit,
                          cursor,
                          FindProviderReferrals.After.LIST,
                          FindProviderReferrals.After::of)),
                  ProviderReferralPage.class)
              .join();
      return new Page<>(page.items(), page.next());
    }

    @GetMapping("/api/referrals/{id}")
    @Operation(
        summary =
            "One referral; provider staff see the summary until they accept, then the disclosed"
                + " fields for the access period")
    ResponseEntity<?> referral(@PathVariable UUID id, Actor viewer) {
      if (viewer.is(Role.PROVIDER)) {
        ProviderReferral seen =
            queries
                .query(
                    new FindProviderReferral(id, viewer),
                    ResponseTypes.optionalInstanceOf(ProviderReferral.class))
                .join()
                .orElseThrow(() -> new NotFound("Referral " + id));
        return ResponseEntity.ok().eTag("\"" + seen.version() + "\"").body(seen);
      }
      ReferralItem item =
          queries
              .query(
                  new FindReferral(id, viewer),
                  ResponseTypes.optionalInstanceOf(ReferralItem.class))
              .join()
              .orElseThrow(() -> new NotFound("Referral " + id));
      return ResponseEntity.ok().eTag("\"" + item.version() + "\"").body(item);
    }
  }

  /** The statuses the tracker filters by (a bad one is a 400, not an empty list). */
}
