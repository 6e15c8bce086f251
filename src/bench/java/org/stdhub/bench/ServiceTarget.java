package org.stdhub.bench;

import java.util.List;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.StandardSearchResult;

/**
 * StdHub's search service in-process, as the API and the pages call it: {@link CatalogService#search}
 * (projections, highlights, facets, exact total) or, without facets, {@link CatalogService#searchHits} (what
 * the API answers to {@code facets=false} and the validity check's suggestions use).
 */
final class ServiceTarget implements SearchTarget {

    private final CatalogService catalog;
    private final boolean facets;

    ServiceTarget(CatalogService catalog, boolean facets) {
        this.catalog = catalog;
        this.facets = facets;
    }

    @Override
    public String name() {
        return facets
                ? "StdHub service, in-process (CatalogService.search)"
                : "StdHub service without facets (CatalogService.searchHits)";
    }

    @Override
    public Object execute(String query) {
        StandardSearchQuery q = new StandardSearchQuery(query, null, null, null, null, null, null, null, null, 0, 10);
        return facets ? catalog.search(q) : catalog.searchHits(q);
    }

    @Override
    public List<Row> rows(Object result) {
        return ((StandardSearchResult) result)
                .items().stream()
                        .map(h -> new Row(h.designation(), h.titleZh(), h.titleEn()))
                        .toList();
    }
}
