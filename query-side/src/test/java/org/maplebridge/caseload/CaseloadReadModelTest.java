package org.maplebridge.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maplebridge.caseload.CaseloadQueries.FindCaseload;
import org.maplebridge.caseload.CaseloadQueries.FindCaseload.After;
import org.maplebridge.caseload.CaseloadQueries.FindClients;
import org.maplebridge.caseload.CaseloadQueries.FindIntake;
import org.maplebridge.caseload.ClientMatches.ClientMatch;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.client.ClientIdentity;
import org.maplebridge.events.client.PopulationGroup;
import org.maplebridge.events.crisis.Caller;
import org.maplebridge.events.crisis.ContactChannel;
import org.maplebridge.events.crisis.CrisisClosed;
import org.maplebridge.events.crisis.CrisisClosureReason;
import org.maplebridge.events.crisis.CrisisContactOpened;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.events.intake.CareTeamMemberRemoved;
import org.maplebridge.events.intake.ClinicalReview;
import org.maplebridge.events.intake.ClinicalReviewDone;
import org.maplebridge.events.intake.ClinicalReviewRequested;
import org.maplebridge.events.intake.CounsellorAssigned;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.events.intake.IntakeSource;
import org.maplebridge.events.intake.SessionNoteAdded;
import org.maplebridge.events.intake.Urgency;
import org.maplebridge.events.privacy.ErasureBasis;
import org.maplebridge.events.privacy.PersonErased;
import org.maplebridge.events.referral.ConsentBasis;
import org.maplebridge.events.referral.DisclosedField;
import org.maplebridge.events.referral.ReferralAccepted;
import org.maplebridge.events.referral.ReferralCompleted;
import org.maplebridge.events.referral.ReferralEvent;
import org.maplebridge.events.referral.ReferralOverdue;
import org.maplebridge.events.referral.ReferralReceived;
import org.maplebridge.events.referral.ReferralRequested;
import org.maplebridge.events.referral.ReferralSent;
import org.maplebridge.events.referral.ReferralStage;
import org.maplebridge.events.referral.ReferralUrgency;
import org.maplebridge.read.Masking;
import org.maplebridge.read.Paging;
import org.maplebridge.read.ReadModelDatabase;
import org.maplebridge.scope.Scope;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The caseload read model on its own, against a real PostgreSQL with its own migrations: events fed
 * to the projection, cases read back through the query handler as each viewer would.
 */
class CaseloadReadModelTest {
  private static final Actor ALICE = new Actor("alice", Role.COUNSELLOR, "north");
  private static final Actor BOB = new Actor("bob", Role.COUNSELLOR, "north");
  private static final Actor SAM = new Actor("sam", Role.SUPERVISOR, "north");
  private static final Actor DAVE = new Actor("dave", Role.COUNSELLOR, "south");
  private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");

  @Configuration
  @ComponentScan(
      basePackages = "org.maplebridge",
      useDefaultFilters = false,
      includeFilters =
          @ComponentScan.Filter(
              type = FilterType.REGEX,
              pattern = {
                ".*\\.CaseloadProjection",
                ".*\\.CaseloadQueryHandler",
                ".*\\.ClientCrisisProjection",
                ".*\\.CaseloadScopes",
                ".*\\.EmergencyGrants",
                ".*\\.AccessLog",
                ".*\\.ProjectionWrites"
              }))
  static class Caseload {}

  private static AnnotationConfigApplicationContext context;
  private static CaseloadProjection projection;
  private static CaseloadQueryHandler queries;
  private static ClientCrisisProjection crises;

  @BeforeAll
  static void aDatabaseWithTheCaseloadTables() {
    context = new AnnotationConfigApplicationContext(ReadModelDatabase.class, Caseload.class);
    projection = context.getBean(CaseloadProjection.class);
    queries = context.getBean(CaseloadQueryHandler.class);
    crises = context.getBean(ClientCrisisProjection.class);
  }

  @AfterAll
  static void close() {
    context.close();
  }

  /** The case as the query bus hands it out: read whole, shown as the viewer's scope allows. */
  private static Optional<IntakeDetails> shown(FindIntake query) {
    return queries.handle(query).map(view -> Masking.apply(view, view.scope()));
  }

