package org.maplebridge.caseload;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.maplebridge.caseload.CaseloadItem.LatestScore;
import org.maplebridge.caseload.CaseloadItem.Notice;
import org.maplebridge.caseload.CaseloadItem.ReferralState;
import org.maplebridge.caseload.CaseloadItem.Review;
import org.maplebridge.caseload.CaseloadQueries.FindCaseload;
import org.maplebridge.caseload.CaseloadQueries.FindCaseload.After;
import org.maplebridge.caseload.CaseloadQueries.FindClients;
import org.maplebridge.caseload.CaseloadQueries.FindIntake;
import org.maplebridge.caseload.ClientMatches.ClientMatch;
import org.maplebridge.caseload.IntakeDetails.Client;
import org.maplebridge.caseload.IntakeDetails.Closure;
import org.maplebridge.caseload.IntakeDetails.Consent;
import org.maplebridge.caseload.IntakeDetails.Note;
import org.maplebridge.caseload.IntakeDetails.Screening;
import org.maplebridge.caseload.IntakeDetails.Triage;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Erased;
import org.maplebridge.events.Role;
import org.maplebridge.read.AccessLog;
import org.maplebridge.read.Paging.Page;
import org.maplebridge.read.SqlParams;
import org.maplebridge.scope.RecordFacts;
import org.maplebridge.scope.Scope;
import org.maplebridge.scope.ScopePolicy;
import org.maplebridge.scopes.IntakeScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers caseload and case queries, applying the viewer's scope where the data is read. */
@Component
class CaseloadQueryHandler {
  /** How soon a case should have its counsellor, by priority (or requested urgency). */
  private static final Map<String, Duration> ASSIGNMENT_WINDOW =
      Map.of(
          "EMERGENCY", Duration.ofHours(1),
          "URGENT", Duration.ofHours(24),
          "SOON", Duration.ofDays(3),
          "ROUTINE", Duration.ofDays(14));

  /** SQL: when a case of {@code intake_view v} should have its counsellor. */
  private static final String ASSIGNMENT_DUE =
      ASSIGNMENT_WINDOW.entrySet().stream()
          .map(
              window ->
                  " WHEN '"
                      + window.getKey()
                      + "' THEN interval '"
                      + window.getValue().toSeconds()
                      + " seconds'")
          .collect(
              Collectors.joining(
                  "",
                  "(coalesce(v.triaged_at, v.opened_at)"
                      + " + CASE coalesce(v.priority, v.requested_urgency)",
                  " END)"));

  /** SQL: how urgent a case of {@code intake_view v} is, by priority (or requested urgency). */
  private static final String URGENCY_RANK =
      "CASE coalesce(v.priority, v.requested_urgency)"
          + " WHEN 'EMERGENCY' THEN 3 WHEN 'URGENT' THEN 2 WHEN 'SOON' THEN 1 ELSE 0 END";

  /** SQL: the earliest deadline of a review task still open on the case {@code v}. */
  private static final String REVIEW_DUE =
      "(SELECT min(r.due_at) FROM intake_review r"
          + " WHERE r.intake_id = v.intake_id AND r.done_at IS NULL)";

