package org.maplebridge.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import org.maplebridge.write.NotAllowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports the service directory from Open Referral HSDS 3.0 JSON (a list of organizations with
 * their services): each service is one directory entry, known by its HSDS id, so importing the same
 * file twice changes nothing. Taxonomy terms are mapped to our service types by code or term;
 * unmapped ones are reported and kept on the entry, so the export writes them back. The whole file
 * is checked first: a bad file changes nothing and says why; a dry run reports what an import would
 * change and changes nothing.
 */
@RestController
@Tag(name = "Service directory", description = "Providers people can be referred to")
class HsdsImport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommandGateway commands;
  private final EventStore events;

  HsdsImport(CommandGateway commands, EventStore events) {
    this.commands = commands;
    this.events = events;
  }

  /** What an import did, or would do (a dry run), or why it could not (problems). */
  record Report(
      boolean dryRun,
      List<UUID> created,
      List<UUID> updated,
      List<UUID> unchanged,
      Set<String> unmappedTaxonomyTerms,
      List<String> problems) {}

  private record Entry(UUID id, ProviderDetails details) {}

  @PostMapping("/api/admin/directory/hsds")
  @Operation(
      summary =
          "Admin: import the directory from HSDS 3.0 JSON (organizations with services);"
              + " dryRun=true (the default) reports without changing anything")
  ResponseEntity<Report> importDirectory(
      @RequestBody String body, @RequestParam(defaultValue = "true") boolean dryRun, Actor admin) {
    if (!admin.is(Role.ADMIN)) {
      throw new NotAllowed("The service directory is the administrator's");
    }
    List<String> problems = new ArrayList<>();
    Set<String> unmapped = new TreeSet<>();
    List<Entry> entries = new ArrayList<>();
    JsonNode organizations;
    try {
      organizations = JSON.readTree(body);
    } catch (Exception e) {
      problems.add("Not JSON");
      organizations = null;
    }
    if (organizations != null && organizations.has("organizations")) {
      organizations = organizations.get("organizations");
    }
    if (organizations != null && !organizations.isArray()) {
      problems.add("Expected a list of HSDS organizations");
    } else if (organizations != null) {
      for (JsonNode organization : organizations) {
        for (JsonNode service : organization.path("services")) {
          entry(organization, service, unmapped, problems).ifPresent(entries::add);
        }
      }
    }
    List<UUID> created = new ArrayList<>();
    List<UUID> updated = new ArrayList<>();
    List<UUID> unchanged = new ArrayList<>();
    if (!problems.isEmpty()) {
      return ResponseEntity.badRequest()
          .body(new Report(dryRun, created, updated, unchanged, unmapped, problems));
    }
    for (Entry entry : entries) {
      Optional<ProviderDetails> now = current(entry.id());
      if (now.isEmpty()) {
        created.add(entry.id());
      } else if (now.get().equals(withCapacityOf(entry.details(), now.get()))) {
        unchanged.add(entry.id());
      } else {
        updated.add(entry.id());
      }
    }
    if (!dryRun) {
      for (Entry entry : entries) {
        Optional<ProviderDetails> now = current(entry.id());
        if (now.isEmpty()) {
          commands.sendAndWait(new RegisterProvider(entry.id(), entry.details()));
        } else {
          commands.sendAndWait(
              new UpdateProvider(entry.id(), withCapacityOf(entry.details(), now.get()), false));
        }
      }
    }
    return ResponseEntity.ok(new Report(dryRun, created, updated, unchanged, unmapped, problems));
  }

  /** HSDS has no capacity: an entry keeps the capacity the directory knows. */
  private static ProviderDetails withCapacityOf(ProviderDetails imported, ProviderDetails now) {
    return new ProviderDetails(
        imported.organisation(),
        imported.serviceName(),
        imported.description(),
        imported.serviceTypes(),
        imported.eligibility(),
        imported.languages(),
        imported.area(),
        now.capacity(),
        imported.phone(),
        imported.email(),
        imported.address(),
        imported.website(),
        imported.otherTaxonomyTerms());
  }

  /** The entry's details as its last event left them; empty for an entry not yet registered. */
  private Optional<ProviderDetails> current(UUID id) {
    if (events.lastSequenceNumberFor(id.toString()).isEmpty()) {
      return Optional.empty();
    }
    ProviderDetails[] last = new ProviderDetails[1];
    events
        .readEvents(id.toString())
        .asStream()
        .forEach(
            event -> {
              if (event.getPayload() instanceof ProviderRegistered registered) {
                last[0] = registered.details();
              } else if (event.getPayload() instanceof ProviderUpdated update) {
                last[0] = update.details();
              }
            });
    return Optional.ofNullable(last[0]);
  }

  private static Optional<Entry> entry(
      JsonNode organization, JsonNode service, Set<String> unmapped, List<String> problems) {
    String hsdsId = service.path("id").asText("");
    String where = "service " + (hsdsId.isBlank() ? "without id" : hsdsId);
    String organisation = organization.path("name").asText("");
    String name = service.path("name").asText("");
    Set<ServiceType> types = new LinkedHashSet<>();
    List<TaxonomyTerm> others = new ArrayList<>();
    for (JsonNode attribute : service.path("attributes")) {
      JsonNode term = attribute.path("taxonomy_term");
      Optional<ServiceType> type =
          serviceType(term.path("code").asText(""))
              .or(() -> serviceType(term.path("term").asText("")));
      if (type.isPresent()) {
        types.add(type.get());
      } else {
        unmapped.add(term.path("term").asText(term.path("code").asText("?")));
        if (text(term, "code") != null || text(term, "term") != null) {
          others.add(
              new TaxonomyTerm(text(term, "taxonomy"), text(term, "code"), text(term, "term")));
        }
      }
    }
    String area = "";
    for (JsonNode serviceArea : service.path("service_areas")) {
      area = serviceArea.path("name").asText("");
      break;
    }
    if (hsdsId.isBlank() || organisation.isBlank() || name.isBlank()) {
      problems.add(where + ": needs an id, a name and its organization's name");
      return Optional.empty();
    }
    if (!fits(organisation, 200) || !fits(name, 200) || !fits(area, 100)) {
      problems.add(
          where + ": names and areas are single lines of at most 200 (areas 100) characters");
      return Optional.empty();
    }
    if (types.isEmpty()) {
      problems.add(where + ": no taxonomy term maps to a service type we refer to");
      return Optional.empty();
    }
    if (area.isBlank()) {
      problems.add(where + ": needs a service area");
      return Optional.empty();
    }
    List<String> languages = new ArrayList<>();
    service.path("languages").forEach(language -> languages.add(language.path("code").asText()));
    String phone = null;
    for (JsonNode number : service.path("phones")) {
      phone = number.path("number").asText(null);
      break;
    }
    String address = null;
    for (JsonNode at : service.path("service_at_locations")) {
      for (JsonNode postal : at.path("location").path("addresses")) {
        address = text(postal, "address_1");
        break;
      }
      break;
    }
    return Optional.of(
        new Entry(
            idOf(hsdsId),
            new ProviderDetails(
                organisation,
                name,
                text(service, "description"),
                Set.copyOf(types),
                text(service, "eligibility_description"),
                List.copyOf(languages),
                area,
                CapacityStatus.AVAILABLE,
                phone,
                text(service, "email"),
                address,
                text(service, "url"),
                others)));
  }

  /** A single line the directory's own form would take. */
  private static boolean fits(String value, int max) {
    return value.length() <= max && value.codePoints().noneMatch(Character::isISOControl);
  }

  private static String text(JsonNode node, String field) {
    String value = node.path(field).asText("");
    return value.isBlank() ? null : value;
  }

  /** HSDS 3.0 ids are UUIDs; an older file's other ids are turned into one, always the same. */
  static UUID idOf(String hsdsId) {
    try {
      return UUID.fromString(hsdsId);
    } catch (IllegalArgumentException notAUuid) {
      return UUID.nameUUIDFromBytes(("hsds:" + hsdsId).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Optional<ServiceType> serviceType(String codeOrTerm) {
    String name = codeOrTerm.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    for (ServiceType type : ServiceType.values()) {
      if (type.name().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
