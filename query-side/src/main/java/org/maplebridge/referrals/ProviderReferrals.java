package org.maplebridge.referrals;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.maplebridge.events.Actor;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.PersonalData;
import org.maplebridge.events.referral.ConsentWaiver;
import org.maplebridge.events.referral.DisclosedField;
import org.maplebridge.events.referral.ReferralStatus;
import org.maplebridge.events.referral.ReferralStep;
import org.maplebridge.read.AccessLog;
import org.maplebridge.read.Masking;
import org.maplebridge.read.Paging.Page;
import org.maplebridge.read.Paging.PageRequest;
import org.maplebridge.read.ScopedView;
import org.maplebridge.read.SqlParams;
import org.maplebridge.scope.Access;
import org.maplebridge.scope.Part;
import org.maplebridge.scope.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The referrals a provider's staff see: those sent to their organisation while open. Until the
 * provider accepts, a summary (urgency, service, reason, the person's initials and age); from
 * acceptance, for the access period, also the fields the referral disclosed, and nothing else.
 */
public final class ProviderReferrals {
  private ProviderReferrals() {}

  /** The referrals sent to the viewer's provider, the most recently sent first; one page. */
  public record FindProviderReferrals(Actor viewer, PageRequest<After> page) {

    /** Where a page ends: the sending time and id of its last referral. */
    public record After(Instant sentAt, UUID id) {
      public static final String LIST = "provider-referrals";

      public static After of(List<String> cursor) {
        return new After(Instant.parse(cursor.get(0)), UUID.fromString(cursor.get(1)));
      }
    }
  }

  public record FindProviderReferral(UUID referralId, Actor viewer) {}

  /**
   * The FHIR Tasks of the referrals sent to the viewer's provider, changed from {@code updatedFrom}
   * (inclusive) until {@code updatedBefore} (exclusive), either bound open (null); the most
   * recently changed first, at most {@link org.maplebridge.read.Paging#MAX_LIMIT}. A referral that
   * reached a final state stays in it as a Task alone (its status, and the outcome once completed),
   * so that the provider's system, polling by the time of the last change, learns how each of its
   * Tasks ended, a cancellation by the referrer too; the person and the reason are no longer in it,
   * as the provider's reach ended.
   */
  public record FindProviderTasks(Actor viewer, Instant updatedFrom, Instant updatedBefore) {}

  /** One referral's Task, as {@link FindProviderTasks} shows it. */
  public record FindProviderTask(UUID referralId, Actor viewer) {}

  /**
   * A referral as its letter shows it: what reaches the provider (the viewer, or the provider the
   * referrer prints it for). Provider staff get what their stage shows; the referrer the disclosed
   * fields, as sent.
   */
  public record FindReferralLetter(UUID referralId, Actor viewer) {}

  /**
   * A referral as its provider sees it. {@code initials} and {@code age} are what every provider it
   * reaches may know of the person; the identity and concern below them are filled only with the
   * fields the referral disclosed, and only while the provider's access lasts.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProviderReferral(
      UUID id,
      String status,
      String urgency,
      String serviceType,
      UUID providerId,
      @ClinicalData String reason,
      String consentBasis,
      String initials,
      Integer age,
      List<String> disclosedFields,
      Instant sentAt,
      Instant receivedAt,
      Instant acceptedAt,
      Instant appointmentAt,
      int misses,
      Instant nextDeadline,
      Instant providerAccessUntil,
      Instant updatedAt,
      Instant sharingEndedAt,
      @ClinicalData String outcome,
      @PersonalData String name,
      @PersonalData LocalDate birthDate,
      @PersonalData String phone,
      @PersonalData String nationalId,
      @PersonalData String address,
      @ClinicalData String concern,
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

  /** One page of a provider's referrals, and the cursor of the next page (null on the last). */
  public record ProviderReferralPage(List<ProviderReferral> items, String next) {}

  private static final String SELECT =
      """
      SELECT r.*, p.name, p.birth_date, p.phone, p.national_id, p.address, c.concern,
        %s
      FROM referral_view r
        LEFT JOIN referral_person p ON p.client_id = r.client_id
        LEFT JOIN referral_source_concern c ON c.intake_id = r.intake_id
      """
          .formatted(ReferralTrackerScopes.CARE_TEAM);

  /** Who sees a referral as its provider does. */
  private static final Set<Scope> PROVIDERS =
      Set.of(Scope.PROVIDER, Scope.PROVIDER_PREVIEW, Scope.PROVIDER_ENDED);

  /**
   * Who may print a referral's letter: its provider, and its referrer for the provider. A letter is
   * about the person, so not a provider whose access ended.
   */
  private static final Set<Scope> LETTERS =
      Set.of(Scope.PROVIDER, Scope.PROVIDER_PREVIEW, Scope.REFERRER);

  @Component
  static class Handler {
    private final JdbcClient jdbc;
    private final AccessLog accessLog;
    private final Clock clock = Clock.systemUTC();

    Handler(JdbcClient jdbc, AccessLog accessLog) {
      this.jdbc = jdbc;
      this.accessLog = accessLog;
    }

    @QueryHandler
    public ProviderReferralPage handle(FindProviderReferrals query) {
      Actor viewer = query.viewer();
      if (viewer.provider() == null) {
        return new ProviderReferralPage(List.of(), null);
      }
      FindProviderReferrals.After after = query.page().after();
      Page<ProviderReferral> page =
          query
              .page()
              .page(
                  jdbc
                      .sql(
                          SELECT
                              + """
                              WHERE r.provider_id = :provider AND r.sent
                                AND r.status IN (:open)
                                AND (CAST(:afterId AS uuid) IS NULL
                                  OR (r.sent_at, r.referral_id)
                                    < (CAST(:afterSent AS timestamptz), CAST(:afterId AS uuid)))
                              ORDER BY r.sent_at DESC, r.referral_id DESC
                              LIMIT :rows
                              """)
                      .param("provider", viewer.provider())
                      .param("open", ReferralStatus.OPEN.stream().map(Enum::name).sorted().toList())
                      .param("afterSent", after == null ? null : SqlParams.utc(after.sentAt()))
                      .param("afterId", after == null ? null : after.id())
                      .param("rows", query.page().rowsToRead())
                      .query((row, n) -> seen(row, viewer, PROVIDERS))
                      .list()
                      .stream()
                      .flatMap(Optional::stream)
                      .toList(),
                  FindProviderReferrals.After.LIST,
                  item -> Arrays.asList(item.sentAt(), item.id()));
      return new ProviderReferralPage(page.items(), page.next());
    }

    @QueryHandler
    public Optional<ProviderReferral> handle(FindProviderReferral query) {
      return one(query.referralId(), query.viewer(), PROVIDERS, query.getClass().getSimpleName());
    }

    @QueryHandler
    public List<ProviderReferral> handle(FindProviderTasks query) {
      Actor viewer = query.viewer();
      if (viewer.provider() == null) {
        return List.of();
      }
      return jdbc
          .sql(
              SELECT
                  + """
                  WHERE r.provider_id = :provider AND r.sent
                    AND (CAST(:from AS timestamptz) IS NULL
                      OR r.updated_at >= CAST(:from AS timestamptz))
                    AND (CAST(:before AS timestamptz) IS NULL
                      OR r.updated_at < CAST(:before AS timestamptz))
                  ORDER BY r.updated_at DESC, r.referral_id DESC
                  LIMIT :rows
                  """)
          .param("provider", viewer.provider())
          .param("from", query.updatedFrom() == null ? null : SqlParams.utc(query.updatedFrom()))
          .param(
              "before", query.updatedBefore() == null ? null : SqlParams.utc(query.updatedBefore()))
          .param("rows", org.maplebridge.read.Paging.MAX_LIMIT)
          .query((row, n) -> task(row, viewer))
          .list()
          .stream()
          .flatMap(Optional::stream)
          .toList();
    }

    @QueryHandler
    public Optional<ProviderReferral> handle(FindProviderTask query) {
      Actor viewer = query.viewer();
      Optional<ProviderReferral> task =
          jdbc.sql(SELECT + " WHERE r.referral_id = :id")
              .param("id", query.referralId())
              .query((row, n) -> task(row, viewer))
              .optional()
              .flatMap(one -> one);
      return task.isPresent()
          ? task
          : one(query.referralId(), viewer, PROVIDERS, query.getClass().getSimpleName());
    }

    /**
     * The referral as its provider sees it while it reaches them; after a final state (and only for
     * the provider it was last sent to) its Task alone.
     */
    private Optional<ProviderReferral> task(ResultSet row, Actor viewer) throws SQLException {
      Optional<ProviderReferral> seen = seen(row, viewer, PROVIDERS);
      if (seen.isPresent()) {
        return seen;
      }
      boolean ended =
          !ReferralStatus.OPEN.contains(ReferralStatus.valueOf(row.getString("status")));
      boolean ours =
          viewer.provider() != null
              && viewer.provider().equals(row.getObject("provider_id", UUID.class))
              && row.getBoolean("sent");
      return ended && ours ? Optional.of(endedTask(row)) : Optional.empty();
    }

    /** A referral in a final state as its Task: where it ended, nothing of the person. */
    private ProviderReferral endedTask(ResultSet row) throws SQLException {
      ReferralStatus status = ReferralStatus.valueOf(row.getString("status"));
      boolean completed =
          status == ReferralStatus.COMPLETED || status == ReferralStatus.LOOP_CLOSED;
      return new ProviderReferral(
          row.getObject("referral_id", UUID.class),
          status.name(),
          row.getString("urgency"),
          row.getString("service_type"),
          row.getObject("provider_id", UUID.class),
          null,
          row.getString("consent_basis"),
          null,
          null,
          List.of(),
          instant(row, "sent_at"),
          instant(row, "received_at"),
          instant(row, "accepted_at"),
          instant(row, "appointment_at"),
          row.getInt("misses"),
          null,
          instant(row, "access_until"),
          instant(row, "updated_at"),
          instant(row, "sharing_ended_at"),
          // The provider's own feedback; a failure's reason stays with the referrer.
          completed ? row.getString("outcome") : null,
          null,
          null,
          null,
          null,
          null,
          null,
          List.of(),
          row.getLong("version"),
          row.getString("unit"),
          Scope.PROVIDER_PREVIEW);
    }

    @QueryHandler
    public Optional<ProviderReferral> handle(FindReferralLetter query) {
      return one(query.referralId(), query.viewer(), LETTERS, query.getClass().getSimpleName());
    }

    private Optional<ProviderReferral> one(
        UUID referralId, Actor viewer, Set<Scope> allowed, String attempted) {
      Optional<ProviderReferral> seen =
          jdbc.sql(SELECT + " WHERE r.referral_id = :id")
              .param("id", referralId)
              .query((row, n) -> seen(row, viewer, allowed))
              .optional()
              .flatMap(one -> one);
      if (seen.isEmpty()) {
        jdbc.sql("SELECT unit FROM referral_view WHERE referral_id = :id")
            .param("id", referralId)
            .query(String.class)
            .optional()
            .ifPresent(unit -> accessLog.refused(viewer, attempted, "REFERRAL", referralId, unit));
      }
      return seen;
    }

    private Optional<ProviderReferral> seen(ResultSet row, Actor viewer, Set<Scope> allowed)
        throws SQLException {
      Optional<Scope> scope = ReferralTrackerScopes.decide(viewer, row).filter(allowed::contains);
      return scope.isEmpty() ? Optional.empty() : Optional.of(view(row, scope.get()));
    }

    /** The row with only what its scope lets the provider know filled in. */
    private ProviderReferral view(ResultSet row, Scope scope) throws SQLException {
      Set<DisclosedField> disclosed =
          Arrays.stream((String[]) row.getArray("disclosed_fields").getArray())
              .map(DisclosedField::valueOf)
              .collect(Collectors.toSet());
      // The referrer knows the person; the provider learns the disclosed fields on acceptance.
      boolean accepted = scope == Scope.PROVIDER || scope == Scope.REFERRER;
      // Initials and age are identity too: a scope that hides it (access ended) gets neither.
      boolean knowsThePerson = scope.access(Part.IDENTITY) != Access.HIDDEN;
      String name = knowsThePerson ? row.getString("name") : null;
      LocalDate birthDate = knowsThePerson ? row.getObject("birth_date", LocalDate.class) : null;
      ReferralStatus status = ReferralStatus.valueOf(row.getString("status"));
      return new ProviderReferral(
          row.getObject("referral_id", UUID.class),
          status.name(),
          row.getString("urgency"),
          row.getString("service_type"),
          row.getObject("provider_id", UUID.class),
          row.getString("reason"),
          row.getString("consent_basis"),
          Masking.initials(name),
          birthDate == null
              ? null
              : Period.between(birthDate, LocalDate.now(clock.withZone(ZoneOffset.UTC))).getYears(),
          knowsThePerson ? disclosed.stream().map(Enum::name).sorted().toList() : List.of(),
          instant(row, "sent_at"),
          instant(row, "received_at"),
          instant(row, "accepted_at"),
          instant(row, "appointment_at"),
          row.getInt("misses"),
          instant(row, "next_deadline"),
          instant(row, "access_until"),
          instant(row, "updated_at"),
          instant(row, "sharing_ended_at"),
          null,
          accepted && disclosed.contains(DisclosedField.NAME) ? name : null,
          accepted && disclosed.contains(DisclosedField.BIRTH_DATE) ? birthDate : null,
          accepted && disclosed.contains(DisclosedField.PHONE) ? row.getString("phone") : null,
          accepted && disclosed.contains(DisclosedField.NATIONAL_ID)
              ? row.getString("national_id")
              : null,
          accepted && disclosed.contains(DisclosedField.ADDRESS) ? row.getString("address") : null,
          accepted && disclosed.contains(DisclosedField.CONCERN) ? row.getString("concern") : null,
          // Reaching the provider, it was sent: the consent waiver no longer decides any step.
          ReferralStep.possibleNow(status, true, ConsentWaiver.NONE).stream()
              .filter(ReferralStep.PROVIDER_ANSWERS::contains)
              .map(Enum::name)
              .toList(),
          row.getLong("version"),
          row.getString("unit"),
          scope);
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
      OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }
  }
}
