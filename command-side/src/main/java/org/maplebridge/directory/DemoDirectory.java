package org.maplebridge.directory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.maplebridge.directory.ServiceProvider.RegisterProvider;
import org.maplebridge.events.directory.CapacityStatus;
import org.maplebridge.events.directory.ProviderDetails;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.write.ActorMetadata;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Demo mode: a few providers to refer people to. Seeded once; ids are fixed by name. */
@Component
@ConditionalOnProperty(name = "maplebridge.demo", havingValue = "true")
class DemoDirectory implements ApplicationRunner {
  static final List<ProviderDetails> PROVIDERS =
      List.of(
          provider(
              "North District Mental Health Centre",
              "Psychiatric assessment clinic",
              Set.of(ServiceType.PSYCHIATRIC_ASSESSMENT, ServiceType.OUTPATIENT_COUNSELLING),
              "Adults and adolescents from 14, by referral",
              "north",
              CapacityStatus.AVAILABLE,
              "+86 10 6000 1001"),
          provider(
              "City General Hospital",
              "Emergency department",
              Set.of(ServiceType.HOSPITAL_EMERGENCY, ServiceType.INPATIENT_CARE),
              "Everyone, day and night",
              "north",
              CapacityStatus.AVAILABLE,
              "+86 10 6000 1200"),
          provider(
              "Maple Street Social Work Station",
              "Family and community social work",
              Set.of(ServiceType.SOCIAL_WORK),
              "Residents of the north district",
              "north",
              CapacityStatus.LIMITED,
              "+86 10 6000 1300"),
          provider(
              "South Youth Counselling Service",
              "School counselling outreach",
              Set.of(ServiceType.SCHOOL_COUNSELLING, ServiceType.OUTPATIENT_COUNSELLING),
              "Students 6 to 18 and their families",
              "south",
              CapacityStatus.AVAILABLE,
              "+86 10 6000 2100"),
          provider(
              "Harbour Rehabilitation Centre",
              "Drug rehabilitation programme",
              Set.of(ServiceType.DRUG_REHABILITATION),
              "Adults in voluntary or community treatment",
              "south",
              CapacityStatus.FULL,
              "+86 10 6000 2200"));

  private final CommandGateway commands;
  private final EventStore events;

  DemoDirectory(CommandGateway commands, EventStore events) {
    this.commands = commands;
    this.events = events;
  }

  private static ProviderDetails provider(
      String organisation,
      String service,
      Set<ServiceType> types,
      String eligibility,
      String area,
      CapacityStatus capacity,
      String phone) {
    return new ProviderDetails(
        organisation,
        service,
        null,
        types,
        eligibility,
        List.of("zh-CN", "en"),
        area,
        capacity,
        phone,
        null,
        null,
        null);
  }

  static UUID idOf(ProviderDetails provider) {
    return UUID.nameUUIDFromBytes(
        ("demo-provider:" + provider.organisation()).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void run(ApplicationArguments args) {
    for (ProviderDetails provider : PROVIDERS) {
      UUID id = idOf(provider);
      if (events.lastSequenceNumberFor(id.toString()).isEmpty()) {
        commands.sendAndWait(
            GenericCommandMessage.asCommandMessage(new RegisterProvider(id, provider))
                .withMetaData(ActorMetadata.system(null)));
      }
    }
  }
}
