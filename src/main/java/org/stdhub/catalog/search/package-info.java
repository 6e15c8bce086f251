/** Catalog search: the Hibernate Search index, its analyzers and the search service. */
package org.stdhub.catalog.search;
