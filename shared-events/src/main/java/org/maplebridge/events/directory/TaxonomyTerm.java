package org.maplebridge.events.directory;

/**
 * A term of another directory's taxonomy (HSDS {@code taxonomy_term}) that maps to none of our
 * service types: kept as it came so the entry exports it again.
 */
public record TaxonomyTerm(String taxonomy, String code, String term) {}
