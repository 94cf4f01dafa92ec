package org.maplebridge.directory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.spring.authorization.MessageAuthorizationHandlerInterceptor;
import org.axonframework.spring.authorization.UnauthorizedMessageException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.directory.ServiceProvider.RegisterProvider;
import org.maplebridge.directory.ServiceProvider.UpdateProvider;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.directory.CapacityStatus;
import org.maplebridge.events.directory.ProviderDetails;
import org.maplebridge.events.directory.ProviderRegistered;
import org.maplebridge.events.directory.ProviderUpdated;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.events.directory.TaxonomyTerm;
import org.maplebridge.write.ActorMetadata;

class ServiceProviderTest {
  private static final UUID PROVIDER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
  private static final Map<String, Object> ADMIN =
      ActorMetadata.of(new Actor("admin", Role.ADMIN, null));
  private static final Map<String, Object> COUNSELLOR =
      ActorMetadata.of(new Actor("alice", Role.COUNSELLOR, "north"));
  private static final ProviderDetails CLINIC =
      new ProviderDetails(
          "North Clinic",
          "Assessment",
          null,
          Set.of(ServiceType.PSYCHIATRIC_ASSESSMENT),
          "Adults",
          List.of("zh-CN"),
          "north",
          CapacityStatus.AVAILABLE,
          "123",
          null,
          null,
          null);
  private static final ProviderDetails FULL_CLINIC =
      new ProviderDetails(
          "North Clinic",
          "Assessment",
          null,
          Set.of(ServiceType.PSYCHIATRIC_ASSESSMENT),
          "Adults",
          List.of("zh-CN"),
          "north",
          CapacityStatus.FULL,
          "123",
          null,
          null,
          null);

  private FixtureConfiguration<ServiceProvider> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ServiceProvider.class);
    fixture.registerCommandHandlerInterceptor(new MessageAuthorizationHandlerInterceptor<>());
  }

  @Test
  void anAdministratorAddsAProvider() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterProvider(PROVIDER, CLINIC), ADMIN)
        .expectEvents(new ProviderRegistered(PROVIDER, CLINIC, "admin"));
  }

  @Test
  void onlyAdministratorsKeepTheDirectory() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterProvider(PROVIDER, CLINIC), COUNSELLOR)
        .expectException(UnauthorizedMessageException.class);
    fixture
        .given(new ProviderRegistered(PROVIDER, CLINIC, "admin"))
        .when(new UpdateProvider(PROVIDER, FULL_CLINIC, true), COUNSELLOR)
        .expectException(UnauthorizedMessageException.class);
  }

  @Test
  void aChangedEntryIsRecordedAndAnUnchangedOneIsNot() {
    fixture
        .given(new ProviderRegistered(PROVIDER, CLINIC, "admin"))
        .when(new UpdateProvider(PROVIDER, FULL_CLINIC, true), ADMIN)
        .expectEvents(new ProviderUpdated(PROVIDER, FULL_CLINIC, "admin"));
    fixture
        .given(new ProviderRegistered(PROVIDER, CLINIC, "admin"))
        .when(new UpdateProvider(PROVIDER, CLINIC, true), ADMIN)
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void anEditInTheFormKeepsTheTermsAnImportKeptAndAnImportReplacesThem() {
    List<TaxonomyTerm> kept = List.of(new TaxonomyTerm("open-eligibility", "peer-support", "Peer"));
    fixture
        .given(new ProviderRegistered(PROVIDER, CLINIC.withOtherTaxonomyTerms(kept), "system"))
        .when(new UpdateProvider(PROVIDER, FULL_CLINIC, true), ADMIN)
        .expectEvents(
            new ProviderUpdated(PROVIDER, FULL_CLINIC.withOtherTaxonomyTerms(kept), "admin"));
    fixture
        .given(new ProviderRegistered(PROVIDER, CLINIC.withOtherTaxonomyTerms(kept), "system"))
        .when(new UpdateProvider(PROVIDER, FULL_CLINIC, false), ADMIN)
        .expectEvents(new ProviderUpdated(PROVIDER, FULL_CLINIC, "admin"));
  }
}