  /**
   * One page of the cases {@code :viewer} sees ({@code :unitView}: the unit's), in the caseload's
   * order as of {@code :now}, after the case the {@code :after…} values name.
   */
  private static final String CASELOAD_PAGE =
      // The cases are selected first (the unit's open-case index), then sorted: left to itself,
      // the planner scanned all cases in parallel for the sort (measured: 73 ms against 3 ms for a
      // unit's 300 open cases among 100,000).
      """
      WITH cases AS MATERIALIZED (
        SELECT v.*, c.name AS client_name,
          EXISTS (SELECT 1 FROM intake_screening s WHERE s.intake_id = v.intake_id) AS screened,
          %3$s AS review_due,
          %1$s AS assignment_due,
          %2$s AS urgency_rank,
          (v.assigned_counsellor IS NULL AND %1$s < :now)
            OR EXISTS (SELECT 1 FROM intake_referral r WHERE r.intake_id = v.intake_id AND r.overdue)
            OR COALESCE(%3$s < :now, false)
            AS overdue
        FROM intake_view v LEFT JOIN client_identity c ON c.client_id = v.client_id
        WHERE NOT v.closed AND v.unit = :unit AND (:unitView OR :viewer = ANY(v.care_team))
      )
      SELECT * FROM cases
      WHERE CAST(:afterId AS uuid) IS NULL
        OR (crisis_alert IS NULL AND review_due IS NULL, NOT overdue, -urgency_rank, opened_at,
            intake_id)
          > (NOT CAST(:afterAtRisk AS boolean), NOT CAST(:afterOverdue AS boolean),
             -CAST(:afterRank AS int), CAST(:afterOpened AS timestamptz), CAST(:afterId AS uuid))
      ORDER BY crisis_alert IS NULL AND review_due IS NULL, NOT overdue, -urgency_rank, opened_at,
        intake_id
      LIMIT :rows
      """
          .formatted(ASSIGNMENT_DUE, URGENCY_RANK, REVIEW_DUE);

  private final JdbcClient jdbc;
  private final AccessLog accessLog;
  private final IntakeScopes scopes;
  private final Clock clock;

  CaseloadQueryHandler(JdbcClient jdbc, AccessLog accessLog, IntakeScopes scopes) {
    this.jdbc = jdbc;
    this.scopes = scopes;
    this.accessLog = accessLog;
    this.clock = Clock.systemUTC();
  }

  @QueryHandler
  public Caseload handle(FindCaseload query) {
    Actor viewer = query.viewer();
    if (viewer.unit() == null || !(viewer.is(Role.COUNSELLOR) || viewer.is(Role.SUPERVISOR))) {
      return new Caseload(List.of(), null);
    }
    After after = query.page().after();
    Instant now = after == null ? clock.instant() : after.asOf();
    Page<CaseloadRow> page =
        query
            .page()
            .page(
                jdbc.sql(CASELOAD_PAGE)
                    .param("unit", viewer.unit())
                    .param("unitView", viewer.is(Role.SUPERVISOR))
                    .param("viewer", viewer.username())
                    .param("now", SqlParams.utc(now))
                    .param("afterAtRisk", after == null ? null : after.atRisk())
                    .param("afterOverdue", after == null ? null : after.overdue())
                    .param("afterRank", after == null ? null : after.urgencyRank())
                    .param("afterOpened", after == null ? null : SqlParams.utc(after.openedAt()))
                    .param("afterId", after == null ? null : after.intakeId())
                    .param("rows", query.page().rowsToRead())
                    .query(
                        (r, n) ->
                            new CaseloadRow(
                                row(r, n),
                                instant(r, "assignment_due"),
                                r.getInt("urgency_rank"),
                                r.getBoolean("overdue")))
                    .list(),
                After.LIST,
                line ->
                    List.of(
                        now,
                        line.row().riskFlag(),
                        line.overdue(),
                        line.urgencyRank(),
                        line.row().openedAt(),
                        line.row().intakeId()));
    List<UUID> ids = page.items().stream().map(line -> line.row().intakeId()).toList();
    Map<UUID, List<LatestScore>> scores = latestScores(ids);
    Map<UUID, List<ReferralState>> referrals = referrals(ids);
    Map<UUID, List<Notice>> notices = notices(ids);
    Map<UUID, List<Review>> reviews = reviews(ids, now);
    List<CaseloadItem> items = new ArrayList<>();
    for (CaseloadRow line : page.items()) {
      Row row = line.row();
      Scope scope =
          ScopePolicy.decide(viewer, RecordFacts.intake(row.unit(), Set.copyOf(row.careTeam())))
              .orElse(Scope.SUPERVISOR);
      List<ReferralState> caseReferrals = referrals.getOrDefault(row.intakeId(), List.of());
      List<String> overdue = new ArrayList<>();
      if (row.assignedCounsellor() == null && line.assignmentDue().isBefore(now)) {
        overdue.add("ASSIGNMENT");
      }
      if (caseReferrals.stream().anyMatch(ReferralState::overdue)) {
        overdue.add("REFERRAL");
      }
      List<Review> openReviews =
          reviews.getOrDefault(row.intakeId(), List.of()).stream()
              .filter(review -> review.doneAt() == null)
              .toList();
      if (openReviews.stream().anyMatch(Review::overdue)) {
        overdue.add("CLINICAL_REVIEW");
      }
      // A review a screening asked for comes first; then a referral's outcome that came back,
      // which the referrer acknowledges to close the loop.
      Review firstReview = openReviews.isEmpty() ? null : openReviews.get(0);
      String nextAction =
          firstReview != null
              ? firstReview.review()
              : caseReferrals.stream().anyMatch(ReferralState::outcomeWaitsForTheReferrer)
                  ? "ACKNOWLEDGE_REFERRAL_OUTCOME"
                  : row.nextAction();
      Instant nextActionDue =
          firstReview != null
              ? firstReview.dueBy()
              : row.assignedCounsellor() == null ? line.assignmentDue() : null;
      items.add(
          new CaseloadItem(
              row.intakeId(),
              row.clientReference(),
              row.clientName(),
              row.status(),
              row.priority(),
              row.requestedUrgency(),
              row.assignedCounsellor(),
              row.riskFlag(),
              row.crisisAlert(),
              scores.getOrDefault(row.intakeId(), List.of()),
              caseReferrals,
              nextAction,
              nextActionDue,
              overdue,
              openReviews,
              notices.getOrDefault(row.intakeId(), List.of()),
              row.openedAt(),
              row.unit(),
              scope));
    }
    return new Caseload(items, page.next());
  }

