/**
 * The {@code bench} command: a rerunnable benchmark of catalog search and import. It measures, side by
 * side in one run, StdHub's search API over HTTP and its search service in-process, raw Lucene queries on
 * the same index (the floor) and PostgreSQL trigram search on the same rows (the usual alternative), on
 * the shipped catalog or on a synthetic catalog of any size generated from it. See docs/benchmarks.md.
 *
 * <p>Uses only the public API of the catalog module (and its {@code importing} and {@code search} named
 * interfaces); the catalog never depends on it.
 */
package org.stdhub.bench;
