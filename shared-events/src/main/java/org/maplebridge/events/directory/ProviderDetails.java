package org.maplebridge.events.directory;

import java.util.List;
import java.util.Set;

/**
 * A service provider as the directory describes it, after the Open Referral HSDS fields: the
 * organisation, its service, the service types it offers, who is eligible, languages, the area it
 * serves, capacity and how to reach it.
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
    String website) {}
