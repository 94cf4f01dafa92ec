package org.maplebridge.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.spring.authorization.MessageAuthorizationHandlerInterceptor;
import org.axonframework.spring.authorization.UnauthorizedMessageException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.privacy.ErasureBasis;
import org.maplebridge.events.privacy.LegalHoldLifted;
import org.maplebridge.events.privacy.LegalHoldPlaced;
import org.maplebridge.events.privacy.PersonErased;
import org.maplebridge.privacy.PersonRecords.Kept;
import org.maplebridge.privacy.PersonalRecords.ErasePerson;
import org.maplebridge.privacy.PersonalRecords.LiftLegalHold;
import org.maplebridge.privacy.PersonalRecords.PlaceLegalHold;
import org.maplebridge.write.ActorMetadata;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.RuleViolated;

class PersonalRecordsTest {
  private static final UUID PERSON = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final String ID = PersonalRecords.idOf(PERSON);
  private static final UUID CASE = UUID.fromString("00000000-0000-4000-8000-000000000002");
  private static final UUID REFERRAL = UUID.fromString("00000000-0000-4000-8000-000000000003");
  private static final Map<String, Object> PAT =
      ActorMetadata.of(new Actor("pat", Role.PRIVACY_OFFICER, null));

  private final List<Kept> records = new ArrayList<>();
  private AggregateTestFixture<PersonalRecords> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(PersonalRecords.class);
    fixture.registerCommandHandlerInterceptor(new MessageAuthorizationHandlerInterceptor<>());
    fixture.registerInjectableResource(
        new PersonRecords(null) {
          @Override
          List<Kept> of(UUID personId) {
            return personId.equals(PERSON) ? List.copyOf(records) : List.of();
          }
        });
    fixture.registerInjectableResource(new RetentionSettings("P3Y"));
  }

  private void closedAgo(Duration ago) {
    records.add(new Kept(CASE, "INTAKE", Instant.now().minus(ago)));
    records.add(new Kept(REFERRAL, "REFERRAL", Instant.now().minus(ago).minusSeconds(60)));
  }

  @Test
  void aPersonWhoseRetentionEndedIsErasedWithTheKeysOfAllTheirRecords() {
    closedAgo(Duration.ofDays(4 * 366));
    fixture
        .givenNoPriorActivity()
        .when(new ErasePerson(ID, PERSON, "Retention ended", null), PAT)
        .expectEvents(
            new PersonErased(
                PERSON,
                List.of(CASE, REFERRAL),
                ErasureBasis.RETENTION_ENDED,
                "Retention ended",
                null,
                "pat"));
  }

  @Test
  void beforeTheRetentionEndsOnlyARecordedRequestErases() {
    closedAgo(Duration.ofDays(2 * 365));
    fixture
        .givenNoPriorActivity()
        .when(new ErasePerson(ID, PERSON, "Tidy up", " "), PAT)
        .expectException(RuleViolated.class)
        .expectNoEvents();
    fixture
        .givenNoPriorActivity()
        .when(new ErasePerson(ID, PERSON, "Asked to be forgotten", "PIPL-7"), PAT)
        .expectEvents(
            new PersonErased(
                PERSON,
                List.of(CASE, REFERRAL),
                ErasureBasis.REQUEST,
                "Asked to be forgotten",
                "PIPL-7",
                "pat"));
  }

  @Test
  void anOpenRecordKeepsThePersonUnlessThereIsARequest() {
    records.add(new Kept(CASE, "INTAKE", null));
    fixture
        .givenNoPriorActivity()
        .when(new ErasePerson(ID, PERSON, "Tidy up", null), PAT)
        .expectException(RuleViolated.class);
  }

  @Test
  void aLegalHoldInForceKeepsThePersonEvenOnRequestUntilLiftedOrOver() {
    closedAgo(Duration.ofDays(4 * 366));
    LegalHoldPlaced held = new LegalHoldPlaced(PERSON, "Court case", null, "pat");
    fixture
        .given(held)
        .when(new ErasePerson(ID, PERSON, "Asked", "PIPL-8"), PAT)
        .expectException(RuleViolated.class)
        .expectNoEvents();
    fixture
        .given(held, new LegalHoldLifted(PERSON, "Settled", "pat"))
        .when(new ErasePerson(ID, PERSON, "Retention ended", null), PAT)
        .expectSuccessfulHandlerExecution();
    fixture
        .given(new LegalHoldPlaced(PERSON, "Inquiry", Instant.now().minusSeconds(1), "pat"))
        .when(new ErasePerson(ID, PERSON, "Retention ended", null), PAT)
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void holdsArePlacedForTheFutureAndLiftedOnlyWhileInForce() {
    closedAgo(Duration.ofDays(1));
    Instant until = Instant.now().plus(Duration.ofDays(30));
    fixture
        .givenNoPriorActivity()
        .when(new PlaceLegalHold(ID, PERSON, "Inquiry", until), PAT)
        .expectEvents(new LegalHoldPlaced(PERSON, "Inquiry", until, "pat"));
    fixture
        .givenNoPriorActivity()
        .when(new PlaceLegalHold(ID, PERSON, "Inquiry", Instant.now().minusSeconds(5)), PAT)
        .expectException(InvalidInput.class);
    fixture
        .givenNoPriorActivity()
        .when(new LiftLegalHold(ID, PERSON, "Nothing"), PAT)
        .expectException(RuleViolated.class);
  }

  @Test
  void anErasedPersonIsNeitherErasedAgainNorHeld() {
    closedAgo(Duration.ofDays(4 * 366));
    PersonErased erased =
        new PersonErased(PERSON, List.of(CASE), ErasureBasis.RETENTION_ENDED, "r", null, "pat");
    fixture
        .given(erased)
        .when(new ErasePerson(ID, PERSON, "again", "R-1"), PAT)
        .expectException(RuleViolated.class);
    fixture
        .given(erased)
        .when(new PlaceLegalHold(ID, PERSON, "late", null), PAT)
        .expectException(RuleViolated.class);
  }

  @Test
  void aPersonWithoutRecordsIsNotFoundAndOnlyThePrivacyOfficerErases() {
    UUID nobody = UUID.randomUUID();
    fixture
        .givenNoPriorActivity()
        .when(new ErasePerson(PersonalRecords.idOf(nobody), nobody, "x", "R-1"), PAT)
        .expectException(RecordNotFound.class);
    closedAgo(Duration.ofDays(4 * 366));
    fixture
        .givenNoPriorActivity()
        .when(
            new ErasePerson(ID, PERSON, "x", "R-1"),
            ActorMetadata.of(new Actor("sam", Role.SUPERVISOR, "north")))
        .expectException(UnauthorizedMessageException.class);
  }
}
