package org.maplebridge.intake;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.spring.authorization.MessageAuthorizationHandlerInterceptor;
import org.axonframework.spring.authorization.UnauthorizedMessageException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.client.ClientsMerged;
import org.maplebridge.intake.ClientMerge.MergeClients;
import org.maplebridge.intake.ClientRegistry.RegisteredClient;
import org.maplebridge.write.ActorMetadata;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.RuleViolated;

class ClientMergeTest {
  private static final RegisteredClient STAYS = client(1, "C-2026-000100", "north");
  private static final RegisteredClient DUPLICATE = client(2, "C-2026-000101", "north");
  private static final RegisteredClient SOUTH = client(3, "C-2026-000102", "south");
  private static final RegisteredClient MERGED_AWAY = client(4, "C-2026-000103", "north");
  private static final Map<String, RegisteredClient> CLIENTS =
      Map.of(
          STAYS.reference(), STAYS,
          DUPLICATE.reference(), DUPLICATE,
          SOUTH.reference(), SOUTH,
          MERGED_AWAY.reference(), MERGED_AWAY);
  private static final String MERGE = ClientMerge.idOf(DUPLICATE.reference());

  private AggregateTestFixture<ClientMerge> fixture;

  private static RegisteredClient client(int n, String reference, String unit) {
    return new RegisteredClient(
        UUID.fromString("00000000-0000-4000-8000-00000000000" + n), reference, unit);
  }

  private static Map<String, Object> as(String username, Role role, String unit) {
    return ActorMetadata.of(new Actor(username, role, unit));
  }

  private static final Map<String, Object> SAM = as("sam", Role.SUPERVISOR, "north");

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ClientMerge.class);
    fixture.registerCommandHandlerInterceptor(new MessageAuthorizationHandlerInterceptor<>());
    fixture.registerInjectableResource(
        new ClientRegistry() {
          @Override
          public RegisteredClient register(UUID clientId, String unit, LocalDate birthDate) {
            throw new UnsupportedOperationException("a merge registers no one");
          }

          @Override
          public Optional<RegisteredClient> find(UUID clientId) {
            return CLIENTS.values().stream().filter(c -> c.clientId().equals(clientId)).findAny();
          }

          @Override
          public Optional<RegisteredClient> findByReference(String reference) {
            return Optional.ofNullable(CLIENTS.get(reference));
          }

          @Override
          public boolean birthDateMatches(UUID clientId, LocalDate birthDate) {
            return false;
          }

          @Override
          public boolean inCareOf(UUID clientId, String username) {
            return false;
          }

          @Override
          public Optional<UUID> mergedInto(UUID clientId) {
            return clientId.equals(MERGED_AWAY.clientId())
                ? Optional.of(STAYS.clientId())
                : Optional.empty();
          }

          @Override
          public RegisteredClient surviving(RegisteredClient client) {
            return mergedInto(client.clientId()).flatMap(this::find).orElse(client);
          }
        });
  }

  private static MergeClients merge(RegisteredClient duplicate, RegisteredClient into) {
    return new MergeClients(
        ClientMerge.idOf(duplicate.reference()),
        duplicate.reference(),
        into.reference(),
        "Same phone and birth date");
  }

  @Test
  void theUnitsSupervisorMergesADuplicateIntoTheClientWhoStaysWithWhoAndWhy() {
    fixture
        .givenNoPriorActivity()
        .when(merge(DUPLICATE, STAYS), SAM)
        .expectEvents(
            new ClientsMerged(
                DUPLICATE.clientId(),
                DUPLICATE.reference(),
                STAYS.clientId(),
                STAYS.reference(),
                "north",
                "Same phone and birth date",
                "sam"));
  }

  @Test
  void onlyASupervisorMergesAndOnlyTheirOwnUnitsClients() {
    fixture
        .givenNoPriorActivity()
        .when(merge(DUPLICATE, STAYS), as("alice", Role.COUNSELLOR, "north"))
        .expectException(UnauthorizedMessageException.class)
        .expectNoEvents();
    fixture
        .givenNoPriorActivity()
        .when(merge(DUPLICATE, STAYS), as("sue", Role.SUPERVISOR, "south"))
        .expectException(RecordNotFound.class)
        .expectNoEvents();
    fixture
        .givenNoPriorActivity()
        .when(merge(DUPLICATE, STAYS), as("dora", Role.SUPERVISOR, null))
        .expectException(NotAllowed.class)
        .expectNoEvents();
  }

  @Test
  void aClientIsMergedOnceAndNeverIntoThemself() {
    fixture
        .given(
            new ClientsMerged(
                DUPLICATE.clientId(),
                DUPLICATE.reference(),
                STAYS.clientId(),
                STAYS.reference(),
                "north",
                "Same person",
                "sam"))
        .when(merge(DUPLICATE, STAYS), SAM)
        .expectException(RuleViolated.class)
        .expectNoEvents();
    fixture
        .givenNoPriorActivity()
        .when(merge(DUPLICATE, DUPLICATE), SAM)
        .expectException(RuleViolated.class)
        .expectNoEvents();
  }

  @Test
  void aClientMergedAwayIsNoOneToMergeInto() {
    fixture
        .givenNoPriorActivity()
        .when(merge(DUPLICATE, MERGED_AWAY), SAM)
        .expectException(RuleViolated.class)
        .expectNoEvents();
  }

  @Test
  void aClientMergedAwayIsNotMergedAgain() {
    fixture
        .givenNoPriorActivity()
        .when(merge(MERGED_AWAY, DUPLICATE), SAM)
        .expectException(RuleViolated.class)
        .expectNoEvents();
  }

  @Test
  void twoUnitsClientsAreNotMerged() {
    fixture
        .givenNoPriorActivity()
        .when(merge(DUPLICATE, SOUTH), SAM)
        .expectException(RuleViolated.class)
        .expectNoEvents();
  }

  @Test
  void anUnknownClientToMergeIntoIsBadInput() {
    fixture
        .givenNoPriorActivity()
        .when(new MergeClients(MERGE, DUPLICATE.reference(), "C-2026-999999", "Same person"), SAM)
        .expectException(InvalidInput.class)
        .expectNoEvents();
  }
}