  @QueryHandler
  public Optional<IntakeDetails> handle(FindIntake query) {
    Optional<Row> found =
        jdbc.sql(
                """
                SELECT v.*, c.name AS client_name,
                       EXISTS (SELECT 1 FROM intake_screening s WHERE s.intake_id = v.intake_id)
                         AS screened,
                       %s AS review_due
                FROM intake_view v LEFT JOIN client_identity c ON c.client_id = v.client_id
                WHERE v.intake_id = :id
                """
                    .formatted(REVIEW_DUE))
            .param("id", query.intakeId())
            .query(this::row)
            .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Row row = found.get();
    Optional<Scope> scope = scopes.of(row.intakeId(), query.viewer());
    if (scope.isEmpty()) {
      accessLog.refused(
          query.viewer(), query.getClass().getSimpleName(), "INTAKE", row.intakeId(), row.unit());
      return Optional.empty();
    }
    return scope.map(s -> details(row, s));
  }

  /**
   * The unit's clients a lookup names, erased people never (their identity is gone; by phone
   * nothing of theirs is left to match). A client is the unit's when a case of theirs is. The phone
   * is compared by its digits alone, as the lookup gives them.
   */
  @QueryHandler
  public Optional<ClientMatches> handle(FindClients query) {
    Actor viewer = query.viewer();
    UUID lookupId = UUID.randomUUID();
    Optional<Scope> scope = ScopePolicy.looksUpClientsOf(viewer, viewer.unit());
    if (scope.isEmpty()) {
      accessLog.refused(
          viewer, query.getClass().getSimpleName(), ClientMatches.LOOKUP, lookupId, viewer.unit());
      return Optional.empty();
    }
    String matching =
        query.reference() != null
            ? "c.reference = :reference"
            : "regexp_replace(c.phone, '[^0-9]', '', 'g') = :phone"
                + " AND EXTRACT(YEAR FROM c.birth_date) = :birthYear";
    List<ClientMatch> matches =
        jdbc.sql(
                """
                SELECT c.client_id, c.reference, c.name, c.birth_date,
                  (SELECT count(*) FROM intake_view v
                   WHERE v.client_id = c.client_id AND v.unit = :unit AND NOT v.closed)
                    AS open_cases,
                  (SELECT count(*) FROM client_crisis e
                   WHERE e.client_id = c.client_id AND e.unit = :unit AND NOT e.closed)
                    AS open_episodes
                FROM client_identity c
                WHERE %s
                  AND c.name IS DISTINCT FROM :erased
                  AND EXISTS (SELECT 1 FROM intake_view v
                              WHERE v.client_id = c.client_id AND v.unit = :unit)
                ORDER BY c.reference
                LIMIT :most
                """
                    .formatted(matching))
            .param("reference", query.reference())
            .param("phone", query.phoneDigits())
            .param("birthYear", query.birthYear())
            .param("erased", Erased.TEXT)
            .param("unit", viewer.unit())
            .param("most", ClientMatches.MOST)
            .query(
                (r, n) -> {
                  LocalDate birth = r.getObject("birth_date", LocalDate.class);
                  return new ClientMatch(
                      r.getString("reference"),
                      r.getString("name"),
                      birth == null ? null : birth.getYear(),
                      r.getInt("open_cases"),
                      r.getInt("open_episodes"),
                      false,
                      r.getObject("client_id", UUID.class),
                      viewer.unit(),
                      scope.get());
                })
            .list();
    return Optional.of(
        new ClientMatches(new ClientMatches.Lookup(lookupId, viewer.unit(), scope.get()), matches));
  }

