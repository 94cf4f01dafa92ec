package org.maplebridge.referral;

import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.events.intake.SharingPurpose;
import org.maplebridge.events.intake.SharingTerms;
import org.maplebridge.events.referral.AnswerChannel;
import org.maplebridge.events.referral.AppointmentAttended;
import org.maplebridge.events.referral.AppointmentMissed;
import org.maplebridge.events.referral.AppointmentScheduled;
import org.maplebridge.events.referral.ConsentBasis;
import org.maplebridge.events.referral.ConsentOverrideRecorded;
import org.maplebridge.events.referral.ConsentWaiverRefused;
import org.maplebridge.events.referral.ConsentWaiverRequested;
import org.maplebridge.events.referral.DeclineReason;
import org.maplebridge.events.referral.DisclosedField;
import org.maplebridge.events.referral.ProviderAccessEndReason;
import org.maplebridge.events.referral.ProviderAccessEnded;
import org.maplebridge.events.referral.ProviderAnswer;
import org.maplebridge.events.referral.ReferralAccepted;
import org.maplebridge.events.referral.ReferralCancelled;
import org.maplebridge.events.referral.ReferralCompleted;
import org.maplebridge.events.referral.ReferralDeclined;
import org.maplebridge.events.referral.ReferralEnteredInError;
import org.maplebridge.events.referral.ReferralFailed;
import org.maplebridge.events.referral.ReferralLoopClosed;
import org.maplebridge.events.referral.ReferralOverdue;
import org.maplebridge.events.referral.ReferralPutOnHold;
import org.maplebridge.events.referral.ReferralReceived;
import org.maplebridge.events.referral.ReferralRedirected;
import org.maplebridge.events.referral.ReferralRequested;
import org.maplebridge.events.referral.ReferralResumed;
import org.maplebridge.events.referral.ReferralReviewed;
import org.maplebridge.events.referral.ReferralSent;
import org.maplebridge.events.referral.ReferralSide;
import org.maplebridge.events.referral.ReferralStage;
import org.maplebridge.events.referral.ReferralUrgency;
import org.maplebridge.events.referral.ReviewKind;
import org.maplebridge.referral.ReferralCommands.CancelReferral;
import org.maplebridge.referral.ReferralCommands.CloseLoop;
import org.maplebridge.referral.ReferralCommands.EndSharingWithoutConsent;
import org.maplebridge.referral.ReferralCommands.GrantConsentWaiver;
import org.maplebridge.referral.ReferralCommands.MarkEnteredInError;
import org.maplebridge.referral.ReferralCommands.PutOnHold;
import org.maplebridge.referral.ReferralCommands.RecordAcceptance;
import org.maplebridge.referral.ReferralCommands.RecordAppointment;
import org.maplebridge.referral.ReferralCommands.RecordAttendance;
import org.maplebridge.referral.ReferralCommands.RecordDecline;
import org.maplebridge.referral.ReferralCommands.RecordFailure;
import org.maplebridge.referral.ReferralCommands.RecordReceipt;
import org.maplebridge.referral.ReferralCommands.Redirect;
import org.maplebridge.referral.ReferralCommands.RefuseConsentWaiver;
import org.maplebridge.referral.ReferralCommands.RequestConsentWaiver;
import org.maplebridge.referral.ReferralCommands.RequestReferral;
import org.maplebridge.referral.ReferralCommands.Resume;
import org.maplebridge.referral.ReferralCommands.ReviewReferral;
import org.maplebridge.referral.ReferralCommands.SendReferral;
import org.maplebridge.write.ActorMetadata;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.RuleViolated;
import org.maplebridge.write.SourceFacts;
import org.maplebridge.write.StaffDirectory;

class ReferralTest {
  private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
  private static final UUID INTAKE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final UUID CRISIS = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
  private static final UUID CLIENT = UUID.fromString("00000000-0000-0000-0000-0000000000c9");
  private static final UUID CLINIC = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
  private static final UUID SHELTER = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
  private static final Duration URGENT = Duration.ofHours(24);

  /** A provider's answer recorded by the referrer's staff, without naming who called. */
  private static final ProviderAnswer PHONE = new ProviderAnswer(AnswerChannel.PHONE, null);

