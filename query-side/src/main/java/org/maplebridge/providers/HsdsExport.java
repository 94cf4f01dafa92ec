package org.maplebridge.providers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.events.directory.ProviderDetails;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.events.directory.TaxonomyTerm;
import org.maplebridge.providers.ProviderDirectory.FindProviders;
import org.maplebridge.providers.ProviderDirectory.Provider;
import org.maplebridge.providers.ProviderDirectory.Providers;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service directory as Open Referral HSDS 3.0 JSON, for other directories and for moving ours:
 * organizations (grouped by name) with their services, each with its service area, languages,
 * phone, its location's address, and its service types as taxonomy terms of the MapleBridge
 * service-type taxonomy, followed by the other taxonomies' terms an import kept. The shape the
 * import reads: a service keeps its id, so exporting and importing the file again changes nothing.
 * Capacity is ours, not HSDS's, and is not exported.
 */
@RestController
@Tag(name = "Service directory", description = "Providers people can be referred to")
class HsdsExport {
  static final String TAXONOMY = "maplebridge-service-type";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final QueryGateway queries;
  private final MessageSource messages;

  HsdsExport(QueryGateway queries, MessageSource messages) {
    this.queries = queries;
    this.messages = messages;
  }

  @GetMapping(value = "/api/directory/hsds", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "The service directory as HSDS 3.0 JSON ({\"organizations\":[...]}), as the admin's"
              + " import reads it")
  ResponseEntity<ObjectNode> export() {
    List<Provider> providers =
        queries.query(new FindProviders(null, null), Providers.class).join().items().stream()
            .sorted(
                Comparator.comparing((Provider p) -> p.details().organisation())
                    .thenComparing(p -> p.details().serviceName())
                    .thenComparing(Provider::id))
            .toList();
    Map<String, ObjectNode> organizations = new LinkedHashMap<>();
    for (Provider provider : providers) {
      ProviderDetails details = provider.details();
      ObjectNode organization =
          organizations.computeIfAbsent(details.organisation(), HsdsExport::organization);
      ((ArrayNode) organization.get("services")).add(service(provider));
    }
    ObjectNode file = JSON.createObjectNode();
    file.putArray("organizations").addAll(organizations.values());
    return ResponseEntity.ok()
        .header("Content-Disposition", "inline; filename=\"directory-hsds.json\"")
        .body(file);
  }

  private static ObjectNode organization(String name) {
    ObjectNode organization = JSON.createObjectNode();
    organization.put(
        "id",
        UUID.nameUUIDFromBytes(("hsds-organization:" + name).getBytes(StandardCharsets.UTF_8))
            .toString());
    organization.put("name", name);
    organization.putArray("services");
    return organization;
  }

  private ObjectNode service(Provider provider) {
    ProviderDetails details = provider.details();
    ObjectNode service = JSON.createObjectNode();
    service.put("id", provider.id().toString());
    service.put("name", details.serviceName());
    service.put("status", "active");
    optional(service, "description", details.description());
    optional(service, "eligibility_description", details.eligibility());
    optional(service, "email", details.email());
    optional(service, "url", details.website());
    service
        .putArray("service_areas")
        .addObject()
        .put("id", derived(provider, "area"))
        .put("name", details.area());
    ArrayNode languages = service.putArray("languages");
    for (String language : details.languages()) {
      languages
          .addObject()
          .put("id", derived(provider, "language:" + language))
          .put("code", language);
    }
    if (details.phone() != null) {
      service
          .putArray("phones")
          .addObject()
          .put("id", derived(provider, "phone"))
          .put("number", details.phone());
    }
    if (details.address() != null) {
      ObjectNode location =
          service
              .putArray("service_at_locations")
              .addObject()
              .put("id", derived(provider, "at"))
              .putObject("location");
      location.put("id", derived(provider, "location"));
      location.put("location_type", "physical");
      location.put("name", details.serviceName());
      location
          .putArray("addresses")
          .addObject()
          .put("id", derived(provider, "address"))
          .put("address_1", details.address())
          .put("address_type", "physical");
    }
    ArrayNode attributes = service.putArray("attributes");
    details.serviceTypes().stream()
        .sorted()
        .forEach(
            type -> {
              ObjectNode attribute = attributes.addObject();
              attribute.put("id", derived(provider, "type:" + type));
              attribute.put("link_entity", "service");
              attribute.put("link_id", provider.id().toString());
              attribute
                  .putObject("taxonomy_term")
                  .put(
                      "id",
                      UUID.nameUUIDFromBytes((TAXONOMY + type).getBytes(StandardCharsets.UTF_8))
                          .toString())
                  .put("code", type.name())
                  .put("name", name(type))
                  .put("term", name(type))
                  .put("taxonomy", TAXONOMY);
            });
    for (TaxonomyTerm other : details.otherTaxonomyTerms()) {
      ObjectNode attribute = attributes.addObject();
      attribute.put(
          "id",
          derived(provider, "term:" + other.taxonomy() + ":" + other.code() + ":" + other.term()));
      attribute.put("link_entity", "service");
      attribute.put("link_id", provider.id().toString());
      ObjectNode term = attribute.putObject("taxonomy_term");
      optional(term, "code", other.code());
      optional(term, "name", other.term());
      optional(term, "term", other.term());
      optional(term, "taxonomy", other.taxonomy());
    }
    return service;
  }

  private String name(ServiceType type) {
    return messages.getMessage("serviceType." + type, null, type.name(), Locale.ENGLISH);
  }

  /** A stable id for a part of an entry that HSDS gives its own id. */
  private static String derived(Provider provider, String part) {
    return UUID.nameUUIDFromBytes((provider.id() + ":" + part).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static void optional(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }
}
