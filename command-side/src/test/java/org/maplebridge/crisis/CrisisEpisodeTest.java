package org.maplebridge.crisis;

import static org.maplebridge.events.crisis.EscalationTier.EMERGENCY_SERVICES;
import static org.maplebridge.events.crisis.EscalationTier.ON_CALL_CLINICIAN;
import static org.maplebridge.events.crisis.EscalationTier.ON_CALL_SUPERVISOR;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.spring.authorization.MessageAuthorizationHandlerInterceptor;
import org.axonframework.spring.authorization.UnauthorizedMessageException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.maplebridge.crisis.CrisisCommands.AcknowledgeEscalation;
import org.maplebridge.crisis.CrisisCommands.AssessRisk;
import org.maplebridge.crisis.CrisisCommands.CloseCrisis;
import org.maplebridge.crisis.CrisisCommands.CompleteFollowUp;
import org.maplebridge.crisis.CrisisCommands.ConfirmRescue;
import org.maplebridge.crisis.CrisisCommands.DispatchEmergencyServices;
import org.maplebridge.crisis.CrisisCommands.Escalate;
import org.maplebridge.crisis.CrisisCommands.EscalationDue;
import org.maplebridge.crisis.CrisisCommands.OpenCrisisContact;
import org.maplebridge.crisis.CrisisCommands.RecordContact;
import org.maplebridge.crisis.CrisisCommands.RecordWhereabouts;
import org.maplebridge.crisis.CrisisCommands.ScheduleFollowUp;
import org.maplebridge.crisis.CrisisDeadlines.EscalationAck;
import org.maplebridge.crisis.CrisisDeadlines.FollowUp;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.crisis.Caller;
import org.maplebridge.events.crisis.ClosureApprovalRequested;
import org.maplebridge.events.crisis.ContactChannel;
import org.maplebridge.events.crisis.ContactRecorded;
import org.maplebridge.events.crisis.CrisisClosed;
import org.maplebridge.events.crisis.CrisisClosureReason;
import org.maplebridge.events.crisis.CrisisContactOpened;
import org.maplebridge.events.crisis.EmergencyAgency;
import org.maplebridge.events.crisis.EmergencyServicesDispatched;
import org.maplebridge.events.crisis.EscalationAcknowledged;
import org.maplebridge.events.crisis.EscalationDeadlineMissed;
import org.maplebridge.events.crisis.EscalationRaised;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.events.crisis.FollowUpAttemptFailed;
import org.maplebridge.events.crisis.FollowUpCompleted;
import org.maplebridge.events.crisis.FollowUpOverdue;
import org.maplebridge.events.crisis.FollowUpScheduled;
import org.maplebridge.events.crisis.LostToFollowUp;
import org.maplebridge.events.crisis.MeansAgreement;
import org.maplebridge.events.crisis.RescueConfirmationOverdue;
import org.maplebridge.events.crisis.RescueNotReached;
import org.maplebridge.events.crisis.RescueResult;
import org.maplebridge.events.crisis.ReturnedToAssessment;
import org.maplebridge.events.crisis.RiskAssessed;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.events.crisis.SafetyPlan;
import org.maplebridge.events.crisis.SafetyPlanRecorded;
import org.maplebridge.events.crisis.SupervisorConsultRequested;
import org.maplebridge.events.crisis.WhereaboutsRecorded;
import org.maplebridge.events.intake.SuicideRisk;
import org.maplebridge.write.ActorMetadata;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.RuleViolated;
import org.maplebridge.write.SourceFacts;

class CrisisEpisodeTest {
  private static final UUID CRISIS = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
  private static final UUID ASSESSMENT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final UUID FOLLOW_UP = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
  private static final Duration IMMINENT_ACK = Duration.ofMinutes(5);
  private static final Duration HIGH_ACK = Duration.ofMinutes(15);
  private static final Duration RESCUE = Duration.ofMinutes(15);
  private static final Duration FOLLOW_UP_WITHIN = Duration.ofHours(24);

  private static final Map<String, Actor> STAFF =
      Map.of(
          "carol", new Actor("carol", Role.CRISIS_WORKER, "north"),
          "cora", new Actor("cora", Role.CRISIS_WORKER, "north"),
          "sam", new Actor("sam", Role.SUPERVISOR, "north"),
          "alice", new Actor("alice", Role.COUNSELLOR, "north"),
          "erin", new Actor("erin", Role.CRISIS_WORKER, "south"));

  private AggregateTestFixture<CrisisEpisode> fixture;

