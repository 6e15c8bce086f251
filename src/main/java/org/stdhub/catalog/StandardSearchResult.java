package org.stdhub.catalog;

import java.util.List;

/**
 * One page of search results with facet counts, projected from the index. {@code facetsApproximate}: the
 * search matched so many standards that the facet counts are estimated from a sample (the total is exact).
 */
public record StandardSearchResult(
        long total, int page, int size, List<Hit> items, Facets facets, boolean facetsApproximate, long tookMillis) {

    /** A result row. Highlights are HTML-escaped text with {@code <mark>} around the matches. */
    public record Hit(
            String designation,
            String titleZh,
            String titleEn,
            String status,
            String published,
            List<String> ics,
            String highlightZh,
            String highlightEn) {}

    /** Counts per value of each facet under the current query and filters. */
    public record Facets(
            List<Bucket> status,
            List<Bucket> kind,
            List<Bucket> body,
            List<Bucket> ics,
            List<Bucket> ccs,
            List<Bucket> year) {}

    /** A facet value and how many results have it. */
    public record Bucket(String value, long count) {}

    public int pages() {
        return (int) Math.min(10_000, (total + size - 1) / size);
    }
}
