package org.maplebridge.oncall;

import static org.maplebridge.events.crisis.EscalationTier.EMERGENCY_SERVICES;
import static org.maplebridge.events.crisis.EscalationTier.ON_CALL_CLINICIAN;
import static org.maplebridge.events.crisis.EscalationTier.ON_CALL_SUPERVISOR;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.spring.authorization.MessageAuthorizationHandlerInterceptor;
import org.axonframework.spring.authorization.UnauthorizedMessageException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.oncall.OnCallPeriod;
import org.maplebridge.events.oncall.OnCallRosterSet;
import org.maplebridge.oncall.OnCallRoster.SetOnCallRoster;
import org.maplebridge.write.ActorMetadata;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RuleViolated;
import org.maplebridge.write.StaffDirectory;

class OnCallRosterTest {
  private static final String NORTH = OnCallRoster.idOf("north");
  private static final Instant EIGHT = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant EIGHTEEN = Instant.parse("2026-12-01T18:00:00Z");
  private static final Instant NEXT_EIGHT = Instant.parse("2026-12-02T08:00:00Z");
  private static final Map<String, Actor> STAFF =
      Map.of(
          "carol", new Actor("carol", Role.CRISIS_WORKER, "north"),
          "sam", new Actor("sam", Role.SUPERVISOR, "north"),
          "alice", new Actor("alice", Role.COUNSELLOR, "north"),
          "erin", new Actor("erin", Role.CRISIS_WORKER, "south"),
          "dora", new Actor("dora", Role.SUPERVISOR, "south"));

  private AggregateTestFixture<OnCallRoster> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(OnCallRoster.class);
    fixture.registerCommandHandlerInterceptor(new MessageAuthorizationHandlerInterceptor<>());
    fixture.registerInjectableResource(
        (StaffDirectory) username -> Optional.ofNullable(STAFF.get(username)));
  }

  private static Map<String, Object> as(String username) {
    return ActorMetadata.of(STAFF.get(username));
  }

  private static SetOnCallRoster roster(OnCallPeriod... periods) {
    return new SetOnCallRoster(NORTH, "north", List.of(periods));
  }

  @Test
  void theUnitsSupervisorSetsTheRosterWithAHandover() {
    fixture
        .givenNoPriorActivity()
        .when(
            roster(
                new OnCallPeriod(ON_CALL_CLINICIAN, "carol", EIGHTEEN, NEXT_EIGHT),
                new OnCallPeriod(ON_CALL_SUPERVISOR, "sam", EIGHT, NEXT_EIGHT),
                new OnCallPeriod(ON_CALL_CLINICIAN, "sam", EIGHT, EIGHTEEN)),
            as("sam"))
        .expectEvents(
            new OnCallRosterSet(
                "north",
                List.of(
                    new OnCallPeriod(ON_CALL_SUPERVISOR, "sam", EIGHT, NEXT_EIGHT),
                    new OnCallPeriod(ON_CALL_CLINICIAN, "sam", EIGHT, EIGHTEEN),
                    new OnCallPeriod(ON_CALL_CLINICIAN, "carol", EIGHTEEN, NEXT_EIGHT)),
                "sam"));
  }

  @Test
  void theSameRosterAgainChangesNothing() {
    OnCallPeriod period = new OnCallPeriod(ON_CALL_SUPERVISOR, "sam", EIGHT, NEXT_EIGHT);
    fixture
        .given(new OnCallRosterSet("north", List.of(period), "sam"))
        .when(roster(period), as("sam"))
        .expectNoEvents();
  }

  @Test
  void onlyTheUnitsOwnSupervisorKeepsIt() {
    fixture
        .givenNoPriorActivity()
        .when(roster(), as("carol"))
        .expectException(UnauthorizedMessageException.class);
    fixture
        .givenNoPriorActivity()
        .when(roster(), as("dora"))
        .expectException(NotAllowed.class)
        .expectNoEvents();
  }

  @Test
  void twoPeopleDoNotHoldATierAtOnce() {
    fixture
        .givenNoPriorActivity()
        .when(
            roster(
                new OnCallPeriod(ON_CALL_CLINICIAN, "carol", EIGHT, NEXT_EIGHT),
                new OnCallPeriod(ON_CALL_CLINICIAN, "sam", EIGHTEEN, NEXT_EIGHT)),
            as("sam"))
        .expectException(RuleViolated.class)
        .expectNoEvents();
  }

  @Test
  void periodsNameCrisisStaffOfTheUnitOnAStaffedTierForwardInTime() {
    for (OnCallPeriod wrong :
        List.of(
            new OnCallPeriod(ON_CALL_CLINICIAN, "alice", EIGHT, EIGHTEEN),
            new OnCallPeriod(ON_CALL_CLINICIAN, "erin", EIGHT, EIGHTEEN),
            new OnCallPeriod(ON_CALL_CLINICIAN, "nobody", EIGHT, EIGHTEEN),
            new OnCallPeriod(EMERGENCY_SERVICES, "carol", EIGHT, EIGHTEEN),
            new OnCallPeriod(ON_CALL_CLINICIAN, "carol", EIGHTEEN, EIGHT))) {
      fixture
          .givenNoPriorActivity()
          .when(roster(wrong), as("sam"))
          .expectException(InvalidInput.class)
          .expectNoEvents();
    }
  }
}
