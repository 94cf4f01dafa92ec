package org.maplebridge.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.spring.authorization.MessageAuthorizationHandlerInterceptor;
import org.axonframework.spring.authorization.UnauthorizedMessageException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.maplebridge.events.Actor;
import org.maplebridge.events.MetadataKeys;
import org.maplebridge.events.Role;
import org.maplebridge.events.client.ClientIdentity;
import org.maplebridge.events.client.PopulationGroup;
import org.maplebridge.events.intake.CareTeamMemberAdded;
import org.maplebridge.events.intake.CareTeamMemberRemoved;
import org.maplebridge.events.intake.ClinicalReview;
import org.maplebridge.events.intake.ClinicalReviewDone;
import org.maplebridge.events.intake.ClinicalReviewRequested;
import org.maplebridge.events.intake.ClosureReason;
import org.maplebridge.events.intake.ConsentGiver;
import org.maplebridge.events.intake.ConsentMethod;
import org.maplebridge.events.intake.ConsentRecorded;
import org.maplebridge.events.intake.ConsentScope;
import org.maplebridge.events.intake.ConsentWithdrawn;
import org.maplebridge.events.intake.CounsellorAssigned;
import org.maplebridge.events.intake.CrisisAlertRaised;
import org.maplebridge.events.intake.CrisisAlertReason;
import org.maplebridge.events.intake.Instrument;
import org.maplebridge.events.intake.IntakeClosed;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.events.intake.IntakeReopened;
import org.maplebridge.events.intake.IntakeSource;
import org.maplebridge.events.intake.IntakeTriaged;
import org.maplebridge.events.intake.ScreeningFlag;
import org.maplebridge.events.intake.ScreeningRecorded;
import org.maplebridge.events.intake.SessionNoteAdded;
import org.maplebridge.events.intake.SeverityBand;
import org.maplebridge.events.intake.SuicideRisk;
import org.maplebridge.events.intake.Urgency;
import org.maplebridge.intake.ClientRegistry.RegisteredClient;
import org.maplebridge.intake.IntakeCommands.AddCareTeamMember;
import org.maplebridge.intake.IntakeCommands.AddSessionNote;
import org.maplebridge.intake.IntakeCommands.AssignCounsellor;
import org.maplebridge.intake.IntakeCommands.CloseIntake;
import org.maplebridge.intake.IntakeCommands.CompleteClinicalReview;
import org.maplebridge.intake.IntakeCommands.OpenIntake;
import org.maplebridge.intake.IntakeCommands.RecordConsent;
import org.maplebridge.intake.IntakeCommands.RecordScreening;
import org.maplebridge.intake.IntakeCommands.RemoveCareTeamMember;
import org.maplebridge.intake.IntakeCommands.ReopenIntake;
import org.maplebridge.intake.IntakeCommands.ReturningClient;
import org.maplebridge.intake.IntakeCommands.TriageIntake;
import org.maplebridge.intake.IntakeCommands.WithdrawConsent;
import org.maplebridge.write.ActorMetadata;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.RuleViolated;
import org.maplebridge.write.StaffDirectory;

class IntakeTest {
  private static final UUID INTAKE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID CLIENT = UUID.fromString("00000000-0000-0000-0000-00000000000c");
  private static final UUID KNOWN_CLIENT = UUID.fromString("00000000-0000-0000-0000-0000000000cc");
  private static final UUID SOUTH_CLIENT = UUID.fromString("00000000-0000-0000-0000-0000000000dd");

  /** A duplicate of the known client, merged into them. */
  private static final UUID MERGED_CLIENT = UUID.fromString("00000000-0000-0000-0000-0000000000ce");

  private static final LocalDate KNOWN_BIRTH_DATE = LocalDate.of(1985, 6, 7);
  private static final UUID SCREENING = UUID.fromString("00000000-0000-0000-0000-000000000005");
  private static final UUID NOTE = UUID.fromString("00000000-0000-0000-0000-0000000000ee");
  private static final ClientIdentity LI_WEI =
      new ClientIdentity("Li Wei", LocalDate.of(1990, 3, 4), "+86 138 0000 0000", null, null);

  private static final Map<String, Actor> STAFF =
      Map.of(
          "alice", new Actor("alice", Role.COUNSELLOR, "north"),
          "bob", new Actor("bob", Role.COUNSELLOR, "north"),
          "carol", new Actor("carol", Role.CRISIS_WORKER, "north"),
          "sam", new Actor("sam", Role.SUPERVISOR, "north"),
          "dave", new Actor("dave", Role.COUNSELLOR, "south"));