  /** A provider's answer its own staff gave in the platform. */
  private static final ProviderAnswer PORTAL = new ProviderAnswer(AnswerChannel.PORTAL, null);

  private static final Set<DisclosedField> FIELDS =
      Set.of(DisclosedField.NAME, DisclosedField.PHONE);
  private static final Map<String, Actor> STAFF =
      Map.of(
          "alice", new Actor("alice", Role.COUNSELLOR, "north"),
          "bob", new Actor("bob", Role.COUNSELLOR, "north"),
          "carol", new Actor("carol", Role.CRISIS_WORKER, "north"),
          "sam", new Actor("sam", Role.SUPERVISOR, "north"),
          "dave", new Actor("dave", Role.COUNSELLOR, "south"),
          "pia", Actor.ofProvider("pia", CLINIC),
          "paul", Actor.ofProvider("paul", SHELTER));

  private AggregateTestFixture<Referral> fixture;
  private boolean consentToShare;

  /**
   * The person's consents to share, when they name their recipients (else {@code consentToShare}).
   */
  private List<SharingTerms> sharingConsents;

  private Instant rescuedAt;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Referral.class);
    fixture.registerCommandHandlerInterceptor(new MessageAuthorizationHandlerInterceptor<>());
    fixture.registerInjectableResource(
        new ReferralSources() {
          @Override
          public Optional<SourceFacts> intake(UUID intakeId) {
            return Optional.of(
                sharingConsents != null
                    ? new SourceFacts(CLIENT, "north", Set.of("alice"), sharingConsents, null)
                    : new SourceFacts(CLIENT, "north", Set.of("alice"), consentToShare, null));
          }

          @Override
          public Optional<SourceFacts> crisis(UUID crisisId) {
            return Optional.of(new SourceFacts(CLIENT, "north", Set.of(), false, rescuedAt));
          }

          @Override
          public boolean providerOffers(UUID providerId, ServiceType serviceType) {
            return serviceType == ServiceType.PSYCHIATRIC_ASSESSMENT;
          }
        });
    fixture.registerInjectableResource(
        new ReferralDeadlines(
            Duration.ofHours(1), URGENT, Duration.ofDays(5), Duration.ofDays(90)));
    fixture.registerInjectableResource(new RescueReferralBasis(Duration.ofHours(72)));
    fixture.registerInjectableResource(
        (StaffDirectory) username -> Optional.ofNullable(STAFF.get(username)));
  }

  private static Map<String, Object> as(String username) {
    Actor actor = STAFF.get(username);
    return ActorMetadata.of(actor);
  }

  private static Message<?> by(String username, Object command) {
    return GenericCommandMessage.asCommandMessage(command).andMetaData(as(username));
  }

  private static RequestReferral fromIntake() {
    return new RequestReferral(
        REFERRAL,
        INTAKE,
        null,
        ServiceType.PSYCHIATRIC_ASSESSMENT,
        CLINIC,
        ReferralUrgency.URGENT,
        "Needs a psychiatric assessment",
        FIELDS);
  }

  private static ReferralRequested requested() {
    return new ReferralRequested(
        REFERRAL,
        INTAKE,
        null,
        CLIENT,
        "north",
        ServiceType.PSYCHIATRIC_ASSESSMENT,
        CLINIC,
        ReferralUrgency.URGENT,
        "Needs a psychiatric assessment",
        FIELDS,
        "alice");
  }

  private static ReferralReceived received() {
    return new ReferralReceived(REFERRAL, Instant.now(), "pia", PORTAL);
  }

  private static ReferralSent sent() {
    return new ReferralSent(
        REFERRAL, CLINIC, ConsentBasis.CLIENT_CONSENT, FIELDS, Instant.now(), "alice");
  }

  @Test
  void theCareTeamRequestsAReferral() {
    fixture.givenNoPriorActivity().when(fromIntake(), as("alice")).expectEvents(requested());
  }

  @Test
  void someoneOutsideTheCareTeamCannotReferFromTheCase() {
    fixture
        .givenNoPriorActivity()
        .when(fromIntake(), as("bob"))
        .expectException(RecordNotFound.class);
    fixture
        .givenNoPriorActivity()
        .when(fromIntake(), as("dave"))
        .expectException(RecordNotFound.class);
  }

  @Test
  void theProviderMustOfferTheService() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RequestReferral(
                REFERRAL,
                INTAKE,
                null,
                ServiceType.SHELTER,
                CLINIC,
                ReferralUrgency.ROUTINE,
                "Housing",
                FIELDS),
            as("alice"))
        .expectException(InvalidInput.class);
  }

  @Test
  void withoutConsentToShareNothingIsSent() {
    fixture
        .given(requested())
        .when(new SendReferral(REFERRAL), as("alice"))
        .expectException(RuleViolated.class)
        .expectNoEvents();
  }

  @Test
  void consentToShareSendsTheChosenFieldsWithAnAcknowledgementDeadline() {
    consentToShare = true;
    fixture
        .given(requested())
        .when(new SendReferral(REFERRAL), as("alice"))
        .expectEvents(
            new ReferralSent(
                REFERRAL,
                CLINIC,
                ConsentBasis.CLIENT_CONSENT,
                FIELDS,
                fixture.currentTime().plus(URGENT),
                "alice"))
        .expectScheduledDeadlineWithName(URGENT, Referral.STAGE_DEADLINE);
  }

  @Test
  void anOverrideIsAskedByTheReferrerAndGrantedByTheSupervisorHimselfThenAllowsSending() {
    fixture
        .given(requested())
        .when(new RequestConsentWaiver(REFERRAL, "Risk to life"), as("alice"))
        .expectEvents(new ConsentWaiverRequested(REFERRAL, "Risk to life", "alice"));
    fixture
        .given(requested(), new ConsentWaiverRequested(REFERRAL, "Risk to life", "alice"))
        .when(new GrantConsentWaiver(REFERRAL, "Agreed: risk to life"), as("sam"))
        .expectEvents(new ConsentOverrideRecorded(REFERRAL, "Agreed: risk to life", "sam", "sam"));
    fixture
        .given(
            requested(),
            new ConsentWaiverRequested(REFERRAL, "Risk to life", "alice"),
            new ConsentOverrideRecorded(REFERRAL, "Agreed", "sam", "sam"))
        .when(new SendReferral(REFERRAL), as("alice"))
        .expectEvents(
            new ReferralSent(
                REFERRAL,
                CLINIC,
                ConsentBasis.OVERRIDE,
                FIELDS,
                fixture.currentTime().plus(URGENT),
                "alice"));
  }

  private static ReferralRequested fromCrisis(ReferralUrgency urgency) {
    return new ReferralRequested(
        REFERRAL,
        null,
        CRISIS,
        CLIENT,
        "north",
        ServiceType.PSYCHIATRIC_ASSESSMENT,
        CLINIC,
        urgency,
        "After rescue",
        FIELDS,
        "carol");
  }

  @Test
  void aCounsellorCannotGrantAnOverrideNorTheSupervisorAskForOne() {
    fixture
        .given(requested(), new ConsentWaiverRequested(REFERRAL, "Risk to life", "alice"))
        .when(new GrantConsentWaiver(REFERRAL, "Agreed"), as("alice"))
        .expectException(UnauthorizedMessageException.class);
    fixture
        .given(requested())
        .when(new RequestConsentWaiver(REFERRAL, "Risk"), as("sam"))
        .expectException(UnauthorizedMessageException.class);
  }

  @Test
  void theSupervisorAnswersOnlyAWaitingAskAndOnlyOnce() {
    fixture
        .given(requested())
        .when(new GrantConsentWaiver(REFERRAL, "Agreed"), as("sam"))
        .expectException(RuleViolated.class)
        .expectNoEvents();
    fixture
        .given(
            requested(),
            new ConsentWaiverRequested(REFERRAL, "Risk", "alice"),
            new ConsentOverrideRecorded(REFERRAL, "Agreed", "sam", "sam"))
        .when(new RefuseConsentWaiver(REFERRAL, "No"), as("sam"))
        .expectException(RuleViolated.class);
    fixture
        .given(
            requested(),
            new ConsentWaiverRequested(REFERRAL, "Risk", "alice"),
            new ConsentOverrideRecorded(REFERRAL, "Agreed", "sam", "sam"))
        .when(new RequestConsentWaiver(REFERRAL, "Again"), as("alice"))
        .expectException(RuleViolated.class);
  }

  @Test
  void aRefusedOverrideLeavesTheReferralUnsendableUntilAskedAgainAndGranted() {
    fixture
        .given(requested(), new ConsentWaiverRequested(REFERRAL, "Risk", "alice"))
        .when(new RefuseConsentWaiver(REFERRAL, "Ask the guardian first"), as("sam"))
        .expectEvents(new ConsentWaiverRefused(REFERRAL, "Ask the guardian first", "sam"));
    fixture
        .given(
            requested(),
            new ConsentWaiverRequested(REFERRAL, "Risk", "alice"),
            new ConsentWaiverRefused(REFERRAL, "No", "sam"))
        .when(new SendReferral(REFERRAL), as("alice"))
        .expectException(RuleViolated.class);
    fixture
        .given(
            requested(),
            new ConsentWaiverRequested(REFERRAL, "Risk", "alice"),
            new ConsentWaiverRefused(REFERRAL, "No", "sam"))
        .when(new RequestConsentWaiver(REFERRAL, "Guardian unreachable"), as("alice"))
        .expectEvents(new ConsentWaiverRequested(REFERRAL, "Guardian unreachable", "alice"));
  }

  @Test
  void aRecentRescueNeedsNoConsentForEmergencyCare() {
    rescuedAt = fixture.currentTime().minus(Duration.ofHours(2));
    fixture
        .given(fromCrisis(ReferralUrgency.EMERGENCY))
        .when(new SendReferral(REFERRAL), as("carol"))
        .expectEvents(
            new ReferralSent(
                REFERRAL,
                CLINIC,
                ConsentBasis.RESCUE,
                FIELDS,
                fixture.currentTime().plus(Duration.ofHours(1)),
                "carol"));
  }

  /** Clinical gap 8: the rescue exemption ends, and never covers routine care. */
  @Test
  void aRescueIsNoBasisAfterItsTimeNorForRoutineCare() {
    rescuedAt = fixture.currentTime().minus(Duration.ofHours(73));
    fixture
        .given(fromCrisis(ReferralUrgency.EMERGENCY))
        .when(new SendReferral(REFERRAL), as("carol"))
        .expectException(RuleViolated.class)
        .expectNoEvents();
    rescuedAt = fixture.currentTime().minus(Duration.ofHours(2));
    fixture
        .given(fromCrisis(ReferralUrgency.ROUTINE))
        .when(new SendReferral(REFERRAL), as("carol"))
        .expectException(RuleViolated.class)
        .expectNoEvents();
  }

  @Test
  void anUnacknowledgedReferralBecomesOverdue() {
    consentToShare = true;
    Instant due = fixture.currentTime().plus(URGENT);
    fixture
        .givenCommands(by("alice", fromIntake()), by("alice", new SendReferral(REFERRAL)))
        .whenTimeElapses(URGENT.plusMinutes(1))
        .expectEvents(new ReferralOverdue(REFERRAL, ReferralStage.ACKNOWLEDGEMENT, due));
  }

  @Test
  void anAcknowledgedReferralIsNotOverdueForAcknowledgement() {
    consentToShare = true;
    fixture
        .givenCommands(
            by("alice", fromIntake()),
            by("alice", new SendReferral(REFERRAL)),
            by("alice", new RecordReceipt(REFERRAL, null)))
        .whenTimeElapses(URGENT.minusMinutes(1))
        .expectNoEvents();
  }

  @Test
  void theFeedbackDeadlineRunsFromTheAppointmentNotFromAcceptance() {
    consentToShare = true;
    Instant appointment = fixture.currentTime().plus(Duration.ofDays(3));
    fixture
        .givenCommands(
            by("alice", fromIntake()),
            by("alice", new SendReferral(REFERRAL)),
            by("pia", new RecordReceipt(REFERRAL, null)),
            by("pia", new RecordAcceptance(REFERRAL, null)))
        .when(new RecordAppointment(REFERRAL, appointment, null), as("pia"))
        .expectEvents(
            new AppointmentScheduled(
                REFERRAL, appointment, "pia", PORTAL, appointment.plus(URGENT)))
        .expectScheduledDeadlineWithName(Duration.ofDays(3).plus(URGENT), Referral.STAGE_DEADLINE);
  }

  @Test
  void aBookedReferralIsNotOverdueOnTheAcceptanceDeadline() {
    consentToShare = true;
    fixture
        .givenCommands(
            by("alice", fromIntake()),
            by("alice", new SendReferral(REFERRAL)),
            by("pia", new RecordReceipt(REFERRAL, null)),
            by("pia", new RecordAcceptance(REFERRAL, null)),
            by(
                "pia",
                new RecordAppointment(
                    REFERRAL, fixture.currentTime().plus(Duration.ofDays(3)), null)))
        .whenTimeElapses(URGENT.plusHours(1))
        .expectNoEvents();
  }

  @Test
  void movingTheAppointmentMovesTheFeedbackDeadline() {
    consentToShare = true;
    Instant first = fixture.currentTime().plus(Duration.ofDays(1));
    Instant moved = fixture.currentTime().plus(Duration.ofDays(4));
    fixture
        .givenCommands(
            by("alice", fromIntake()),
            by("alice", new SendReferral(REFERRAL)),
            by("pia", new RecordReceipt(REFERRAL, null)),
            by("pia", new RecordAcceptance(REFERRAL, null)),
            by("pia", new RecordAppointment(REFERRAL, first, null)),
            by("pia", new RecordAppointment(REFERRAL, moved, null)))
        // Once, for the moved appointment: the first one's deadline passed without effect.
        .whenTimeElapses(Duration.ofDays(4).plus(URGENT).plusMinutes(1))
        .expectEvents(new ReferralOverdue(REFERRAL, ReferralStage.FEEDBACK, moved.plus(URGENT)));
  }

  @Test
  void providerAnswersComeAfterSending() {
    fixture
        .given(requested())
        .when(new RecordAcceptance(REFERRAL, null), as("alice"))
        .expectException(RuleViolated.class);
  }

  @Test
  void aDeclinedReferralGoesOnToAnotherProvider() {
    consentToShare = true;
    fixture
        .given(
            requested(),
            sent(),
            new ReferralDeclined(REFERRAL, DeclineReason.NO_CAPACITY, null, "alice", PHONE))
        .when(new Redirect(REFERRAL, SHELTER), as("alice"))
        .expectEvents(
            new ReferralRedirected(
                REFERRAL,
                CLINIC,
                SHELTER,
                fixture.currentTime().plus(URGENT),
                "alice",
                ConsentBasis.CLIENT_CONSENT));
  }

  @Test
  void theProviderDecliningSuggestsAnotherProviderOfTheService() {
    fixture
        .given(requested(), sent(), received())
        .when(
            new RecordDecline(REFERRAL, DeclineReason.NO_CAPACITY, "Full", null, SHELTER),
            as("pia"))
        .expectEvents(
            new ReferralDeclined(
                REFERRAL, DeclineReason.NO_CAPACITY, "Full", "pia", PORTAL, SHELTER));
  }

  @Test
  void aProviderDoesNotSuggestItself() {
    fixture
        .given(requested(), sent(), received())
        .when(
            new RecordDecline(REFERRAL, DeclineReason.NO_CAPACITY, "Full", null, CLINIC), as("pia"))
        .expectException(InvalidInput.class)
        .expectNoEvents();
  }

  @Test
  void aRedirectToARecipientTheConsentDoesNotNameIsRefused() {
    sharingConsents = List.of(new SharingTerms(null, CLINIC, SharingPurpose.REFERRAL));
    fixture
        .given(
            requested(),
            sent(),
            new ReferralDeclined(REFERRAL, DeclineReason.NO_CAPACITY, null, "pia", PORTAL, SHELTER))
        .when(new Redirect(REFERRAL, SHELTER), as("alice"))
        .expectException(RuleViolated.class)
        .expectExceptionMessage(containsString("does not cover this recipient"))
        .expectNoEvents();
  }

  @Test
  void aRedirectAfterConsentWasWithdrawnIsRefused() {
    fixture
        .given(
            requested(),
            sent(),
            new ReferralDeclined(REFERRAL, DeclineReason.NO_CAPACITY, null, "pia", PORTAL))
        .when(new Redirect(REFERRAL, SHELTER), as("alice"))
        .expectException(RuleViolated.class)
        .expectNoEvents();
  }

  @Test
  void consentForAKindOfServiceDoesNotCoverSendingToAnother() {
    sharingConsents =
        List.of(
            new SharingTerms(ServiceType.SHELTER, null, SharingPurpose.REFERRAL),
            new SharingTerms(null, null, SharingPurpose.CARE_COORDINATION));
    fixture
        .given(requested())
        .when(new SendReferral(REFERRAL), as("alice"))
        .expectException(RuleViolated.class)
        .expectExceptionMessage(containsString("does not cover this recipient"))
        .expectNoEvents();
  }

  @Test
  void consentNamingTheProviderSendsTheReferral() {
    sharingConsents = List.of(new SharingTerms(null, CLINIC, SharingPurpose.REFERRAL));
    fixture
        .given(requested())
        .when(new SendReferral(REFERRAL), as("alice"))
        .expectEvents(
            new ReferralSent(
                REFERRAL,
                CLINIC,
                ConsentBasis.CLIENT_CONSENT,
                FIELDS,
                fixture.currentTime().plus(URGENT),
                "alice"));
  }

  @Test
  void withdrawnConsentEndsTheProvidersAccessOnAnOpenReferralAndAcceptanceOpensNothing() {
    Instant accessUntil = fixture.currentTime().plus(Duration.ofDays(90));
    fixture
        .given(
            requested(),
            sent(),
            received(),
            new ReferralAccepted(REFERRAL, accessUntil, accessUntil, "pia", PORTAL))
        .when(
            GenericCommandMessage.asCommandMessage(new EndSharingWithoutConsent(REFERRAL, "alice"))
                .andMetaData(ActorMetadata.system("north")))
        .expectEvents(
            new ProviderAccessEnded(
                REFERRAL, CLINIC, ProviderAccessEndReason.CONSENT_WITHDRAWN, "alice"));
    fixture
        .given(
            requested(),
            sent(),
            new ProviderAccessEnded(
                REFERRAL, CLINIC, ProviderAccessEndReason.CONSENT_WITHDRAWN, "alice"),
            received())
        .when(new RecordAcceptance(REFERRAL, null), as("pia"))
        .expectEvents(
            new ReferralAccepted(
                REFERRAL,
                fixture.currentTime(),
                fixture.currentTime().plus(URGENT),
                "pia",
                PORTAL));
  }

  @Test
  void consentStillCoveringTheProviderKeepsItsAccess() {
    consentToShare = true;
    fixture
        .given(requested(), sent())
        .when(
            GenericCommandMessage.asCommandMessage(new EndSharingWithoutConsent(REFERRAL, "alice"))
                .andMetaData(ActorMetadata.system("north")))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void threeMissedAppointmentsFailTheReferral() {
    fixture
        .given(
            requested(),
            sent(),
            new ReferralAccepted(REFERRAL, Instant.now(), Instant.now(), "alice", PHONE),
            new AppointmentScheduled(REFERRAL, Instant.now(), "alice", PHONE),
            new AppointmentMissed(REFERRAL, 1, "alice", PHONE),
            new AppointmentScheduled(REFERRAL, Instant.now(), "alice", PHONE),
            new AppointmentMissed(REFERRAL, 2, "alice", PHONE),
            new AppointmentScheduled(REFERRAL, Instant.now(), "alice", PHONE))
        .when(new RecordAttendance(REFERRAL, false, null), as("alice"))
        .expectEvents(
            new AppointmentMissed(REFERRAL, 3, "alice", PHONE),
            new ReferralFailed(REFERRAL, "Missed 3 appointments", "alice", PHONE));
  }

  @Test
  void theLoopClosesOnlyOnFeedback() {
    fixture
        .given(requested(), sent(), new ReferralReceived(REFERRAL, Instant.now(), "alice", PHONE))
        .when(new CloseLoop(REFERRAL), as("alice"))
        .expectException(RuleViolated.class);
    fixture
        .given(
            requested(),
            sent(),
            new ReferralAccepted(REFERRAL, Instant.now(), Instant.now(), "alice", PHONE),
            new ReferralCompleted(REFERRAL, "Assessed, medication started", "alice", PHONE))
        .when(new CloseLoop(REFERRAL), as("alice"))
        .expectEvents(new ReferralLoopClosed(REFERRAL, "alice"));
  }

  @Test
  void onlyTheSupervisorMarksAReferralEnteredInError() {
    fixture
        .given(requested())
        .when(new MarkEnteredInError(REFERRAL, "Wrong client"), as("alice"))
        .expectException(UnauthorizedMessageException.class);
    fixture
        .given(requested())
        .when(new MarkEnteredInError(REFERRAL, "Wrong client"), as("sam"))
        .expectEvents(new ReferralEnteredInError(REFERRAL, "Wrong client", "sam"));
  }

  private static ReferralAccepted accepted() {
    return new ReferralAccepted(REFERRAL, Instant.now(), Instant.now(), "alice", PHONE);
  }

  @Test
  void aSecondAcceptanceIsRefused() {
    fixture
        .given(requested(), sent(), accepted())
        .when(new RecordAcceptance(REFERRAL, null), as("alice"))
        .expectException(RuleViolated.class);
  }

  @Test
  void attendanceStartsTheServiceWhichMayPauseAndResume() {
    fixture
        .given(
            requested(),
            sent(),
            accepted(),
            new AppointmentScheduled(REFERRAL, Instant.now(), "alice", PHONE))
        .when(new RecordAttendance(REFERRAL, true, null), as("alice"))
        .expectEvents(new AppointmentAttended(REFERRAL, "alice", PHONE));
    fixture
        .given(
            requested(),
            sent(),
            accepted(),
            new AppointmentScheduled(REFERRAL, Instant.now(), "alice", PHONE),
            new AppointmentAttended(REFERRAL, "alice", PHONE))
        .when(new PutOnHold(REFERRAL, "Client in hospital", null), as("alice"))
        .expectEvents(new ReferralPutOnHold(REFERRAL, "Client in hospital", "alice", PHONE));
    fixture
        .given(
            requested(),
            sent(),
            accepted(),
            new AppointmentScheduled(REFERRAL, Instant.now(), "alice", PHONE),
            new AppointmentAttended(REFERRAL, "alice", PHONE),
            new ReferralPutOnHold(REFERRAL, "x", "alice", PHONE))
        .when(new Resume(REFERRAL, null), as("alice"))
        .expectEvents(new ReferralResumed(REFERRAL, "alice", PHONE));
    fixture
        .given(requested(), sent(), accepted())
        .when(new Resume(REFERRAL, null), as("alice"))
        .expectException(RuleViolated.class);
  }

  @Test
  void eitherSideCancelsAnOpenReferralButNotAFinishedOne() {
    fixture
        .given(requested(), sent())
        .when(
            new CancelReferral(REFERRAL, ReferralSide.PROVIDER, "Client moved away", null),
            as("alice"))
        .expectEvents(
            new ReferralCancelled(
                REFERRAL, ReferralSide.PROVIDER, "Client moved away", "alice", PHONE));
    fixture
        .given(
            requested(),
            sent(),
            accepted(),
            new ReferralCompleted(REFERRAL, "Done", "alice", PHONE))
        .when(new CancelReferral(REFERRAL, ReferralSide.REFERRER, "Too late", null), as("alice"))
        .expectException(RuleViolated.class);
  }

  @Test
  void aReferralIsSentOnce() {
    consentToShare = true;
    fixture
        .given(requested(), sent())
        .when(new SendReferral(REFERRAL), as("alice"))
        .expectException(RuleViolated.class);
  }

  @Test
  void onlyTheSupervisorReviews() {
    fixture
        .given(requested())
        .when(new ReviewReferral(REFERRAL, REFERRAL, ReviewKind.CONCERN, "Slow"), as("alice"))
        .expectException(UnauthorizedMessageException.class);
    fixture
        .given(requested())
        .when(new ReviewReferral(REFERRAL, REFERRAL, ReviewKind.CONCERN, "Slow"), as("sam"))
        .expectEvents(new ReferralReviewed(REFERRAL, REFERRAL, ReviewKind.CONCERN, "Slow", "sam"));
  }

  @Test
  void anAcceptedReferralOpensTheFieldsForTheProviderAccessPeriod() {
    fixture
        .given(requested(), sent(), new ReferralReceived(REFERRAL, Instant.now(), "alice", PHONE))
        .when(new RecordAcceptance(REFERRAL, null), as("alice"))
        .expectEvents(
            new ReferralAccepted(
                REFERRAL,
                fixture.currentTime().plus(Duration.ofDays(90)),
                fixture.currentTime().plus(URGENT),
                "alice",
                PHONE));
  }

  private static AppointmentScheduled scheduledBy(String who, ProviderAnswer how) {
    return new AppointmentScheduled(REFERRAL, Instant.parse("2026-12-03T01:30:00Z"), who, how);
  }

  @Test
  void theProvidersOwnStaffAnswerThroughTheirPortal() {
    fixture
        .given(requested(), sent(), accepted(), scheduledBy("pia", PORTAL))
        .when(new RecordAttendance(REFERRAL, true, null), as("pia"))
        .expectEvents(new AppointmentAttended(REFERRAL, "pia", PORTAL));
  }

  @Test
  void aProvidersStaffCannotPassTheirAnswerOffAsAPhoneCall() {
    fixture
        .given(requested(), sent(), accepted(), scheduledBy("pia", PORTAL))
        .when(
            new RecordAttendance(
                REFERRAL, true, new ProviderAnswer(AnswerChannel.PHONE, "Someone else")),
            as("pia"))
        .expectEvents(new AppointmentAttended(REFERRAL, "pia", PORTAL));
  }

  @Test
  void staffRecordingACallNameTheProvidersPerson() {
    ProviderAnswer call = new ProviderAnswer(AnswerChannel.PHONE, "Dr Fang");
    fixture
        .given(requested(), sent(), accepted(), scheduledBy("alice", PHONE))
        .when(new RecordAttendance(REFERRAL, true, call), as("alice"))
        .expectEvents(new AppointmentAttended(REFERRAL, "alice", call));
  }

  @Test
  void staffOfAnotherProviderFindNoSuchReferral() {
    fixture
        .given(requested(), sent())
        .when(new RecordReceipt(REFERRAL, null), as("paul"))
        .expectException(RecordNotFound.class);
  }

  @Test
  void aReferralReachesItsProviderOnlyOnceSentAndUntilAFinalState() {
    fixture
        .given(requested())
        .when(new RecordReceipt(REFERRAL, null), as("pia"))
        .expectException(RecordNotFound.class);
    fixture
        .given(
            requested(), sent(), accepted(), new ReferralCompleted(REFERRAL, "Done", "pia", PORTAL))
        .when(new RecordFailure(REFERRAL, "Changed my mind", null), as("pia"))
        .expectException(RecordNotFound.class);
  }

  @Test
  void theReferrersStepsAreNotTheProvidersToTake() {
    fixture
        .given(
            requested(), sent(), accepted(), new ReferralCompleted(REFERRAL, "Done", "pia", PORTAL))
        .when(new CloseLoop(REFERRAL), as("pia"))
        .expectException(UnauthorizedMessageException.class);
    fixture
        .given(requested())
        .when(new SendReferral(REFERRAL), as("pia"))
        .expectException(UnauthorizedMessageException.class);
  }

  @Test
  void aProvidersStaffCancelForTheProvider() {
    fixture
        .given(requested(), sent())
        .when(
            new CancelReferral(REFERRAL, ReferralSide.REFERRER, "No capacity after all", null),
            as("pia"))
        .expectEvents(
            new ReferralCancelled(
                REFERRAL, ReferralSide.PROVIDER, "No capacity after all", "pia", PORTAL));
  }
}
