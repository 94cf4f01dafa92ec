package org.maplebridge.access;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.spring.authorization.MessageAuthorizationHandlerInterceptor;
import org.axonframework.spring.authorization.UnauthorizedMessageException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.access.EmergencyAccess.BreakTheGlass;
import org.maplebridge.access.EmergencyAccess.RecordRef;
import org.maplebridge.access.EmergencyAccess.Records;
import org.maplebridge.access.EmergencyAccess.ReviewEmergencyAccess;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.access.EmergencyAccessExpired;
import org.maplebridge.events.access.EmergencyAccessGranted;
import org.maplebridge.events.access.EmergencyAccessReviewed;
import org.maplebridge.write.ActorMetadata;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.RuleViolated;

class EmergencyAccessTest {
  private static final UUID GRANT = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
  private static final UUID RECORD = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final Duration LASTS = Duration.ofMinutes(60);
  private static final Map<String, Object> SAM =
      ActorMetadata.of(new Actor("sam", Role.SUPERVISOR, "north"));
  private static final Map<String, Object> CAROL =
      ActorMetadata.of(new Actor("carol", Role.CRISIS_WORKER, "north"));
  private static final Map<String, Object> ALICE =
      ActorMetadata.of(new Actor("alice", Role.COUNSELLOR, "north"));
  private static final Map<String, Object> SUE =
      ActorMetadata.of(new Actor("sue", Role.SUPERVISOR, "north"));
  private static final Map<String, Object> DORA =
      ActorMetadata.of(new Actor("dora", Role.SUPERVISOR, "south"));
  private static final Map<String, Object> PAT =
      ActorMetadata.of(new Actor("pat", Role.PRIVACY_OFFICER, null));
  private static final Map<String, Object> ERIN =
      ActorMetadata.of(new Actor("erin", Role.CRISIS_WORKER, "south"));

  private AggregateTestFixture<EmergencyAccess> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(EmergencyAccess.class);
    fixture.registerCommandHandlerInterceptor(new MessageAuthorizationHandlerInterceptor<>());
    fixture.registerInjectableResource(
        (Records)
            id ->
                id.equals(RECORD)
                    ? Optional.of(new RecordRef("INTAKE", "north"))
                    : Optional.empty());
    fixture.registerInjectableResource(new EmergencyAccessSettings(LASTS));
  }

  private EmergencyAccessGranted granted() {
    return new EmergencyAccessGranted(
        GRANT,
        "INTAKE",
        RECORD,
        "north",
        "carol",
        "CRISIS_WORKER",
        "Caller threatening suicide, need the address",
        fixture.currentTime().plus(LASTS));
  }

  @Test
  void aCrisisWorkerBreaksTheGlassWithAReasonForAWhile() {
    fixture
        .givenNoPriorActivity()
        .when(
            new BreakTheGlass(GRANT, RECORD, "Caller threatening suicide, need the address"), CAROL)
        .expectEvents(granted())
        .expectScheduledDeadlineWithName(LASTS, EmergencyAccess.EXPIRY);
  }

  @Test
  void theGlassClosesByItself() {
    fixture
        .givenCommands(
            org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                    new BreakTheGlass(
                        GRANT, RECORD, "Caller threatening suicide, need the address"))
                .andMetaData(CAROL))
        .whenTimeElapses(LASTS.plusMinutes(1))
        .expectEvents(new EmergencyAccessExpired(GRANT));
  }

  @Test
  void counsellorsAndOtherUnitsCannotBreakTheGlass() {
    fixture
        .givenNoPriorActivity()
        .when(new BreakTheGlass(GRANT, RECORD, "x"), ALICE)
        .expectException(UnauthorizedMessageException.class);
    fixture
        .givenNoPriorActivity()
        .when(new BreakTheGlass(GRANT, RECORD, "x"), ERIN)
        .expectException(RecordNotFound.class);
  }

  @Test
  void theSupervisorReviewsIt() {
    fixture
        .given(granted())
        .when(new ReviewEmergencyAccess(GRANT, "Justified"), CAROL)
        .expectException(UnauthorizedMessageException.class);
    fixture
        .given(granted())
        .when(new ReviewEmergencyAccess(GRANT, "Justified"), SAM)
        .expectEvents(new EmergencyAccessReviewed(GRANT, "sam", "Justified"));
  }

  @Test
  void aGrantIsReviewedOnceALaterReviewOverwritesNothing() {
    fixture
        .given(granted(), new EmergencyAccessReviewed(GRANT, "sam", "Justified"))
        .when(new ReviewEmergencyAccess(GRANT, "Not justified after all"), SAM)
        .expectException(RuleViolated.class)
        .expectNoEvents();
  }

  @Test
  void aSupervisorsGrantIsReviewedByThePrivacyOfficerNeverByHimself() {
    EmergencyAccessGranted samsGrant =
        new EmergencyAccessGranted(
            GRANT,
            "INTAKE",
            RECORD,
            "north",
            "sam",
            "SUPERVISOR",
            "Client missing",
            fixture.currentTime().plus(LASTS));
    fixture
        .given(samsGrant)
        .when(new ReviewEmergencyAccess(GRANT, "Fine"), SAM)
        .expectException(NotAllowed.class)
        .expectNoEvents();
    fixture
        .given(samsGrant)
        .when(new ReviewEmergencyAccess(GRANT, "Fine"), SUE)
        .expectException(NotAllowed.class);
    fixture
        .given(samsGrant)
        .when(new ReviewEmergencyAccess(GRANT, "Justified"), PAT)
        .expectEvents(new EmergencyAccessReviewed(GRANT, "pat", "Justified"));
  }

  @Test
  void aCrisisWorkersGrantIsTheUnitSupervisorsToReviewNotThePrivacyOfficersNorAnotherUnits() {
    fixture
        .given(granted())
        .when(new ReviewEmergencyAccess(GRANT, "Fine"), PAT)
        .expectException(NotAllowed.class);
    fixture
        .given(granted())
        .when(new ReviewEmergencyAccess(GRANT, "Fine"), DORA)
        .expectException(RecordNotFound.class);
  }
}
