package org.stdhub.catalog;

/**
 * An import changed the catalog. What changed, standard by standard (new, status changed, otherwise updated), is
 * in the change log: {@link CatalogService#changesIn(long)}, with the facts that tell whom a change concerns:
 * {@link CatalogChanges#inBatch(long)}. Published in the transaction that marks the import finished (after its data
 * is committed and linked), through the persisted event publication registry: a listener that fails, or a crash
 * before it ran, leaves the publication incomplete for resubmission. An import a crash left marked running is
 * finished, and this published, on the next start.
 */
public record CatalogUpdated(long importBatchId, int inserted, int updated) {}
