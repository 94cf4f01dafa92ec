package org.maplebridge.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.maplebridge.events.Actor;
import org.maplebridge.events.directory.ProviderDetails;
import org.maplebridge.events.directory.ProviderRegistered;
import org.maplebridge.events.directory.ProviderUpdated;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.events.directory.TaxonomyTerm;
import org.maplebridge.read.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service directory read model: projection, queries and read API in one small slice. */
public final class ProviderDirectory {
  static final String GROUP = "directory";

  private ProviderDirectory() {}

  /** Providers offering {@code serviceType} (any if null) in {@code area} (any if null). */
  public record FindProviders(ServiceType serviceType, String area) {}

  public record FindProvider(UUID providerId) {}

  public record Provider(UUID id, ProviderDetails details, Instant updatedAt) {}

  public record Providers(List<Provider> items) {}

  @Component
  @ProcessingGroup(GROUP)
  static class Projection {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;

    Projection(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProviderRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
      upsert(event.providerId(), event.details(), version, at);
    }

    @EventHandler
    void on(ProviderUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
      upsert(event.providerId(), event.details(), version, at);
    }

    private void upsert(UUID id, ProviderDetails details, long version, Instant at) {
      jdbc.sql(
              """
              INSERT INTO provider_view (provider_id, organisation, service_name, description,
                service_types, eligibility, languages, area, capacity, phone, email, address,
                website, other_taxonomy_terms, updated_at, version)
              VALUES (:id, :organisation, :service, :description, :types, :eligibility,
                :languages, :area, :capacity, :phone, :email, :address, :website,
                CAST(:otherTerms AS jsonb), :at, :version)
              ON CONFLICT (provider_id) DO UPDATE SET
                organisation = excluded.organisation, service_name = excluded.service_name,
                description = excluded.description, service_types = excluded.service_types,
                eligibility = excluded.eligibility, languages = excluded.languages,
                area = excluded.area, capacity = excluded.capacity, phone = excluded.phone,
                email = excluded.email, address = excluded.address, website = excluded.website,
                other_taxonomy_terms = excluded.other_taxonomy_terms,
                updated_at = excluded.updated_at, version = excluded.version
              WHERE provider_view.version < excluded.version
              """)
          .param("id", id)
          .param("organisation", details.organisation())
          .param("service", details.serviceName())
          .param("description", details.description())
          .param(
              "types",
              details.serviceTypes().stream()
                  .map(ServiceType::name)
                  .sorted()
                  .toArray(String[]::new))
          .param("eligibility", details.eligibility())
          .param("languages", details.languages().toArray(String[]::new))
          .param("area", details.area())
          .param("capacity", details.capacity().name())
          .param("phone", details.phone())
          .param("email", details.email())
          .param("address", details.address())
          .param("website", details.website())
          .param("otherTerms", json(details.otherTaxonomyTerms()))
          .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
          .param("version", version)
          .update();
    }

    @ResetHandler
    void reset() {
      jdbc.sql("TRUNCATE provider_view").update();
    }

    @QueryHandler
    public Providers handle(FindProviders query) {
      return new Providers(
          jdbc.sql(
                  """
                  SELECT * FROM provider_view
                  WHERE (CAST(:type AS text) IS NULL OR :type = ANY(service_types))
                    AND (CAST(:area AS text) IS NULL OR lower(area) = lower(:area))
                  ORDER BY capacity = 'FULL', organisation
                  """)
              .param("type", query.serviceType() == null ? null : query.serviceType().name())
              .param("area", query.area())
              .query((row, n) -> provider(row))
              .list());
    }

    @QueryHandler
    public Optional<Provider> handle(FindProvider query) {
      return jdbc.sql("SELECT * FROM provider_view WHERE provider_id = :id")
          .param("id", query.providerId())
          .query((row, n) -> provider(row))
          .optional();
    }

    private static Provider provider(ResultSet row) throws SQLException {
      return new Provider(
          row.getObject("provider_id", UUID.class),
          new ProviderDetails(
              row.getString("organisation"),
              row.getString("service_name"),
              row.getString("description"),
              strings(row.getArray("service_types")).stream()
                  .map(ServiceType::valueOf)
                  .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
              row.getString("eligibility"),
              strings(row.getArray("languages")),
              row.getString("area"),
              org.maplebridge.events.directory.CapacityStatus.valueOf(row.getString("capacity")),
              row.getString("phone"),
              row.getString("email"),
              row.getString("address"),
              row.getString("website"),
              terms(row.getString("other_taxonomy_terms"))),
          row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String json(List<TaxonomyTerm> terms) {
      try {
        return JSON.writeValueAsString(terms);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private static List<TaxonomyTerm> terms(String json) {
      try {
        return JSON.readValue(json, new TypeReference<List<TaxonomyTerm>>() {});
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private static List<String> strings(Array array) throws SQLException {
      return array == null ? List.of() : List.of((String[]) array.getArray());
    }
  }

  @RestController
  @Tag(name = "Service directory", description = "Providers people can be referred to")
  static class Api {
    private final QueryGateway queries;

    Api(QueryGateway queries) {
      this.queries = queries;
    }

    @GetMapping("/api/providers")
    @Operation(summary = "Search the directory by service type and area")
    List<Provider> search(
        @RequestParam(required = false) ServiceType serviceType,
        @RequestParam(required = false) String area,
        Actor viewer) {
      return queries.query(new FindProviders(serviceType, area), Providers.class).join().items();
    }

    @GetMapping("/api/providers/{id}")
    Provider provider(@PathVariable UUID id, Actor viewer) {
      return queries
          .query(new FindProvider(id), ResponseTypes.optionalInstanceOf(Provider.class))
          .join()
          .orElseThrow(() -> new NotFound("Provider " + id));
    }
  }
}
