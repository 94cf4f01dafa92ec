package org.maplebridge.write;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates stay in memory between commands, so a long-lived case is not read again from its
 * thousands of events for every command (measured in the benchmark). Memory pressure evicts them. A
 * copy gone stale because another instance wrote meanwhile fails on the event store's unique
 * (aggregate, sequence) key, answers 409, and is dropped from the cache with the rolled-back work.
 * One cache per kind of record: an id of another kind must not find a cached record of the wrong
 * type (that is a 404, found by the bad-input sweep).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaching {
  public static final String INTAKES = "cachedIntakes";
  public static final String CRISES = "cachedCrises";
  public static final String REFERRALS = "cachedReferrals";
  public static final String GRANTS = "cachedGrants";
  public static final String PROVIDERS = "cachedProviders";
  public static final String ROSTERS = "cachedRosters";

  @Bean(INTAKES)
  Cache intakes() {
    return new WeakReferenceCache();
  }

  @Bean(CRISES)
  Cache crises() {
    return new WeakReferenceCache();
  }

  @Bean(REFERRALS)
  Cache referrals() {
    return new WeakReferenceCache();
  }

  @Bean(GRANTS)
  Cache grants() {
    return new WeakReferenceCache();
  }

  @Bean(PROVIDERS)
  Cache providers() {
    return new WeakReferenceCache();
  }

  @Bean(ROSTERS)
  Cache rosters() {
    return new WeakReferenceCache();
  }
}
