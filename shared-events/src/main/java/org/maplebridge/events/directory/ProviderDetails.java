package org.maplebridge.events.directory;

import java.util.List;
import java.util.Set;

/**
 * A service provider as the directory describes it, after the Open Referral HSDS fields: the
 * organisation, its service, the service types it offers, who is eligible, languages, the area it
 * serves, capacity and how to reach it. {@code otherTaxonomyTerms} are the terms an imported entry
 * came with that map to none of our service types; entries stored before they were kept read with
 * none.
 */
public record ProviderDetails(
    String organisation,
    String serviceName,
    String description,
    Set<ServiceType> serviceTypes,
    String eligibility,
    List<String> languages,
    String area,
    CapacityStatus capacity,
    String phone,
    String email,
    String address,
    String website,
    List<TaxonomyTerm> otherTaxonomyTerms) {

  public ProviderDetails {
    otherTaxonomyTerms = otherTaxonomyTerms == null ? List.of() : List.copyOf(otherTaxonomyTerms);
  }

  /** An entry with only our own service types, as the directory's form makes it. */
  public ProviderDetails(
      String organisation,
      String serviceName,
      String description,
      Set<ServiceType> serviceTypes,
      String eligibility,
      List<String> languages,
      String area,
      CapacityStatus capacity,
      String phone,
      String email,
      String address,
      String website) {
    this(
        organisation,
        serviceName,
        description,
        serviceTypes,
        eligibility,
        languages,
        area,
        capacity,
        phone,
        email,
        address,
        website,
        List.of());
  }

  /** The same entry with these imported terms (the form's edit keeps what an import brought). */
  public ProviderDetails withOtherTaxonomyTerms(List<TaxonomyTerm> terms) {
    return new ProviderDetails(
        organisation,
        serviceName,
        description,
        serviceTypes,
        eligibility,
        languages,
        area,
        capacity,
        phone,
        email,
        address,
        website,
        terms);
  }
}