  private AggregateTestFixture<Intake> fixture;
  private boolean referralSent;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Intake.class);
    fixture.registerCommandHandlerInterceptor(new MessageAuthorizationHandlerInterceptor<>());
    fixture.registerInjectableResource(
        new ClientRegistry() {
          @Override
          public RegisteredClient register(UUID clientId, String unit, LocalDate birthDate) {
            return new RegisteredClient(CLIENT, "C-2026-000042", unit);
          }

          @Override
          public Optional<RegisteredClient> findByReference(String reference) {
            return switch (reference) {
              case "C-2025-000007" -> find(KNOWN_CLIENT);
              case "C-2026-000031" -> find(MERGED_CLIENT);
              default -> Optional.empty();
            };
          }

          @Override
          public Optional<UUID> mergedInto(UUID clientId) {
            return clientId.equals(MERGED_CLIENT) ? Optional.of(KNOWN_CLIENT) : Optional.empty();
          }

          @Override
          public RegisteredClient surviving(RegisteredClient client) {
            return mergedInto(client.clientId()).flatMap(this::find).orElse(client);
          }

          @Override
          public boolean birthDateMatches(UUID clientId, LocalDate birthDate) {
            return KNOWN_BIRTH_DATE.equals(birthDate);
          }

          @Override
          public boolean inCareOf(UUID clientId, String username) {
            return clientId.equals(KNOWN_CLIENT) && username.equals("bob");
          }

          @Override
          public Optional<RegisteredClient> find(UUID clientId) {
            if (clientId.equals(KNOWN_CLIENT)) {
              return Optional.of(new RegisteredClient(KNOWN_CLIENT, "C-2025-000007", "north"));
            }
            if (clientId.equals(MERGED_CLIENT)) {
              return Optional.of(new RegisteredClient(MERGED_CLIENT, "C-2026-000031", "north"));
            }
            if (clientId.equals(SOUTH_CLIENT)) {
              return Optional.of(new RegisteredClient(SOUTH_CLIENT, "C-2025-000008", "south"));
            }
            return Optional.empty();
          }
        });
    fixture.registerInjectableResource(
        (StaffDirectory) username -> Optional.ofNullable(STAFF.get(username)));
    fixture.registerInjectableResource((SentReferrals) intakeId -> referralSent);
    fixture.registerInjectableResource(
        new ClinicalReviewDeadlines(Duration.ofHours(24), Duration.ofHours(8)));
  }

  private static UUID reviewOf(UUID screening) {
    return UUID.nameUUIDFromBytes(
        ("review-of-screening:" + screening).getBytes(StandardCharsets.UTF_8));
  }

  private static ClinicalReviewRequested sameDayCssrsRequested() {
    return new ClinicalReviewRequested(
        INTAKE,
        reviewOf(SCREENING),
        ClinicalReview.SAME_DAY_CSSRS,
        SCREENING,
        Instant.parse("2026-12-01T09:00:00Z"));
  }

  private static IntakeTriaged systemTriagedUrgent() {
    return new IntakeTriaged(
        INTAKE,
        Urgency.URGENT,
        "Raised to URGENT by the screening (SELF_HARM_ITEM)",
        Intake.SYSTEM);
  }

  private ClinicalReviewRequested clinicianReviewRequested() {
    return new ClinicalReviewRequested(
        INTAKE,
        reviewOf(SCREENING),
        ClinicalReview.CLINICIAN_REVIEW,
        SCREENING,
        Instant.parse("2026-12-01T09:00:00Z"));
  }

  private static Map<String, Object> as(String username) {
    Actor actor = STAFF.get(username);
    return ActorMetadata.of(actor);
  }

  private static OpenIntake openForNewClient() {
    return new OpenIntake(
        INTAKE,
        LI_WEI,
        null,
        IntakeSource.WALK_IN,
        "Low mood for weeks",
        Urgency.SOON,
        Set.of(PopulationGroup.STUDENT),
        "Grid 7");
  }

  private static IntakeOpened opened() {
    return new IntakeOpened(
        INTAKE,
        CLIENT,
        "C-2026-000042",
        LI_WEI,
        IntakeSource.WALK_IN,
        "Low mood for weeks",
        Urgency.SOON,
        Set.of(PopulationGroup.STUDENT),
        "north",
        "Grid 7",
        "alice");
  }

  private static ConsentRecorded counsellingConsent() {
    return new ConsentRecorded(
        INTAKE, ConsentScope.COUNSELLING, ConsentGiver.CLIENT, ConsentMethod.VERBAL, "alice");
  }

  private static ScreeningRecorded phq9(
      List<Integer> answers, int total, SeverityBand band, Set<ScreeningFlag> flags) {
    return new ScreeningRecorded(
        INTAKE,
        SCREENING,
        Instrument.PHQ9,
        ScreeningScoring.PHQ9_VERSION,
        answers,
        null,
        total,
        band,
        flags,
        SuicideRisk.NONE,
        "alice");
  }

  @Nested
  class Opening {
    @Test
    void aCounsellorTakesInANewClientWhoGetsAReference() {
      fixture
          .givenNoPriorActivity()
          .when(openForNewClient(), as("alice"))
          .expectSuccessfulHandlerExecution()
          .expectEvents(opened());
    }

    @Test
    void aReturningClientOfTheUnitIsNotIdentifiedAgain() {
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenIntake(
                  INTAKE,
                  null,
                  new ReturningClient(null, "C-2025-000007", KNOWN_BIRTH_DATE),
                  IntakeSource.PHONE,
                  "Back again",
                  Urgency.ROUTINE,
                  Set.of(),
                  null),
              as("alice"))
          .expectEvents(
              new IntakeOpened(
                  INTAKE,
                  KNOWN_CLIENT,
                  "C-2025-000007",
                  null,
                  IntakeSource.PHONE,
                  "Back again",
                  Urgency.ROUTINE,
                  Set.of(),
                  "north",
                  null,
                  "alice"));
    }

    @Test
    void aMergedClientsReferenceTakesThePersonInAsTheClientWhoStayed() {
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenIntake(
                  INTAKE,
                  null,
                  new ReturningClient(null, "C-2026-000031", KNOWN_BIRTH_DATE),
                  IntakeSource.PHONE,
                  "Back again",
                  Urgency.ROUTINE,
                  Set.of(),
                  null),
              as("alice"))
          .expectEvents(
              new IntakeOpened(
                  INTAKE,
                  KNOWN_CLIENT,
                  "C-2025-000007",
                  null,
                  IntakeSource.PHONE,
                  "Back again",
                  Urgency.ROUTINE,
                  Set.of(),
                  "north",
                  null,
                  "alice"));
    }

    @Test
    void aReturningClientNeedsTheirBirthDateUnlessAlreadyInTheCounsellorsCare() {
      OpenIntake withoutBirthDate =
          new OpenIntake(
              INTAKE,
              null,
              new ReturningClient(null, "C-2025-000007", LocalDate.of(2000, 1, 1)),
              IntakeSource.PHONE,
              "Back again",
              Urgency.ROUTINE,
              Set.of(),
              null);
      fixture
          .givenNoPriorActivity()
          .when(withoutBirthDate, as("alice"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
      fixture
          .givenNoPriorActivity()
          .when(withoutBirthDate, as("bob"))
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSupervisorDoesNotTakeAKnownClientInEvenWithTheirBirthDate() {
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenIntake(
                  INTAKE,
                  null,
                  new ReturningClient(KNOWN_CLIENT, null, KNOWN_BIRTH_DATE),
                  IntakeSource.PHONE,
                  "Back again",
                  Urgency.ROUTINE,
                  Set.of(),
                  null),
              as("sam"))
          .expectException(NotAllowed.class)
          .expectNoEvents();
    }

    @Test
    void aClientOfAnotherUnitCannotBeTakenInByReference() {
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenIntake(
                  INTAKE,
                  null,
                  new ReturningClient(SOUTH_CLIENT, null, KNOWN_BIRTH_DATE),
                  IntakeSource.PHONE,
                  "Moved",
                  Urgency.ROUTINE,
                  Set.of(),
                  null),
              as("alice"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
    }

    @Test
    void crisisWorkersDoNotOpenIntakes() {
      fixture
          .givenNoPriorActivity()
          .when(openForNewClient(), as("carol"))
          .expectException(UnauthorizedMessageException.class)
          .expectNoEvents();
    }

    @Test
    void aCommandWhoseRoleAndAuthoritiesDisagreeIsRefused() {
      Map<String, Object> forged = new java.util.HashMap<>(as("alice"));
      forged.put(MetadataKeys.ROLE, Role.SUPERVISOR.name());
      fixture
          .givenNoPriorActivity()
          .when(openForNewClient(), forged)
          .expectException(NotAllowed.class)
          .expectNoEvents();
    }

    @Test
    void aCommandWithoutASignedInStaffMemberIsRefused() {
      fixture
          .givenNoPriorActivity()
          .when(openForNewClient())
          .expectException(UnauthorizedMessageException.class)
          .expectNoEvents();
    }
  }

  @Nested
  class ConsentAndAssignment {
    @Test
    void theCareTeamRecordsConsent() {
      fixture
          .given(opened())
          .when(
              new RecordConsent(
                  INTAKE, ConsentScope.COUNSELLING, ConsentGiver.CLIENT, ConsentMethod.VERBAL),
              as("alice"))
          .expectEvents(counsellingConsent());
    }

    @Test
    void aCounsellorOutsideTheCareTeamFindsNoSuchCase() {
      fixture
          .given(opened())
          .when(
              new RecordConsent(
                  INTAKE, ConsentScope.COUNSELLING, ConsentGiver.CLIENT, ConsentMethod.VERBAL),
              as("bob"))
          .expectException(RecordNotFound.class)
          .expectNoEvents();
    }

    @Test
    void aCounsellorOfAnotherUnitFindsNoSuchCase() {
      fixture
          .given(opened())
          .when(new TriageIntake(INTAKE, Urgency.URGENT, "Sounds urgent"), as("dave"))
          .expectException(RecordNotFound.class);
    }

    @Test
    void noAssignmentBeforeConsentToCounselling() {
      fixture
          .given(opened())
          .when(new AssignCounsellor(INTAKE, "alice", false), as("alice"))
          .expectException(RuleViolated.class)
          .expectExceptionMessage(
              "A counsellor can only be assigned once the client has consented to counselling")
          .expectNoEvents();
    }

    @Test
    void consentToSharingIsNotConsentToCounselling() {
      fixture
          .given(
              opened(),
              new ConsentRecorded(
                  INTAKE,
                  ConsentScope.REFERRAL_SHARING,
                  ConsentGiver.GUARDIAN,
                  ConsentMethod.WRITTEN,
                  "alice"))
          .when(new AssignCounsellor(INTAKE, "alice", false), as("alice"))
          .expectException(RuleViolated.class);
    }

    @Test
    void withdrawnConsentStopsAssignment() {
      fixture
          .given(
              opened(),
              counsellingConsent(),
              new ConsentWithdrawn(INTAKE, ConsentScope.COUNSELLING, "alice"))
          .when(new AssignCounsellor(INTAKE, "alice", false), as("alice"))
          .expectException(RuleViolated.class);
    }

    @Test
    void onlyGivenConsentCanBeWithdrawn() {
      fixture
          .given(opened())
          .when(new WithdrawConsent(INTAKE, ConsentScope.CONTACT), as("alice"))
          .expectException(RuleViolated.class);
    }

    @Test
    void theSupervisorAssignsACounsellorOnceConsentIsGiven() {
      fixture
          .given(opened(), counsellingConsent())
          .when(new AssignCounsellor(INTAKE, "bob", false), as("sam"))
          .expectEvents(new CounsellorAssigned(INTAKE, "bob", null, "sam"));
    }

    @Test
    void aReassignmentHandsTheCaseOverAndThePreviousCounsellorLeavesTheCareTeam() {
      fixture
          .given(
              opened(), counsellingConsent(), new CounsellorAssigned(INTAKE, "bob", null, "alice"))
          .when(new AssignCounsellor(INTAKE, "alice", false), as("sam"))
          .expectEvents(
              new CounsellorAssigned(INTAKE, "alice", "bob", "sam"),
              new CareTeamMemberRemoved(INTAKE, "bob", "sam"));
      fixture
          .given(
              opened(),
              counsellingConsent(),
              new CounsellorAssigned(INTAKE, "bob", null, "alice"),
              new CareTeamMemberRemoved(INTAKE, "bob", "alice"))
          .when(new AddSessionNote(INTAKE, NOTE, "after the handover"), as("bob"))
          .expectException(RecordNotFound.class);
    }

    @Test
    void aPreviousCounsellorKeptOnStaysOnTheCareTeam() {
      fixture
          .given(
              opened(), counsellingConsent(), new CounsellorAssigned(INTAKE, "bob", null, "alice"))
          .when(new AssignCounsellor(INTAKE, "alice", true), as("sam"))
          .expectEvents(new CounsellorAssigned(INTAKE, "alice", "bob", "sam"));
    }

    @Test
    void aColleagueIsTakenOffTheCareTeamButNotTheAssignedCounsellor() {
      fixture
          .given(opened(), new CareTeamMemberAdded(INTAKE, "bob", "alice"))
          .when(new RemoveCareTeamMember(INTAKE, "bob"), as("sam"))
          .expectEvents(new CareTeamMemberRemoved(INTAKE, "bob", "sam"));
      fixture
          .given(
              opened(), counsellingConsent(), new CounsellorAssigned(INTAKE, "bob", null, "alice"))
          .when(new RemoveCareTeamMember(INTAKE, "bob"), as("sam"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
    }

    @Test
    void assigningTheSameCounsellorAgainChangesNothing() {
      fixture
          .given(
              opened(),
              counsellingConsent(),
              new CounsellorAssigned(INTAKE, "alice", null, "alice"))
          .when(new AssignCounsellor(INTAKE, "alice", false), as("alice"))
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void onlyACounsellorOfTheUnitCanBeAssigned() {
      fixture
          .given(opened(), counsellingConsent())
          .when(new AssignCounsellor(INTAKE, "dave", false), as("sam"))
          .expectException(InvalidInput.class);
      fixture
          .given(opened(), counsellingConsent())
          .when(new AssignCounsellor(INTAKE, "carol", false), as("sam"))
          .expectException(InvalidInput.class);
    }
  }

  @Nested
  class ScreeningAndTriage {
    @Test
    void aScreeningIsScoredFromItsAnswers() {
      fixture
          .given(opened())
          .when(
              new RecordScreening(
                  INTAKE, SCREENING, Instrument.PHQ9, List.of(1, 2, 1, 2, 1, 2, 1, 2, 0), null),
              as("alice"))
          .expectEvents(
              phq9(List.of(1, 2, 1, 2, 1, 2, 1, 2, 0), 12, SeverityBand.MODERATE, Set.of()));
    }

    @Test
    void selfHarmThoughtsAskForASameDayCssrsAndMakeTheCaseUrgentWithoutOpeningACrisis() {
      fixture
          .given(opened())
          .when(
              new RecordScreening(
                  INTAKE, SCREENING, Instrument.PHQ9, List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), null),
              as("alice"))
          .expectEvents(
              phq9(
                  List.of(0, 0, 0, 0, 0, 0, 0, 0, 1),
                  1,
                  SeverityBand.MINIMAL,
                  Set.of(ScreeningFlag.SELF_HARM_ITEM)),
              new ClinicalReviewRequested(
                  INTAKE,
                  reviewOf(SCREENING),
                  ClinicalReview.SAME_DAY_CSSRS,
                  SCREENING,
                  fixture.currentTime().plus(Duration.ofHours(8))),
              new IntakeTriaged(
                  INTAKE,
                  Urgency.URGENT,
                  "Raised to URGENT by the screening (SELF_HARM_ITEM)",
                  Intake.SYSTEM));
    }

    @Test
    void theCssrsRecordedIsTheSameDayCssrsThatWasAskedFor() {
      UUID cssrs = UUID.fromString("00000000-0000-0000-0000-000000000006");
      fixture
          .given(opened(), sameDayCssrsRequested(), systemTriagedUrgent())
          .when(
              new RecordScreening(
                  INTAKE,
                  cssrs,
                  Instrument.CSSRS,
                  List.of(false, false, false, false, false, false),
                  null),
              as("alice"))
          .expectEvents(
              new ScreeningRecorded(
                  INTAKE,
                  cssrs,
                  Instrument.CSSRS,
                  ScreeningScoring.CSSRS_VERSION,
                  List.of(0, 0, 0, 0, 0, 0),
                  null,
                  0,
                  null,
                  Set.of(),
                  SuicideRisk.NONE,
                  "alice"),
              new ClinicalReviewDone(INTAKE, reviewOf(SCREENING), null, cssrs, "alice"));
    }

    @Test
    void untilACssrsFindsNoRiskTheSelfHarmItemKeepsTriageUrgent() {
      fixture
          .given(opened(), sameDayCssrsRequested(), systemTriagedUrgent())
          .when(new TriageIntake(INTAKE, Urgency.SOON, "Seems settled"), as("alice"))
          .expectException(RuleViolated.class)
          .expectExceptionMessage("A screening showed risk: the priority must be URGENT or higher");
    }

    @Test
    void aLaterNegativeCssrsLetsTriageGoBelowTheSelfHarmFloorWithARationale() {
      UUID cssrs = UUID.fromString("00000000-0000-0000-0000-000000000006");
      fixture
          .given(
              opened(),
              sameDayCssrsRequested(),
              systemTriagedUrgent(),
              new ScreeningRecorded(
                  INTAKE,
                  cssrs,
                  Instrument.CSSRS,
                  ScreeningScoring.CSSRS_VERSION,
                  List.of(0, 0, 0, 0, 0, 0),
                  null,
                  0,
                  null,
                  Set.of(),
                  SuicideRisk.NONE,
                  "alice"),
              new ClinicalReviewDone(INTAKE, reviewOf(SCREENING), null, cssrs, "alice"))
          .when(
              new TriageIntake(
                  INTAKE, Urgency.SOON, "C-SSRS negative; item 9 was about poor sleep"),
              as("alice"))
          .expectEvents(
              new IntakeTriaged(
                  INTAKE, Urgency.SOON, "C-SSRS negative; item 9 was about poor sleep", "alice"));
    }

    @Test
    void aCssrsShowingSomeRiskDoesNotLowerTheSelfHarmFloor() {
      UUID cssrs = UUID.fromString("00000000-0000-0000-0000-000000000006");
      fixture
          .given(
              opened(),
              sameDayCssrsRequested(),
              systemTriagedUrgent(),
              new ScreeningRecorded(
                  INTAKE,
                  cssrs,
                  Instrument.CSSRS,
                  ScreeningScoring.CSSRS_VERSION,
                  List.of(1, 0, 0, 0, 0, 0),
                  null,
                  1,
                  null,
                  Set.of(),
                  SuicideRisk.LOW,
                  "alice"))
          .when(new TriageIntake(INTAKE, Urgency.SOON, "Only a wish to be dead"), as("alice"))
          .expectException(RuleViolated.class);
    }

    @Test
    void highSuicideRiskRaisesACrisisAlertAndMakesTheCaseAnEmergency() {
      fixture
          .given(opened(), new IntakeTriaged(INTAKE, Urgency.URGENT, "Looks urgent", "alice"))
          .when(
              new RecordScreening(
                  INTAKE,
                  SCREENING,
                  Instrument.CSSRS,
                  List.of(true, true, true, true, false, false),
                  null),
              as("alice"))
          .expectEvents(
              new ScreeningRecorded(
                  INTAKE,
                  SCREENING,
                  Instrument.CSSRS,
                  ScreeningScoring.CSSRS_VERSION,
                  List.of(1, 1, 1, 1, 0, 0),
                  null,
                  4,
                  null,
                  Set.of(),
                  SuicideRisk.HIGH,
                  "alice"),
              new CrisisAlertRaised(
                  INTAKE,
                  CLIENT,
                  "north",
                  CrisisAlertReason.CSSRS_HIGH_RISK,
                  SCREENING,
                  SuicideRisk.HIGH),
              new IntakeTriaged(
                  INTAKE,
                  Urgency.EMERGENCY,
                  "Raised to EMERGENCY by the screening (CSSRS_HIGH_RISK)",
                  Intake.SYSTEM));
    }

    @Test
    void anEmergencyAlreadyTriagedStaysAsItIs() {
      fixture
          .given(opened(), new IntakeTriaged(INTAKE, Urgency.EMERGENCY, "Acute", "alice"))
          .when(
              new RecordScreening(
                  INTAKE, SCREENING, Instrument.PHQ9, List.of(0, 0, 0, 0, 0, 0, 0, 0, 2), null),
              as("alice"))
          .expectEvents(
              phq9(
                  List.of(0, 0, 0, 0, 0, 0, 0, 0, 2),
                  2,
                  SeverityBand.MINIMAL,
                  Set.of(ScreeningFlag.SELF_HARM_ITEM)),
              new ClinicalReviewRequested(
                  INTAKE,
                  reviewOf(SCREENING),
                  ClinicalReview.SAME_DAY_CSSRS,
                  SCREENING,
                  fixture.currentTime().plus(Duration.ofHours(8))));
    }

    @Test
    void aModerateCssrsPutsAClinicianReviewWithADeadlineOnTheCaseload() {
      fixture
          .given(opened())
          .when(
              new RecordScreening(
                  INTAKE,
                  SCREENING,
                  Instrument.CSSRS,
                  List.of(true, true, true, false, false, false),
                  null),
              as("alice"))
          .expectEvents(
              new ScreeningRecorded(
                  INTAKE,
                  SCREENING,
                  Instrument.CSSRS,
                  ScreeningScoring.CSSRS_VERSION,
                  List.of(1, 1, 1, 0, 0, 0),
                  null,
                  3,
                  null,
                  Set.of(),
                  SuicideRisk.MODERATE,
                  "alice"),
              new ClinicalReviewRequested(
                  INTAKE,
                  reviewOf(SCREENING),
                  ClinicalReview.CLINICIAN_REVIEW,
                  SCREENING,
                  fixture.currentTime().plus(Duration.ofHours(24))));
    }

    @Test
    void theCareTeamRecordsTheClinicianReviewWithItsPrecautions() {
      fixture
          .given(opened(), clinicianReviewRequested())
          .when(
              new CompleteClinicalReview(INTAKE, "Reviewed with Dr Zhao; means removed, plan made"),
              as("alice"))
          .expectEvents(
              new ClinicalReviewDone(
                  INTAKE,
                  reviewOf(SCREENING),
                  "Reviewed with Dr Zhao; means removed, plan made",
                  null,
                  "alice"));
    }

    @Test
    void aClinicianReviewNobodyAskedForIsRefused() {
      fixture
          .given(opened())
          .when(new CompleteClinicalReview(INTAKE, "Reviewed"), as("alice"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
    }

    @Test
    void theSupervisorDoesNotRecordTheClinicianReviewForTheCareTeam() {
      fixture
          .given(opened(), clinicianReviewRequested())
          .when(new CompleteClinicalReview(INTAKE, "Reviewed"), as("sam"))
          .expectException(NotAllowed.class);
    }

    @Test
    void triageIsNotBelowTheRiskAScreeningShowed() {
      fixture
          .given(
              opened(),
              new CrisisAlertRaised(
                  INTAKE,
                  CLIENT,
                  "north",
                  CrisisAlertReason.CSSRS_HIGH_RISK,
                  SCREENING,
                  SuicideRisk.HIGH))
          .when(new TriageIntake(INTAKE, Urgency.URGENT, "Calmer now"), as("alice"))
          .expectException(explained("TriageIsNotBelowTheRiskAScreeningShowed", Urgency.EMERGENCY))
          .expectExceptionMessage(
              "A screening showed risk: the priority must be EMERGENCY or higher");
    }

    @Test
    void triageAtOrAboveTheRiskIsRecordedWithItsRationale() {
      fixture
          .given(
              opened(),
              new CrisisAlertRaised(
                  INTAKE,
                  CLIENT,
                  "north",
                  CrisisAlertReason.SELF_HARM_ITEM,
                  SCREENING,
                  SuicideRisk.NONE))
          .when(
              new TriageIntake(INTAKE, Urgency.URGENT, "Passive thoughts, safety plan"), as("sam"))
          .expectEvents(
              new IntakeTriaged(INTAKE, Urgency.URGENT, "Passive thoughts, safety plan", "sam"));
    }

    @Test
    void aBadScreeningStoresNothing() {
      fixture
          .given(opened())
          .when(
              new RecordScreening(INTAKE, SCREENING, Instrument.GAD7, List.of(1, 2), null),
              as("alice"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
    }

    @Test
    void theSupervisorDoesNotRecordScreenings() {
      fixture
          .given(opened())
          .when(
              new RecordScreening(
                  INTAKE, SCREENING, Instrument.GAD7, List.of(0, 0, 0, 0, 0, 0, 0), null),
              as("sam"))
          .expectException(NotAllowed.class);
    }
  }

  @Nested
  class NotesAndClosure {
    @Test
    void theAssignedCounsellorWritesSessionNotes() {
      fixture
          .given(opened(), counsellingConsent(), new CounsellorAssigned(INTAKE, "bob", null, "sam"))
          .when(new AddSessionNote(INTAKE, NOTE, "Talked about sleep"), as("bob"))
          .expectEvents(new SessionNoteAdded(INTAKE, NOTE, "Talked about sleep", "bob"));
    }

    @Test
    void theSupervisorDoesNotWriteSessionNotes() {
      fixture
          .given(opened())
          .when(new AddSessionNote(INTAKE, NOTE, "Supervisor note"), as("sam"))
          .expectException(NotAllowed.class)
          .expectNoEvents();
    }

    @Test
    void aCareTeamMemberMayWriteNotes() {
      fixture
          .given(opened(), new CareTeamMemberAdded(INTAKE, "bob", "alice"))
          .when(new AddSessionNote(INTAKE, NOTE, "Covering for Alice"), as("bob"))
          .expectEvents(new SessionNoteAdded(INTAKE, NOTE, "Covering for Alice", "bob"));
    }

    @Test
    void addingSomeoneToTheCareTeamTwiceChangesNothing() {
      fixture
          .given(opened(), new CareTeamMemberAdded(INTAKE, "bob", "alice"))
          .when(new AddCareTeamMember(INTAKE, "bob"), as("alice"))
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void nothingIsAddedToAClosedCase() {
      IntakeClosed closed =
          new IntakeClosed(INTAKE, ClosureReason.GOALS_MET, "Doing well", "alice");
      fixture
          .given(opened(), closed)
          .when(new AddSessionNote(INTAKE, NOTE, "Late note"), as("alice"))
          .expectException(explained("NothingIsAddedToAClosedCase.NOTES"))
          .expectExceptionMessage("The case is closed: reopen it before adding notes");
      fixture
          .given(opened(), closed)
          .when(
              new RecordScreening(
                  INTAKE, SCREENING, Instrument.GAD7, List.of(0, 0, 0, 0, 0, 0, 0), null),
              as("alice"))
          .expectException(RuleViolated.class);
    }

    @Test
    void aCaseIsClosedWithItsReason() {
      fixture
          .given(opened())
          .when(
              new CloseIntake(INTAKE, ClosureReason.CLIENT_WITHDREW, "Did not return"), as("alice"))
          .expectEvents(
              new IntakeClosed(INTAKE, ClosureReason.CLIENT_WITHDREW, "Did not return", "alice"));
    }

    @Test
    void aCaseIsReferredOnOnlyOnceAReferralWentOut() {
      fixture
          .given(opened())
          .when(new CloseIntake(INTAKE, ClosureReason.REFERRED_ON, "To psychiatry"), as("alice"))
          .expectException(RuleViolated.class);
      referralSent = true;
      fixture
          .given(opened())
          .when(new CloseIntake(INTAKE, ClosureReason.REFERRED_ON, "To psychiatry"), as("alice"))
          .expectEvents(
              new IntakeClosed(INTAKE, ClosureReason.REFERRED_ON, "To psychiatry", "alice"));
    }

    @Test
    void aClosedCaseIsNotClosedAgain() {
      fixture
          .given(opened(), new IntakeClosed(INTAKE, ClosureReason.GOALS_MET, null, "alice"))
          .when(new CloseIntake(INTAKE, ClosureReason.UNREACHABLE, null), as("alice"))
          .expectException(RuleViolated.class);
    }

    @Test
    void aReopenedCaseTakesNotesAgain() {
      fixture
          .given(
              opened(),
              new IntakeClosed(INTAKE, ClosureReason.GOALS_MET, null, "alice"),
              new IntakeReopened(INTAKE, "Came back", "alice"))
          .when(new AddSessionNote(INTAKE, NOTE, "Welcome back"), as("alice"))
          .expectEvents(new SessionNoteAdded(INTAKE, NOTE, "Welcome back", "alice"));
    }

    @Test
    void onlyAClosedCaseCanBeReopened() {
      fixture
          .given(opened())
          .when(new ReopenIntake(INTAKE, "Again"), as("alice"))
          .expectException(RuleViolated.class);
      fixture
          .given(opened(), new IntakeClosed(INTAKE, ClosureReason.GOALS_MET, null, "alice"))
          .when(new ReopenIntake(INTAKE, "Came back"), as("sam"))
          .expectEvents(new IntakeReopened(INTAKE, "Came back", "sam"));
    }
  }

  /**
   * A refusal as the pages tell it: the code of the rule's explanation and the values it names (the
   * message in the page's language is looked up by them).
   */
  private static Matcher<RuleViolated> explained(String code, Object... values) {
    return new CustomTypeSafeMatcher<>("refused with " + code + " " + List.of(values)) {
      @Override
      protected boolean matchesSafely(RuleViolated refused) {
        return refused.code().equals(code) && refused.arguments().equals(List.of(values));
      }
    };
  }
}
