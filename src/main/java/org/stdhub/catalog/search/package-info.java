/**
 * Catalog search: the Hibernate Search index, its analyzers and the search service. Exposed as the named
 * interface {@code search} ({@link org.stdhub.catalog.search.CatalogIndexer}) for operator tooling such as
 * the {@code bench} module.
 */
@org.springframework.modulith.NamedInterface("search")
package org.stdhub.catalog.search;