  private IntakeDetails details(Row row, Scope scope) {
    UUID id = row.intakeId();
    List<Consent> consents =
        jdbc.sql("SELECT * FROM intake_consent WHERE intake_id = :id ORDER BY version")
            .param("id", id)
            .query(
                (r, n) ->
                    new Consent(
                        r.getString("scope"),
                        r.getString("given_by"),
                        r.getString("method"),
                        r.getString("recorded_by"),
                        instant(r, "recorded_at"),
                        r.getBoolean("withdrawn")))
            .list();
    List<Screening> screenings =
        jdbc.sql("SELECT * FROM intake_screening WHERE intake_id = :id ORDER BY version")
            .param("id", id)
            .query((r, n) -> screening(r))
            .list();
    List<Note> notes =
        jdbc.sql("SELECT * FROM intake_note WHERE intake_id = :id ORDER BY version")
            .param("id", id)
            .query(
                (r, n) ->
                    new Note(
                        r.getObject("note_id", UUID.class),
                        r.getString("text"),
                        r.getString("author"),
                        instant(r, "written_at")))
            .list();
    Client client = client(row.clientId());
    List<Review> caseReviews = reviews(List.of(id), clock.instant()).getOrDefault(id, List.of());
    return new IntakeDetails(
        id,
        row.clientReference(),
        row.clientId(),
        client,
        row.status(),
        row.unit(),
        row.source(),
        row.concern(),
        row.requestedUrgency(),
        row.populationGroups(),
        row.gridArea(),
        row.openedBy(),
        row.openedAt(),
        row.priority() == null
            ? null
            : new Triage(row.priority(), row.triageRationale(), row.triagedBy(), row.triagedAt()),
        row.priority(),
        row.assignedCounsellor(),
        row.careTeam(),
        notices(List.of(id)).getOrDefault(id, List.of()),
        consents,
        row.activeConsents(),
        screenings,
        notes,
        caseReviews,
        row.riskFlag(),
        row.crisisAlert(),
        row.triageFloor(),
        row.closedAt() == null
            ? null
            : new Closure(
                row.closureReason(), row.closureSummary(), row.closedBy(), row.closedAt()),
        scope,
        row.version());
  }