  private static UUID aliceHandsACaseOverToBob() {
    UUID intake = UUID.randomUUID();
    projection.on(
        new IntakeOpened(
            intake,
            UUID.randomUUID(),
            "C-2026-000001",
            new ClientIdentity(
                "Li Wei", LocalDate.of(1990, 3, 4), "+86 138 0000 0000", "110101", "Maple Road"),
            IntakeSource.WALK_IN,
            "Low mood for weeks",
            Urgency.SOON,
            Set.of(PopulationGroup.STUDENT),
            "north",
            null,
            "alice"),
        0,
        AT);
    projection.on(new CounsellorAssigned(intake, "bob", null, "sam"), 1, AT.plusSeconds(60));
    projection.on(new CareTeamMemberRemoved(intake, "alice", "sam"), 2, AT.plusSeconds(60));
    projection.on(
        new SessionNoteAdded(intake, UUID.randomUUID(), "Sleeps three hours", "bob"),
        3,
        AT.plusSeconds(120));
    return intake;
  }

  @Test
  void theNewCounsellorSeesTheWholeCaseAndThePreviousOneNothing() {
    UUID intake = aliceHandsACaseOverToBob();

    IntakeDetails bobs = shown(new FindIntake(intake, BOB)).orElseThrow();
    assertThat(bobs.client().name()).isEqualTo("Li Wei");
    assertThat(bobs.notes())
        .extracting(IntakeDetails.Note::text)
        .containsExactly("Sleeps three hours");
    assertThat(bobs.careTeam()).containsExactly("bob");

    assertThat(shown(new FindIntake(intake, ALICE))).isEmpty();
    assertThat(shown(new FindIntake(intake, DAVE))).isEmpty();
  }

  @Test
  void theSupervisorSeesTheCaseMaskedWithoutClinicalContentOrTheClientsId() {
    UUID intake = aliceHandsACaseOverToBob();

    Optional<IntakeDetails> seen = shown(new FindIntake(intake, SAM));

    IntakeDetails sams = seen.orElseThrow();
    assertThat(sams.client().name()).isEqualTo("L.W.");
    assertThat(sams.client().birthYear()).isEqualTo(1990);
    assertThat(sams.client().birthDate()).isNull();
    assertThat(sams.client().phone()).isNull();
    assertThat(sams.clientId()).isNull();
    assertThat(sams.concern()).isNull();
    assertThat(sams.notes()).isNull();
    assertThat(sams.client().masked()).isTrue();
    assertThat(sams.scope()).isEqualTo(Scope.SUPERVISOR);
  }

  @Test
  void aCasesReferralIsOverdueUntilTheProviderAnswersAndItsOutcomeWaitsForTheReferrer() {
    UUID intake = aliceHandsACaseOverToBob();
    UUID referral = UUID.randomUUID();
    projection.on(
        new ReferralRequested(
            referral,
            intake,
            null,
            UUID.randomUUID(),
            "north",
            ServiceType.PSYCHIATRIC_ASSESSMENT,
            UUID.randomUUID(),
            ReferralUrgency.URGENT,
            "Needs an assessment",
            Set.of(DisclosedField.NAME),
            "bob"),
        0,
        AT);
    projection.on(
        (ReferralEvent)
            new ReferralSent(
                referral,
                UUID.randomUUID(),
                ConsentBasis.CLIENT_CONSENT,
                Set.of(DisclosedField.NAME),
                AT.plusSeconds(3600),
                "bob"),
        1,
        AT);
    projection.on(
        (ReferralEvent) new ReferralOverdue(referral, ReferralStage.ACKNOWLEDGEMENT, AT), 2, AT);

    assertThat(bobsLine(intake).overdue()).contains("REFERRAL");
    assertThat(bobsLine(intake).referrals())
        .containsExactly(new CaseloadItem.ReferralState(referral, "REQUESTED", true));

    projection.on((ReferralEvent) new ReferralReceived(referral, AT, "bob", null), 3, AT);
    projection.on((ReferralEvent) new ReferralAccepted(referral, AT, AT, "bob", null), 4, AT);
    projection.on((ReferralEvent) new ReferralCompleted(referral, "Assessed", "bob", null), 5, AT);
    projection.on((ReferralEvent) new ReferralReceived(referral, AT, "bob", null), 3, AT);

    CaseloadItem line = bobsLine(intake);
    assertThat(line.referrals())
        .as("a redelivered older event changes nothing")
        .containsExactly(new CaseloadItem.ReferralState(referral, "COMPLETED", false));
    assertThat(line.overdue()).doesNotContain("REFERRAL");
    assertThat(line.nextAction()).isEqualTo("ACKNOWLEDGE_REFERRAL_OUTCOME");
  }