  /** The north unit's roster now; empty: a gap. */
  private final Map<EscalationTier, String> onCall = new EnumMap<>(EscalationTier.class);

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(CrisisEpisode.class);
    fixture.registerCommandHandlerInterceptor(new MessageAuthorizationHandlerInterceptor<>());
    fixture.registerInjectableResource(
        new CrisisDeadlines(
            new EscalationAck(IMMINENT_ACK, HIGH_ACK, Duration.ofMinutes(60)),
            RESCUE,
            new FollowUp(FOLLOW_UP_WITHIN, FOLLOW_UP_WITHIN)));
    onCall.clear();
    fixture.registerInjectableResource(
        (OnCallRosters)
            (unit, tier, at) ->
                "north".equals(unit) ? Optional.ofNullable(onCall.get(tier)) : Optional.empty());
    fixture.registerInjectableResource(
        new LinkedRecords() {
          @Override
          public Optional<SourceFacts> intake(UUID intakeId) {
            return Optional.ofNullable(INTAKES.get(intakeId));
          }

          @Override
          public Optional<String> unitOfClient(UUID clientId) {
            return INTAKES.values().stream()
                .filter(facts -> facts.clientId().equals(clientId))
                .map(SourceFacts::unit)
                .findFirst();
          }

          @Override
          public Optional<UUID> clientOfUnit(String reference, String unit) {
            return "C-2026-000001".equals(reference) && "north".equals(unit)
                ? Optional.of(NORTH_CLIENT)
                : Optional.empty();
          }
        });
  }

  private static final UUID NORTH_INTAKE = UUID.fromString("00000000-0000-0000-0000-0000000001aa");
  private static final UUID NORTH_CLIENT = UUID.fromString("00000000-0000-0000-0000-0000000001cc");
  private static final UUID SOUTH_INTAKE = UUID.fromString("00000000-0000-0000-0000-0000000002aa");
  private static final UUID SOUTH_CLIENT = UUID.fromString("00000000-0000-0000-0000-0000000002cc");
  private static final Map<UUID, SourceFacts> INTAKES =
      Map.of(
          NORTH_INTAKE, new SourceFacts(NORTH_CLIENT, "north", Set.of("alice"), false, null),
          SOUTH_INTAKE, new SourceFacts(SOUTH_CLIENT, "south", Set.of("dave"), false, null));

  private static Map<String, Object> as(String username) {
    Actor actor = STAFF.get(username);
    return ActorMetadata.of(actor);
  }

  private static Message<?> by(String username, Object command) {
    return GenericCommandMessage.asCommandMessage(command).andMetaData(as(username));
  }

  private static UUID derived(String what, int ordinal) {
    return UUID.nameUUIDFromBytes(
        (CRISIS + ":" + what + ":" + ordinal).getBytes(StandardCharsets.UTF_8));
  }

  private Instant now() {
    return fixture.currentTime();
  }

  private static CrisisContactOpened opened() {
    return new CrisisContactOpened(
        CRISIS,
        ContactChannel.HOTLINE,
        Caller.SELF,
        null,
        "Caller on a bridge",
        "north",
        null,
        "carol");
  }

  private static AssessRisk assess(RiskLevel level) {
    return new AssessRisk(
        CRISIS,
        ASSESSMENT,
        level,
        null,
        null,
        true,
        true,
        level == RiskLevel.IMMINENT,
        "Sister",
        "Talked for 20 minutes",
        null);
  }

  private static RiskAssessed assessed(RiskLevel level, RiskLevel previous) {
    return new RiskAssessed(
        CRISIS,
        ASSESSMENT,
        level,
        previous,
        null,
        null,
        null,
        true,
        true,
        level == RiskLevel.IMMINENT,
        "Sister",
        "Talked for 20 minutes",
        "carol",
        null);
  }

  @Nested
  class ContactAndAssessment {
    @Test
    void aHotlineWorkerOpensAnAnonymousContact() {
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenCrisisContact(
                  CRISIS, ContactChannel.HOTLINE, Caller.SELF, null, "Caller on a bridge", null),
              as("carol"))
          .expectEvents(opened());
    }

    @Test
    void anEpisodeNamesOnlyAnIntakeAndAClientOfItsOwnUnit() {
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenCrisisContact(
                  CRISIS, ContactChannel.HOTLINE, Caller.SELF, SOUTH_CLIENT, "x", null),
              as("carol"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenCrisisContact(
                  CRISIS, ContactChannel.HOTLINE, Caller.SELF, null, "x", SOUTH_INTAKE),
              as("carol"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenCrisisContact(
                  CRISIS, ContactChannel.HOTLINE, Caller.SELF, SOUTH_CLIENT, "x", NORTH_INTAKE),
              as("carol"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenCrisisContact(
                  CRISIS, ContactChannel.HOTLINE, Caller.SELF, NORTH_CLIENT, "x", NORTH_INTAKE),
              as("carol"))
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void aReturningPersonIsNamedByTheReferenceTheyGiveWithinTheUnit() {
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenCrisisContact(
                  CRISIS,
                  ContactChannel.HOTLINE,
                  Caller.SELF,
                  null,
                  "Calling again",
                  null,
                  null,
                  "C-2026-000001"),
              as("carol"))
          .expectEvents(
              new CrisisContactOpened(
                  CRISIS,
                  ContactChannel.HOTLINE,
                  Caller.SELF,
                  NORTH_CLIENT,
                  "Calling again",
                  "north",
                  null,
                  "carol"));
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenCrisisContact(
                  CRISIS,
                  ContactChannel.HOTLINE,
                  Caller.SELF,
                  null,
                  "Calling again",
                  null,
                  null,
                  "C-2026-000001"),
              as("erin"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
    }

    @Test
    void staffOfAnotherUnitFindNoSuchEpisodeAndCounsellorsDoNoCrisisWork() {
      fixture
          .given(opened())
          .when(assess(RiskLevel.LOW), as("erin"))
          .expectException(RecordNotFound.class);
      fixture
          .given(opened())
          .when(assess(RiskLevel.LOW), as("alice"))
          .expectException(UnauthorizedMessageException.class);
    }

    @Test
    void anEscalationNeedsARiskLevelFirst() {
      fixture
          .given(opened())
          .when(new Escalate(CRISIS, UUID.randomUUID(), "Worried"), as("carol"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
    }

    @Test
    void highRiskAsksForASupervisorConsultAndAFollowUp() {
      fixture
          .given(opened())
          .when(assess(RiskLevel.HIGH), as("carol"))
          .expectEvents(
              assessed(RiskLevel.HIGH, null),
              new SupervisorConsultRequested(CRISIS, RiskLevel.HIGH),
              new FollowUpScheduled(
                  CRISIS, derived("follow-up", 0), now().plus(FOLLOW_UP_WITHIN), "system"))
          .expectScheduledDeadlineWithName(FOLLOW_UP_WITHIN, CrisisEpisode.FOLLOW_UP_DEADLINE);
    }

    @Test
    void assessingImminentRiskEscalatesInOneStep() {
      fixture
          .given(opened())
          .when(assess(RiskLevel.IMMINENT), as("carol"))
          .expectEvents(
              assessed(RiskLevel.IMMINENT, null),
              new EscalationRaised(
                  CRISIS,
                  derived("escalation", 0),
                  ON_CALL_SUPERVISOR,
                  RiskLevel.IMMINENT,
                  "Imminent risk assessed",
                  now().plus(IMMINENT_ACK),
                  "carol"),
              new FollowUpScheduled(
                  CRISIS, derived("follow-up", 0), now().plus(FOLLOW_UP_WITHIN), "system"))
          .expectScheduledDeadline(
              IMMINENT_ACK, new EscalationDue(derived("escalation", 0), now().plus(IMMINENT_ACK)));
    }

    @Test
    void aScreenerIsScoredWithTheAssessment() {
      fixture
          .given(opened())
          .when(
              new AssessRisk(
                  CRISIS,
                  ASSESSMENT,
                  RiskLevel.MODERATE,
                  List.of(true, true, true, false, false, false),
                  null,
                  true,
                  false,
                  false,
                  null,
                  null,
                  null),
              as("carol"))
          .expectEvents(
              new RiskAssessed(
                  CRISIS,
                  ASSESSMENT,
                  RiskLevel.MODERATE,
                  null,
                  List.of(1, 1, 1, 0, 0, 0),
                  null,
                  SuicideRisk.MODERATE,
                  true,
                  false,
                  false,
                  null,
                  null,
                  "carol",
                  null));
    }
  }

  @Nested
  class Whereabouts {
    private final CrisisCommands.Whereabouts onTheBridge =
        new CrisisCommands.Whereabouts("+86 139 1111 2222", "On the Maple Road bridge", "Grid 7");

    @Test
    void aContactOpensWithTheCallBackNumberAndWhereThePersonIs() {
      fixture
          .givenNoPriorActivity()
          .when(
              new OpenCrisisContact(
                  CRISIS,
                  ContactChannel.HOTLINE,
                  Caller.SELF,
                  null,
                  "Caller on a bridge",
                  null,
                  onTheBridge),
              as("carol"))
          .expectEvents(
              opened(),
              new WhereaboutsRecorded(
                  CRISIS, "+86 139 1111 2222", "On the Maple Road bridge", "Grid 7", "carol"));
    }

    @Test
    void thePersonMovedAndTheCrisisWorkerRecordsWhereTheyAreNow() {
      fixture
          .given(opened())
          .when(
              new RecordWhereabouts(
                  CRISIS, new CrisisCommands.Whereabouts(null, "Walking to the station", null)),
              as("carol"))
          .expectEvents(
              new WhereaboutsRecorded(CRISIS, null, "Walking to the station", null, "carol"));
    }

    @Test
    void nothingToRecordIsRefused() {
      fixture
          .given(opened())
          .when(
              new RecordWhereabouts(CRISIS, new CrisisCommands.Whereabouts(null, null, null)),
              as("carol"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
    }

    @Test
    void supervisionSeesTheIdentityMaskedAndDoesNotWriteIt() {
      fixture
          .given(opened())
          .when(new RecordWhereabouts(CRISIS, onTheBridge), as("sam"))
          .expectException(NotAllowed.class)
          .expectNoEvents();
    }

    @Test
    void aClosedEpisodeTakesNoWhereabouts() {
      fixture
          .given(
              opened(),
              new CrisisClosed(CRISIS, CrisisClosureReason.STABILISED, "Safe", "carol", null))
          .when(new RecordWhereabouts(CRISIS, onTheBridge), as("carol"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
    }
  }

  @Nested
  class Contacts {
    private final Instant evening = Instant.parse("2026-12-01T19:30:00Z");

    @Test
    void eachCallChatOrVisitIsRecordedWithWhoTookIt() {
      UUID contact = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
      fixture
          .given(opened())
          .when(
              new RecordContact(
                  CRISIS, contact, ContactChannel.CHAT, evening, 25, "Feels calmer, sister came"),
              as("cora"))
          .expectEvents(
              new ContactRecorded(
                  CRISIS,
                  contact,
                  ContactChannel.CHAT,
                  evening,
                  25,
                  "cora",
                  "Feels calmer, sister came"));
    }

    @Test
    void aReportIsNoContact() {
      fixture
          .given(opened())
          .when(
              new RecordContact(
                  CRISIS, UUID.randomUUID(), ContactChannel.POLICE_REPORT, evening, 5, null),
              as("carol"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
    }

    @Test
    void aClosedEpisodeTakesNoContactAndAnotherUnitFindsNoEpisode() {
      fixture
          .given(
              opened(),
              new CrisisClosed(CRISIS, CrisisClosureReason.STABILISED, "Safe", "carol", null))
          .when(
              new RecordContact(
                  CRISIS, UUID.randomUUID(), ContactChannel.HOTLINE, evening, 5, null),
              as("carol"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
      fixture
          .given(opened())
          .when(
              new RecordContact(
                  CRISIS, UUID.randomUUID(), ContactChannel.HOTLINE, evening, 5, null),
              as("erin"))
          .expectException(RecordNotFound.class)
          .expectNoEvents();
    }
  }

  @Nested
  class EscalationLadder {
    private TestExecutor<CrisisEpisode> imminentEpisode() {
      return fixture.givenCommands(
          by(
              "carol",
              new OpenCrisisContact(
                  CRISIS, ContactChannel.HOTLINE, Caller.SELF, null, "Caller on a bridge", null)),
          by("carol", assess(RiskLevel.IMMINENT)));
    }

    @Test
    void anEscalationAcknowledgedInTimeClimbsNoFurther() {
      imminentEpisode()
          .andGivenCommands(by("sam", new AcknowledgeEscalation(CRISIS, derived("escalation", 0))))
          .whenTimeElapses(Duration.ofMinutes(6))
          .expectNoEvents();
    }

    @Test
    void theSupervisorAcknowledgesAnEscalation() {
      imminentEpisode()
          .when(new AcknowledgeEscalation(CRISIS, derived("escalation", 0)), as("sam"))
          .expectEvents(
              new EscalationAcknowledged(
                  CRISIS, derived("escalation", 0), ON_CALL_SUPERVISOR, "sam", true));
    }

    @Test
    void aMissedDeadlineEscalatesToTheNextTierByItself() {
      Instant start = now();
      imminentEpisode()
          .whenTimeElapses(Duration.ofMinutes(6))
          .expectEvents(
              new EscalationDeadlineMissed(
                  CRISIS, derived("escalation", 0), ON_CALL_SUPERVISOR, start.plus(IMMINENT_ACK)),
              new EscalationRaised(
                  CRISIS,
                  derived("escalation", 1),
                  ON_CALL_CLINICIAN,
                  RiskLevel.IMMINENT,
                  "Not acknowledged in time at ON_CALL_SUPERVISOR",
                  start.plus(IMMINENT_ACK).plus(IMMINENT_ACK),
                  "system"));
    }

    @Test
    void nobodyAnsweringClimbsEveryTier() {
      Instant start = now();
      Instant first = start.plus(IMMINENT_ACK);
      Instant second = first.plus(IMMINENT_ACK);
      Instant third = second.plus(IMMINENT_ACK);
      imminentEpisode()
          .whenTimeElapses(Duration.ofMinutes(16))
          .expectEvents(
              new EscalationDeadlineMissed(
                  CRISIS, derived("escalation", 0), ON_CALL_SUPERVISOR, first),
              new EscalationRaised(
                  CRISIS,
                  derived("escalation", 1),
                  ON_CALL_CLINICIAN,
                  RiskLevel.IMMINENT,
                  "Not acknowledged in time at ON_CALL_SUPERVISOR",
                  second,
                  "system"),
              new EscalationDeadlineMissed(
                  CRISIS, derived("escalation", 1), ON_CALL_CLINICIAN, second),
              new EscalationRaised(
                  CRISIS,
                  derived("escalation", 2),
                  EMERGENCY_SERVICES,
                  RiskLevel.IMMINENT,
                  "Not acknowledged in time at ON_CALL_CLINICIAN",
                  third,
                  "system"),
              new EscalationDeadlineMissed(
                  CRISIS, derived("escalation", 2), EMERGENCY_SERVICES, third));
    }

    @Test
    void thereIsNoRungAboveEmergencyServices() {
      fixture
          .given(
              opened(),
              assessed(RiskLevel.HIGH, null),
              new EscalationRaised(
                  CRISIS,
                  UUID.randomUUID(),
                  EscalationTier.EMERGENCY_SERVICES,
                  RiskLevel.HIGH,
                  "x",
                  Instant.now(),
                  "carol"))
          .when(new Escalate(CRISIS, UUID.randomUUID(), "Again"), as("carol"))
          .expectException(RuleViolated.class);
    }

    @Test
    void aManualEscalationTakesTheDeadlineOfTheRisk() {
      UUID escalation = UUID.randomUUID();
      fixture
          .given(opened(), assessed(RiskLevel.HIGH, null))
          .when(new Escalate(CRISIS, escalation, "Plan and means"), as("carol"))
          .expectEvents(
              new EscalationRaised(
                  CRISIS,
                  escalation,
                  ON_CALL_SUPERVISOR,
                  RiskLevel.HIGH,
                  "Plan and means",
                  now().plus(HIGH_ACK),
                  "carol"))
          .expectScheduledDeadline(HIGH_ACK, new EscalationDue(escalation, now().plus(HIGH_ACK)));
    }
  }

  @Nested
  class Rescue {
    @Test
    void anUnconfirmedRescueIsRetriedAndEscalated() {
      Instant start = now();
      fixture
          .givenCommands(
              by(
                  "carol",
                  new OpenCrisisContact(
                      CRISIS,
                      ContactChannel.HOTLINE,
                      Caller.THIRD_PARTY,
                      null,
                      "Neighbour called",
                      null)),
              by("carol", assess(RiskLevel.IMMINENT)),
              by("sam", new AcknowledgeEscalation(CRISIS, derived("escalation", 0))),
              by(
                  "carol",
                  new DispatchEmergencyServices(
                      CRISIS,
                      EmergencyAgency.AMBULANCE,
                      "120-778",
                      "Imminent danger to life",
                      null)))
          .whenTimeElapses(RESCUE.plusMinutes(1))
          .expectEvents(
              new RescueConfirmationOverdue(CRISIS, 1, start.plus(RESCUE).plus(RESCUE)),
              new EscalationRaised(
                  CRISIS,
                  derived("escalation", 1),
                  ON_CALL_CLINICIAN,
                  RiskLevel.IMMINENT,
                  "Rescue not confirmed",
                  start.plus(RESCUE).plus(IMMINENT_ACK),
                  "system"));
    }

    @Test
    void aConfirmedRescueNeedsNoChasing() {
      fixture
          .givenCommands(
              by(
                  "carol",
                  new OpenCrisisContact(
                      CRISIS, ContactChannel.HOTLINE, Caller.SELF, null, "x", null)),
              by("carol", assess(RiskLevel.HIGH)),
              by(
                  "carol",
                  new DispatchEmergencyServices(
                      CRISIS, EmergencyAgency.POLICE, "110-1", "Weapon at home", null)),
              by(
                  "carol",
                  new ConfirmRescue(CRISIS, null, "Police with the person, taken to hospital")))
          .whenTimeElapses(RESCUE.plusMinutes(1))
          .expectNoEvents();
    }

    /** Clinical gap 7 (rescue outcomes): not found, or refused, keeps the chase going. */
    @Test
    void aRescueThatDidNotFindThePersonIsStillChased() {
      Instant start = now();
      fixture
          .givenCommands(
              by(
                  "carol",
                  new OpenCrisisContact(
                      CRISIS, ContactChannel.HOTLINE, Caller.SELF, null, "Caller", null)),
              by("carol", assess(RiskLevel.IMMINENT)),
              by("sam", new AcknowledgeEscalation(CRISIS, derived("escalation", 0))),
              by(
                  "carol",
                  new DispatchEmergencyServices(
                      CRISIS, EmergencyAgency.POLICE, "110-9", "Knife at home", null)),
              by(
                  "carol",
                  new ConfirmRescue(
                      CRISIS, RescueResult.NOT_FOUND, "Police found nobody at the address")))
          .whenTimeElapses(RESCUE.plusMinutes(1))
          .expectEvents(
              new RescueConfirmationOverdue(CRISIS, 1, start.plus(RESCUE).plus(RESCUE)),
              new EscalationRaised(
                  CRISIS,
                  derived("escalation", 1),
                  ON_CALL_CLINICIAN,
                  RiskLevel.IMMINENT,
                  "Rescue not confirmed",
                  start.plus(RESCUE).plus(IMMINENT_ACK),
                  "system"));
      fixture
          .given(
              opened(),
              assessed(RiskLevel.IMMINENT, null),
              new EmergencyServicesDispatched(
                  CRISIS, EmergencyAgency.AMBULANCE, "120-1", "Overdose", now(), "carol", now()))
          .when(new ConfirmRescue(CRISIS, RescueResult.REFUSED, "Would not open"), as("carol"))
          .expectEvents(
              new RescueNotReached(CRISIS, RescueResult.REFUSED, "Would not open", "carol"));
    }

    @Test
    void aRescueRecordsTheBreakOfConfidentialityAndTheAgency() {
      fixture
          .given(opened(), assessed(RiskLevel.IMMINENT, null))
          .when(
              new DispatchEmergencyServices(
                  CRISIS,
                  EmergencyAgency.AMBULANCE,
                  "120-778",
                  "Overdose taken",
                  now().minusSeconds(120)),
              as("carol"))
          .expectEvents(
              new EmergencyServicesDispatched(
                  CRISIS,
                  EmergencyAgency.AMBULANCE,
                  "120-778",
                  "Overdose taken",
                  now().plus(RESCUE),
                  "carol",
                  now().minusSeconds(120)));
    }

    @Test
    void recordingTheCallAnswersTheEmergencyServicesRung() {
      UUID rung = UUID.fromString("00000000-0000-0000-0000-0000000000e5");
      fixture
          .given(
              opened(),
              assessed(RiskLevel.IMMINENT, null),
              new EscalationRaised(
                  CRISIS,
                  rung,
                  EMERGENCY_SERVICES,
                  RiskLevel.IMMINENT,
                  "Not acknowledged in time at ON_CALL_CLINICIAN",
                  now().plus(IMMINENT_ACK),
                  "system"))
          .when(
              new DispatchEmergencyServices(
                  CRISIS, EmergencyAgency.AMBULANCE, "120-779", "Overdose taken", null),
              as("carol"))
          .expectEvents(
              new EmergencyServicesDispatched(
                  CRISIS,
                  EmergencyAgency.AMBULANCE,
                  "120-779",
                  "Overdose taken",
                  now().plus(RESCUE),
                  "carol",
                  now()),
              new EscalationAcknowledged(CRISIS, rung, EMERGENCY_SERVICES, "carol", true));
    }

    @Test
    void noRescueWithoutHighRisk() {
      fixture
          .given(opened(), assessed(RiskLevel.MODERATE, null))
          .when(
              new DispatchEmergencyServices(CRISIS, EmergencyAgency.POLICE, "110", "x", null),
              as("carol"))
          .expectException(RuleViolated.class);
      fixture
          .given(opened())
          .when(new ConfirmRescue(CRISIS, null, "ok"), as("carol"))
          .expectException(RuleViolated.class);
    }
  }

  @Nested
  class FollowUps {
    @Test
    void aFollowUpNotDoneInTimeIsOverdue() {
      Instant due = fixture.currentTime().plus(Duration.ofHours(1));
      fixture.givenCommands(
          by(
              "carol",
              new OpenCrisisContact(CRISIS, ContactChannel.CHAT, Caller.SELF, null, "x", null)),
          by("carol", new ScheduleFollowUp(CRISIS, FOLLOW_UP, due)));
      fixture
          .whenTimeElapses(Duration.ofHours(2))
          .expectEvents(new FollowUpOverdue(CRISIS, FOLLOW_UP, due));
    }

    @Test
    void aCompletedFollowUpIsNotOverdue() {
      Instant due = fixture.currentTime().plus(Duration.ofHours(1));
      fixture.givenCommands(
          by(
              "carol",
              new OpenCrisisContact(CRISIS, ContactChannel.CHAT, Caller.SELF, null, "x", null)),
          by("carol", new ScheduleFollowUp(CRISIS, FOLLOW_UP, due)),
          by(
              "carol",
              new CompleteFollowUp(CRISIS, FOLLOW_UP, true, RiskLevel.LOW, "Doing better")));
      fixture.whenTimeElapses(Duration.ofHours(2)).expectNoEvents();
    }

    @Test
    void threeFailedAttemptsLoseThePersonToFollowUp() {
      FollowUpScheduled scheduled =
          new FollowUpScheduled(CRISIS, FOLLOW_UP, Instant.now(), "carol");
      fixture
          .given(
              opened(),
              scheduled,
              new FollowUpAttemptFailed(CRISIS, FOLLOW_UP, 1, "No answer", "carol"),
              new FollowUpAttemptFailed(CRISIS, FOLLOW_UP, 2, "No answer", "carol"))
          .when(
              new CompleteFollowUp(CRISIS, FOLLOW_UP, false, null, "Number disconnected"),
              as("carol"))
          .expectEvents(
              new FollowUpAttemptFailed(CRISIS, FOLLOW_UP, 3, "Number disconnected", "carol"),
              new LostToFollowUp(CRISIS, 3));
    }

    /** Clinical gap 10: a plan has at least one step. */
    @Test
    void aSafetyPlanWithEveryStepEmptyIsRefused() {
      fixture
          .given(opened(), assessed(RiskLevel.HIGH, null))
          .when(
              new CrisisCommands.RecordSafetyPlan(
                  CRISIS,
                  new SafetyPlan(
                      List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                      List.of())),
              as("carol"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
    }

    @Test
    void aSafetyPlanKeepsThePersonsReasonsForLiving() {
      SafetyPlan plan =
          new SafetyPlan(
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of("Her son"),
              null);
      fixture
          .given(opened(), assessed(RiskLevel.HIGH, null))
          .when(new CrisisCommands.RecordSafetyPlan(CRISIS, plan), as("carol"))
          .expectEvents(new SafetyPlanRecorded(CRISIS, 1, plan, "carol"));
    }

    /** Clinical gap 10: step 6 names each means and what was agreed to keep it out of reach. */
    @Test
    void stepSixListsEachMeansWithWhatWasAgreed() {
      SafetyPlan plan = planWithMeans(new MeansAgreement("Sleeping pills", "Sister keeps them"));
      fixture
          .given(opened(), assessed(RiskLevel.HIGH, null))
          .when(new CrisisCommands.RecordSafetyPlan(CRISIS, plan), as("carol"))
          .expectEvents(new SafetyPlanRecorded(CRISIS, 1, plan, "carol"));
    }

    @Test
    void aMeansWithNothingAgreedIsRefused() {
      fixture
          .given(opened(), assessed(RiskLevel.HIGH, null))
          .when(
              new CrisisCommands.RecordSafetyPlan(
                  CRISIS,
                  planWithMeans(
                      new MeansAgreement("Sleeping pills", "Sister keeps them"),
                      new MeansAgreement("Balcony key", " "))),
              as("carol"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
    }

    private SafetyPlan planWithMeans(MeansAgreement... means) {
      return new SafetyPlan(
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(means));
    }

    /** Clinical gap 6: fail, reach, fail, fail is two failures in a row, not three. */
    @Test
    void reachingThePersonStartsTheCountOfFailedAttemptsOver() {
      UUID next = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
      fixture
          .given(
              opened(),
              new FollowUpScheduled(CRISIS, FOLLOW_UP, Instant.now(), "carol"),
              new FollowUpAttemptFailed(CRISIS, FOLLOW_UP, 1, "No answer", "carol"),
              new FollowUpCompleted(CRISIS, FOLLOW_UP, RiskLevel.LOW, "Reached", "carol"),
              new FollowUpScheduled(CRISIS, next, Instant.now(), "carol"),
              new FollowUpAttemptFailed(CRISIS, next, 1, "No answer", "carol"))
          .when(new CompleteFollowUp(CRISIS, next, false, null, "No answer"), as("carol"))
          .expectEvents(new FollowUpAttemptFailed(CRISIS, next, 2, "No answer", "carol"));
    }

    @Test
    void higherRiskAtAFollowUpReturnsTheEpisodeToAssessment() {
      fixture
          .given(
              opened(),
              assessed(RiskLevel.MODERATE, null),
              new FollowUpScheduled(CRISIS, FOLLOW_UP, Instant.now(), "carol"))
          .when(
              new CompleteFollowUp(CRISIS, FOLLOW_UP, true, RiskLevel.HIGH, "New plan"),
              as("carol"))
          .expectEvents(
              new FollowUpCompleted(CRISIS, FOLLOW_UP, RiskLevel.HIGH, "New plan", "carol"),
              new ReturnedToAssessment(CRISIS, RiskLevel.MODERATE, RiskLevel.HIGH));
    }

    @Test
    void anUnknownFollowUpIsNotFound() {
      fixture
          .given(opened())
          .when(new CompleteFollowUp(CRISIS, FOLLOW_UP, true, RiskLevel.LOW, null), as("carol"))
          .expectException(RecordNotFound.class);
    }
  }

  @Nested
  class Closure {
    @Test
    void closingAHighRiskEpisodeWaitsForTheSupervisor() {
      fixture
          .given(opened(), assessed(RiskLevel.HIGH, null))
          .when(
              new CloseCrisis(CRISIS, CrisisClosureReason.STABILISED, "Safe with family"),
              as("carol"))
          .expectEvents(
              new ClosureApprovalRequested(
                  CRISIS, CrisisClosureReason.STABILISED, "Safe with family", "carol"));
    }

    @Test
    void theSupervisorClosesAHighRiskEpisodeWithApproval() {
      fixture
          .given(opened(), assessed(RiskLevel.HIGH, null))
          .when(
              new CloseCrisis(CRISIS, CrisisClosureReason.STABILISED, "Safe with family"),
              as("sam"))
          .expectEvents(
              new CrisisClosed(
                  CRISIS, CrisisClosureReason.STABILISED, "Safe with family", "sam", "sam"));
    }

    @Test
    void aLowRiskEpisodeClosesWithoutApproval() {
      fixture
          .given(opened(), assessed(RiskLevel.LOW, null))
          .when(new CloseCrisis(CRISIS, CrisisClosureReason.NOT_A_CRISIS, null), as("carol"))
          .expectEvents(
              new CrisisClosed(CRISIS, CrisisClosureReason.NOT_A_CRISIS, null, "carol", null));
    }

    @Test
    void aClosureWaitingForApprovalIsNotAskedForAgain() {
      fixture
          .given(
              opened(),
              assessed(RiskLevel.HIGH, null),
              new ClosureApprovalRequested(CRISIS, CrisisClosureReason.STABILISED, null, "carol"))
          .when(new CloseCrisis(CRISIS, CrisisClosureReason.STABILISED, "Again"), as("carol"))
          .expectException(RuleViolated.class)
          .expectExceptionMessage("The closure waits for the supervisor's approval");
    }

    @Test
    void theSupervisorGivesAConsultWhenAskedAndNotAfterClosure() {
      fixture
          .given(opened(), assessed(RiskLevel.LOW, null))
          .when(new CrisisCommands.RecordSupervisorConsult(CRISIS, "Stay on the line"), as("sam"))
          .expectException(RuleViolated.class)
          .expectExceptionMessage("No consult is asked for");
      fixture
          .given(
              opened(),
              assessed(RiskLevel.HIGH, null),
              new SupervisorConsultRequested(CRISIS, RiskLevel.HIGH),
              new CrisisClosed(CRISIS, CrisisClosureReason.STABILISED, null, "sam", "sam"))
          .when(new CrisisCommands.RecordSupervisorConsult(CRISIS, "Stay on the line"), as("sam"))
          .expectException(RuleViolated.class)
          .expectExceptionMessage("The episode is closed: reopen it first");
    }

    @Test
    void aFollowUpOfAClosedEpisodeIsNotRecorded() {
      fixture
          .given(
              opened(),
              new FollowUpScheduled(CRISIS, FOLLOW_UP, Instant.now(), "carol"),
              new CrisisClosed(CRISIS, CrisisClosureReason.STABILISED, null, "carol", null))
          .when(new CompleteFollowUp(CRISIS, FOLLOW_UP, true, RiskLevel.LOW, "Fine"), as("carol"))
          .expectException(RuleViolated.class);
    }

    @Test
    void noSecondRescueWhileOneIsUnconfirmed() {
      fixture
          .given(
              opened(),
              assessed(RiskLevel.IMMINENT, null),
              new EmergencyServicesDispatched(
                  CRISIS,
                  EmergencyAgency.AMBULANCE,
                  "120-1",
                  "Overdose",
                  Instant.now(),
                  "carol",
                  Instant.now()))
          .when(
              new DispatchEmergencyServices(CRISIS, EmergencyAgency.POLICE, "110-1", "Again", null),
              as("carol"))
          .expectException(RuleViolated.class);
    }

    @Test
    void onlyTheSupervisorRecordsAConsult() {
      fixture
          .given(opened(), assessed(RiskLevel.HIGH, null))
          .when(new CrisisCommands.RecordSupervisorConsult(CRISIS, "Stay on the line"), as("carol"))
          .expectException(UnauthorizedMessageException.class);
    }
  }

  /** Clinical gap 1: an intake's crisis alert opens an episode with its risk and its timer. */
  @Nested
  class ScreeningRiskCarriedOver {
    private static final List<Boolean> HIGH_ANSWERS = List.of(true, true, true, true, false, false);

    private RiskAssessed carried(RiskLevel level, SuicideRisk risk) {
      return new RiskAssessed(
          CRISIS,
          ASSESSMENT,
          level,
          null,
          null,
          null,
          risk,
          null,
          null,
          null,
          null,
          null,
          "system",
          null);
    }

    @Test
    void anAlertEpisodeStartsAtTheScreeningsRiskWithItsAcknowledgementDeadline() {
      fixture
          .given(opened())
          .when(
              new CrisisCommands.CarryOverScreeningRisk(CRISIS, ASSESSMENT, SuicideRisk.HIGH),
              ActorMetadata.system("north"))
          .expectEvents(
              carried(RiskLevel.HIGH, SuicideRisk.HIGH),
              new SupervisorConsultRequested(CRISIS, RiskLevel.HIGH),
              new EscalationRaised(
                  CRISIS,
                  derived("escalation", 0),
                  ON_CALL_SUPERVISOR,
                  RiskLevel.HIGH,
                  "Crisis alert from an intake screening",
                  now().plus(HIGH_ACK),
                  "system"),
              new FollowUpScheduled(
                  CRISIS, derived("follow-up", 0), now().plus(FOLLOW_UP_WITHIN), "system"))
          .expectScheduledDeadline(
              HIGH_ACK, new EscalationDue(derived("escalation", 0), now().plus(HIGH_ACK)));
    }

    @Test
    void anEpisodeAlreadyAssessedKeepsItsAssessment() {
      fixture
          .given(opened(), assessed(RiskLevel.HIGH, null))
          .when(
              new CrisisCommands.CarryOverScreeningRisk(CRISIS, ASSESSMENT, SuicideRisk.HIGH),
              ActorMetadata.system("north"))
          .expectNoEvents();
    }

    @Test
    void onlyThePlatformCarriesAScreeningsRiskOver() {
      fixture
          .given(opened())
          .when(
              new CrisisCommands.CarryOverScreeningRisk(CRISIS, ASSESSMENT, SuicideRisk.HIGH),
              as("carol"))
          .expectException(UnauthorizedMessageException.class);
    }

    private AssessRisk choose(RiskLevel level, List<Boolean> answers, String rationale) {
      return new AssessRisk(
          CRISIS, ASSESSMENT, level, answers, null, null, null, null, null, null, rationale);
    }

    /** Clinical gap 2: the answers bind the level. */
    @Test
    void aWorkerCannotChooseALevelBelowTheScreenersAnswers() {
      fixture
          .given(opened())
          .when(choose(RiskLevel.LOW, HIGH_ANSWERS, null), as("carol"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
      fixture
          .given(opened())
          .when(choose(RiskLevel.LOW, HIGH_ANSWERS, "Sounded calm"), as("carol"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
    }

    @Test
    void theScreenerOfTheIntakeStillBindsAnAssessmentWithoutNewAnswers() {
      fixture
          .given(opened(), carried(RiskLevel.HIGH, SuicideRisk.HIGH))
          .when(choose(RiskLevel.MODERATE, null, null), as("carol"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
    }

    @Test
    void theSupervisorSetsALowerLevelOnlyWithAWrittenRationale() {
      fixture
          .given(opened())
          .when(choose(RiskLevel.LOW, HIGH_ANSWERS, "  "), as("sam"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
      fixture
          .given(opened())
          .when(choose(RiskLevel.LOW, HIGH_ANSWERS, "Answers were about a novel"), as("sam"))
          .expectEvents(
              new RiskAssessed(
                  CRISIS,
                  ASSESSMENT,
                  RiskLevel.LOW,
                  null,
                  List.of(1, 1, 1, 1, 0, 0),
                  null,
                  SuicideRisk.HIGH,
                  null,
                  null,
                  null,
                  null,
                  null,
                  "sam",
                  "Answers were about a novel"));
    }

    @Test
    void closingGoesByTheHighestRiskTheEpisodeHasHadEvenBelowTheScreener() {
      fixture
          .given(
              opened(),
              new RiskAssessed(
                  CRISIS,
                  ASSESSMENT,
                  RiskLevel.LOW,
                  null,
                  List.of(1, 1, 1, 1, 0, 0),
                  null,
                  SuicideRisk.HIGH,
                  null,
                  null,
                  null,
                  null,
                  null,
                  "sam",
                  "Answers were about a novel"))
          .when(new CloseCrisis(CRISIS, CrisisClosureReason.STABILISED, "Safe"), as("carol"))
          .expectEvents(
              new ClosureApprovalRequested(
                  CRISIS, CrisisClosureReason.STABILISED, "Safe", "carol"));
    }
  }

  /** Acknowledgement by the person paged for the tier or a higher tier, never by the raiser. */
  @Nested
  class Acknowledgement {
    private static final UUID ESCALATION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    private EscalationRaised raised(EscalationTier tier, String by) {
      return new EscalationRaised(
          CRISIS, ESCALATION, tier, RiskLevel.IMMINENT, "Imminent", now().plus(IMMINENT_ACK), by);
    }

    private AcknowledgeEscalation acknowledge() {
      return new AcknowledgeEscalation(CRISIS, ESCALATION);
    }

    @Test
    void thePersonPagedForTheTierAcknowledges() {
      onCall.put(ON_CALL_SUPERVISOR, "cora");
      fixture
          .given(opened(), assessed(RiskLevel.IMMINENT, null), raised(ON_CALL_SUPERVISOR, "carol"))
          .when(acknowledge(), as("cora"))
          .expectEvents(
              new EscalationAcknowledged(CRISIS, ESCALATION, ON_CALL_SUPERVISOR, "cora", true));
    }

    @Test
    void nobodyElseOfTheUnitAcknowledgesNotEvenItsSupervisor() {
      onCall.put(ON_CALL_SUPERVISOR, "cora");
      fixture
          .given(opened(), assessed(RiskLevel.IMMINENT, null), raised(ON_CALL_SUPERVISOR, "carol"))
          .when(acknowledge(), as("sam"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
    }

    @Test
    void theHolderOfAHigherTierAcknowledgesALowerOneButNotTheOtherWayRound() {
      onCall.put(ON_CALL_SUPERVISOR, "sam");
      onCall.put(ON_CALL_CLINICIAN, "cora");
      fixture
          .given(opened(), assessed(RiskLevel.IMMINENT, null), raised(ON_CALL_SUPERVISOR, "carol"))
          .when(acknowledge(), as("cora"))
          .expectSuccessfulHandlerExecution();
      fixture
          .given(opened(), assessed(RiskLevel.IMMINENT, null), raised(ON_CALL_CLINICIAN, "system"))
          .when(acknowledge(), as("sam"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
    }

    @Test
    void whoeverRaisedAnEscalationDoesNotAcknowledgeItEvenOnCall() {
      onCall.put(ON_CALL_SUPERVISOR, "carol");
      fixture
          .given(opened(), assessed(RiskLevel.IMMINENT, null), raised(ON_CALL_SUPERVISOR, "carol"))
          .when(acknowledge(), as("carol"))
          .expectException(RuleViolated.class)
          .expectNoEvents();
    }

    @Test
    void whoeverEscalatedDoesNotAcknowledgeTheRungsThePlatformRaisedAboveIt() {
      onCall.put(ON_CALL_SUPERVISOR, "sam");
      onCall.put(ON_CALL_CLINICIAN, "carol");
      UUID first = UUID.fromString("00000000-0000-0000-0000-0000000000e0");
      EscalationRaised byCarol =
          new EscalationRaised(
              CRISIS,
              first,
              ON_CALL_SUPERVISOR,
              RiskLevel.IMMINENT,
              "Imminent",
              now().plus(IMMINENT_ACK),
              "carol");
      EscalationDeadlineMissed missed =
          new EscalationDeadlineMissed(CRISIS, first, ON_CALL_SUPERVISOR, now());
      fixture
          .given(
              opened(),
              assessed(RiskLevel.IMMINENT, null),
              byCarol,
              missed,
              raised(ON_CALL_CLINICIAN, "system"))
          .when(acknowledge(), as("carol"))
          .expectException(RuleViolated.class)
          .expectExceptionMessage(
              "You raised this escalation: the person paged for it acknowledges")
          .expectNoEvents();
      onCall.put(ON_CALL_CLINICIAN, "cora");
      fixture
          .given(
              opened(),
              assessed(RiskLevel.IMMINENT, null),
              byCarol,
              missed,
              raised(ON_CALL_CLINICIAN, "system"))
          .when(acknowledge(), as("cora"))
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAcknowledgedRungEndsTheChainSoAPlatformRungAfterItIsAnyHoldersToAnswer() {
      onCall.put(ON_CALL_CLINICIAN, "carol");
      UUID first = UUID.fromString("00000000-0000-0000-0000-0000000000e0");
      fixture
          .given(
              opened(),
              assessed(RiskLevel.IMMINENT, null),
              new EscalationRaised(
                  CRISIS,
                  first,
                  ON_CALL_SUPERVISOR,
                  RiskLevel.IMMINENT,
                  "Imminent",
                  now().plus(IMMINENT_ACK),
                  "carol"),
              new EscalationAcknowledged(CRISIS, first, ON_CALL_SUPERVISOR, "sam", true),
              raised(ON_CALL_CLINICIAN, "system"))
          .when(acknowledge(), as("carol"))
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void inAGapOfTheRosterThePageFallsToTheUnitsSupervisor() {
      fixture
          .given(opened(), assessed(RiskLevel.IMMINENT, null), raised(ON_CALL_SUPERVISOR, "carol"))
          .when(acknowledge(), as("cora"))
          .expectException(RuleViolated.class);
      fixture
          .given(opened(), assessed(RiskLevel.IMMINENT, null), raised(ON_CALL_SUPERVISOR, "carol"))
          .when(acknowledge(), as("sam"))
          .expectSuccessfulHandlerExecution();
    }

    @Test
    void atTheTopOfTheLadderWhoeverHoldsATierAnswers() {
      onCall.put(ON_CALL_CLINICIAN, "cora");
      fixture
          .given(opened(), assessed(RiskLevel.IMMINENT, null), raised(EMERGENCY_SERVICES, "system"))
          .when(acknowledge(), as("cora"))
          .expectSuccessfulHandlerExecution();
    }
  }

  /** A page nobody received escalates like a missed acknowledgement. */
  @Nested
  class UndeliveredPages {
    @Test
    void anUndeliveredPageClimbsTheLadderAtOnce() {
      Instant start = now();
      fixture
          .givenCommands(
              by(
                  "carol",
                  new OpenCrisisContact(
                      CRISIS, ContactChannel.HOTLINE, Caller.SELF, null, "Caller", null)),
              by("carol", assess(RiskLevel.IMMINENT)))
          .when(
              new CrisisCommands.PageUndelivered(CRISIS, derived("escalation", 0)),
              ActorMetadata.system("north"))
          .expectEvents(
              new EscalationDeadlineMissed(
                  CRISIS, derived("escalation", 0), ON_CALL_SUPERVISOR, start),
              new EscalationRaised(
                  CRISIS,
                  derived("escalation", 1),
                  ON_CALL_CLINICIAN,
                  RiskLevel.IMMINENT,
                  "Page not delivered at ON_CALL_SUPERVISOR",
                  start.plus(IMMINENT_ACK),
                  "system"));
    }

    @Test
    void aPageOfAnEscalationAlreadyAnsweredChangesNothing() {
      fixture
          .givenCommands(
              by(
                  "carol",
                  new OpenCrisisContact(
                      CRISIS, ContactChannel.HOTLINE, Caller.SELF, null, "Caller", null)),
              by("carol", assess(RiskLevel.IMMINENT)),
              by("sam", new AcknowledgeEscalation(CRISIS, derived("escalation", 0))))
          .when(
              new CrisisCommands.PageUndelivered(CRISIS, derived("escalation", 0)),
              ActorMetadata.system("north"))
          .expectNoEvents();
    }
  }
}
