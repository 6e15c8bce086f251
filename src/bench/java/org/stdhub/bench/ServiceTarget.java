package org.stdhub.bench;

import java.util.List;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.StandardSearchResult;

/** StdHub's search service in-process: what the API and the pages call (projections, highlights, facets). */
final class ServiceTarget implements SearchTarget {

    private final CatalogService catalog;

    ServiceTarget(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "StdHub service, in-process (CatalogService.search)";
    }

    @Override
    public Object execute(String query) {
        return catalog.search(new StandardSearchQuery(query, null, null, null, null, null, null, null, null, 0, 10));
    }

    @Override
    public List<Row> rows(Object result) {
        return ((StandardSearchResult) result)
                .items().stream()
                        .map(h -> new Row(h.designation(), h.titleZh(), h.titleEn()))
                        .toList();
    }
}