  private Client client(UUID clientId) {
    return jdbc.sql("SELECT * FROM client_identity WHERE client_id = :id")
        .param("id", clientId)
        .query(
            (r, n) -> {
              var birth = r.getObject("birth_date", LocalDate.class);
              return new Client(
                  r.getString("name"),
                  birth,
                  birth == null ? null : birth.getYear(),
                  r.getString("phone"),
                  r.getString("national_id"),
                  r.getString("address"),
                  false);
            })
        .optional()
        .orElse(null);
  }

  private static Screening screening(ResultSet r) throws SQLException {
    Integer[] answers = (Integer[]) r.getArray("answers").getArray();
    return new Screening(
        r.getObject("screening_id", UUID.class),
        r.getString("instrument"),
        r.getString("instrument_version"),
        Arrays.asList(answers),
        (Boolean) r.getObject("recent_behaviour"),
        r.getInt("total"),
        r.getString("band"),
        strings(r, "flags"),
        r.getString("risk"),
        r.getString("recorded_by"),
        instant(r, "recorded_at"));
  }

  private Map<UUID, List<LatestScore>> latestScores(List<UUID> intakeIds) {
    Map<UUID, List<LatestScore>> scores = new LinkedHashMap<>();
    if (intakeIds.isEmpty()) {
      return scores;
    }
    jdbc.sql(
            """
            SELECT DISTINCT ON (intake_id, instrument) intake_id, instrument, total, band, flags, risk
            FROM intake_screening WHERE intake_id = ANY(:ids)
            ORDER BY intake_id, instrument, version DESC
            """)
        .param("ids", intakeIds.toArray(UUID[]::new))
        .query(
            (r, n) -> {
              scores
                  .computeIfAbsent(r.getObject("intake_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new LatestScore(
                          r.getString("instrument"),
                          r.getInt("total"),
                          r.getString("band"),
                          strings(r, "flags"),
                          r.getString("risk")));
              return null;
            })
        .list();
    return scores;
  }

  /** Referrals made from these cases, as the caseload projected them. */
  private Map<UUID, List<ReferralState>> referrals(List<UUID> intakeIds) {
    Map<UUID, List<ReferralState>> referrals = new LinkedHashMap<>();
    if (intakeIds.isEmpty()) {
      return referrals;
    }
    jdbc.sql(
            "SELECT referral_id, intake_id, status, overdue FROM intake_referral"
                + " WHERE intake_id = ANY(:ids) ORDER BY requested_at")
        .param("ids", intakeIds.toArray(UUID[]::new))
        .query(
            (r, n) ->
                referrals
                    .computeIfAbsent(r.getObject("intake_id", UUID.class), k -> new ArrayList<>())
                    .add(
                        new ReferralState(
                            r.getObject("referral_id", UUID.class),
                            r.getString("status"),
                            r.getBoolean("overdue"))))
        .list();
    return referrals;
  }

  /** The review tasks of these cases, the earliest deadline first; overdue as of {@code now}. */
  private Map<UUID, List<Review>> reviews(List<UUID> intakeIds, Instant now) {
    Map<UUID, List<Review>> reviews = new LinkedHashMap<>();
    if (intakeIds.isEmpty()) {
      return reviews;
    }
    jdbc.sql(
            "SELECT * FROM intake_review WHERE intake_id = ANY(:ids)"
                + " ORDER BY due_at, review_id")
        .param("ids", intakeIds.toArray(UUID[]::new))
        .query(
            (r, n) -> {
              Instant due = instant(r, "due_at");
              Instant done = instant(r, "done_at");
              return reviews
                  .computeIfAbsent(r.getObject("intake_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new Review(
                          r.getObject("review_id", UUID.class),
                          r.getString("review"),
                          due,
                          done == null && due.isBefore(now),
                          r.getString("done_by"),
                          done,
                          r.getString("outcome")));
            })
        .list();
    return reviews;
  }

