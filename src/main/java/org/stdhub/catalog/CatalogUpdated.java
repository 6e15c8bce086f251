package org.stdhub.catalog;

/**
 * An import changed the catalog. What changed, standard by standard (new, status changed, otherwise updated), is
 * in the change log: {@link CatalogService#changesIn(long)}. Published after the import's data is committed and
 * linked, through the persisted event publication registry, so a listener that fails is retried.
 */
public record CatalogUpdated(long importBatchId, int inserted, int updated) {}