  @Test
  void aReviewPastItsDeadlineIsMarkedOverdueOnTheCaseloadUntilItIsDone() {
    UUID intake = aliceHandsACaseOverToBob();
    UUID review = UUID.randomUUID();
    Instant due = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    projection.on(
        new ClinicalReviewRequested(
            intake, review, ClinicalReview.CLINICIAN_REVIEW, UUID.randomUUID(), due),
        4,
        AT);

    CaseloadItem line = bobsLine(intake);
    assertThat(line.nextAction()).isEqualTo("CLINICIAN_REVIEW");
    assertThat(line.nextActionDue()).isEqualTo(due);
    assertThat(line.overdue()).contains("CLINICAL_REVIEW");
    assertThat(line.riskFlag()).isTrue();
    assertThat(line.reviews()).extracting(CaseloadItem.Review::overdue).containsExactly(true);

    projection.on(
        new ClinicalReviewDone(intake, review, "Means removed, plan made", null, "bob"), 5, AT);

    CaseloadItem after = bobsLine(intake);
    assertThat(after.overdue()).doesNotContain("CLINICAL_REVIEW");
    assertThat(after.reviews()).isEmpty();
    assertThat(after.nextAction()).isNotEqualTo("CLINICIAN_REVIEW");
    IntakeDetails bobs = shown(new FindIntake(intake, BOB)).orElseThrow();
    assertThat(bobs.reviews())
        .extracting(CaseloadItem.Review::doneBy, CaseloadItem.Review::outcome)
        .containsExactly(tuple("bob", "Means removed, plan made"));
    IntakeDetails sams = shown(new FindIntake(intake, SAM)).orElseThrow();
    assertThat(sams.reviews()).extracting(CaseloadItem.Review::outcome).containsOnlyNulls();
  }

  private static CaseloadItem bobsLine(UUID intake) {
    return queries
        .handle(new FindCaseload(BOB, Paging.request(500, null, After.LIST, After::of)))
        .items()
        .stream()
        .filter(item -> item.intakeId().equals(intake))
        .findFirst()
        .orElseThrow();
  }

  /** A lookup as the query bus hands it out: each person shown as the lookup's scope allows. */
  private static List<ClientMatch> found(FindClients query) {
    return queries.handle(query).orElseThrow().items().stream()
        .map(match -> Masking.apply(match, match.scope()))
        .toList();
  }

  @Test
  void aReturningPersonIsFoundByReferenceOrPhoneDigitsInTheirUnitOnlyAndNeverOnceErased() {
    UUID client = UUID.randomUUID();
    UUID intake = UUID.randomUUID();
    projection.on(
        new IntakeOpened(
            intake,
            client,
            "C-2026-000777",
            new ClientIdentity("Fang Yu", LocalDate.of(1991, 1, 2), "138-0013-8000", null, null),
            IntakeSource.PHONE,
            "Cannot sleep",
            Urgency.ROUTINE,
            Set.of(),
            "north",
            null,
            "alice"),
        0,
        AT);
    UUID crisis = UUID.randomUUID();
    crises.on(
        new CrisisContactOpened(
            crisis,
            ContactChannel.HOTLINE,
            Caller.SELF,
            client,
            "Calls at night",
            "north",
            null,
            "carol"),
        0);

    List<ClientMatch> byPhone = found(new FindClients(BOB, null, "13800138000", 1991));
    assertThat(byPhone)
        .extracting(
            ClientMatch::reference,
            ClientMatch::name,
            ClientMatch::birthYear,
            ClientMatch::openCases,
            ClientMatch::openEpisodes,
            ClientMatch::masked)
        .containsExactly(tuple("C-2026-000777", "F.Y.", 1991, 1, 1, true));
    assertThat(found(new FindClients(SAM, "C-2026-000777", null, null)))
        .extracting(ClientMatch::reference)
        .containsExactly("C-2026-000777");
    assertThat(found(new FindClients(BOB, null, "13800138000", 1990))).isEmpty();
    assertThat(found(new FindClients(DAVE, "C-2026-000777", null, null))).isEmpty();

    crises.on(new CrisisClosed(crisis, CrisisClosureReason.STABILISED, "Calmer", "carol", null), 1);
    assertThat(found(new FindClients(ALICE, "C-2026-000777", null, null)))
        .extracting(ClientMatch::openEpisodes)
        .containsExactly(0);

    projection.on(
        new PersonErased(
            client, List.of(intake, crisis), ErasureBasis.REQUEST, "Asked", "R-1", "pat"));
    assertThat(found(new FindClients(ALICE, null, "13800138000", 1991))).isEmpty();
    assertThat(found(new FindClients(ALICE, "C-2026-000777", null, null))).isEmpty();
  }
}