  /** The notices of these cases, newest first. */
  private Map<UUID, List<Notice>> notices(List<UUID> intakeIds) {
    Map<UUID, List<Notice>> notices = new LinkedHashMap<>();
    if (intakeIds.isEmpty()) {
      return notices;
    }
    jdbc.sql(
            "SELECT * FROM intake_notice WHERE intake_id = ANY(:ids)"
                + " ORDER BY noticed_at DESC, notice_id")
        .param("ids", intakeIds.toArray(UUID[]::new))
        .query(
            (r, n) ->
                notices
                    .computeIfAbsent(r.getObject("intake_id", UUID.class), k -> new ArrayList<>())
                    .add(
                        new Notice(
                            r.getString("kind"),
                            r.getString("actor"),
                            r.getString("actor_role"),
                            r.getString("detail"),
                            instant(r, "noticed_at"))))
        .list();
    return notices;
  }

  private Row row(ResultSet r, int n) throws SQLException {
    return new Row(
        r.getObject("intake_id", UUID.class),
        r.getObject("client_id", UUID.class),
        r.getString("client_reference"),
        r.getString("client_name"),
        r.getString("unit"),
        r.getString("source"),
        r.getString("concern"),
        r.getString("requested_urgency"),
        strings(r, "population_groups"),
        r.getString("grid_area"),
        r.getString("opened_by"),
        instant(r, "opened_at"),
        r.getString("priority"),
        r.getString("triage_rationale"),
        r.getString("triaged_by"),
        instant(r, "triaged_at"),
        r.getString("assigned_counsellor"),
        strings(r, "care_team"),
        strings(r, "active_consents"),
        r.getString("crisis_alert"),
        r.getBoolean("closed"),
        r.getString("closure_reason"),
        r.getString("closure_summary"),
        r.getString("closed_by"),
        instant(r, "closed_at"),
        r.getBoolean("screened"),
        instant(r, "review_due"),
        r.getBoolean("floor_lifted") ? null : r.getString("triage_floor"),
        r.getLong("version"));
  }

  static List<String> strings(ResultSet r, String column) throws SQLException {
    Array array = r.getArray(column);
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** A case as the caseload orders it: when it is due, how urgent, whether overdue now. */
  private record CaseloadRow(Row row, Instant assignmentDue, int urgencyRank, boolean overdue) {}

  private record Row(
      UUID intakeId,
      UUID clientId,
      String clientReference,
      String clientName,
      String unit,
      String source,
      String concern,
      String requestedUrgency,
      List<String> populationGroups,
      String gridArea,
      String openedBy,
      Instant openedAt,
      String priority,
      String triageRationale,
      String triagedBy,
      Instant triagedAt,
      String assignedCounsellor,
      List<String> careTeam,
      List<String> activeConsents,
      String crisisAlert,
      boolean closed,
      String closureReason,
      String closureSummary,
      String closedBy,
      Instant closedAt,
      boolean screened,
      Instant reviewDue,
      String triageFloor,
      long version) {

    /** A crisis alert, or a screening's review task still open. */
    boolean riskFlag() {
      return crisisAlert != null || reviewDue != null;
    }

    String status() {
      if (closed) {
        return "CLOSED";
      }
      if (assignedCounsellor != null) {
        return "ASSIGNED";
      }
      return priority != null ? "TRIAGED" : "OPEN";
    }

    /** The next thing the case needs, in the order intake work is done. */
    String nextAction() {
      if (closed) {
        return null;
      }
      if (!activeConsents.contains("COUNSELLING")) {
        return "RECORD_CONSENT";
      }
      if (!screened) {
        return "SCREEN";
      }
      if (priority == null) {
        return "TRIAGE";
      }
      return assignedCounsellor == null ? "ASSIGN_COUNSELLOR" : "HOLD_SESSION";
    }
  }
}
