/**
 * The benchmarks, outside the product: built only with the Maven profile {@code bench} (source root
 * {@code src/bench/java}) into {@code target/bench/stdhub-bench.jar}, which is StdHub plus two commands.
 * {@code bench} measures catalog search and import side by side in one run: StdHub's search API over
 * HTTP and its search service in-process, raw Lucene queries on the same index (the floor) and PostgreSQL
 * trigram search on the same rows (the usual alternative), on the shipped catalog or on a synthetic catalog
 * of any size generated from it. {@code bench-check} times the validity check. See docs/benchmarks.md and
 * bench/run.sh.
 *
 * <p>Uses the product's own classes and copies none of them: searches go through {@link
 * org.stdhub.catalog.CatalogService}, the floor reads the product's index with the product's analyzers as
 * Hibernate Search's Lucene backend holds them, imports go through the product's importer. Nothing in the
 * product depends on this package.
 */
package org.stdhub.bench;
