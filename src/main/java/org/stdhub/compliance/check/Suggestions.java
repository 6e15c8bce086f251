package org.stdhub.compliance.check;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.Editions;
import org.stdhub.catalog.StandardLookup.Facts;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.StandardSearchResult;
import org.stdhub.compliance.CheckLine.Ref;

/**
 * Near designations for the lines of one check that the catalog does not hold: other editions of the same work,
 * the same number under another prefix, else a full-text search (within a budget per check).
 */
final class Suggestions {

    static final int MAX_SUGGESTIONS = 5;

    /**
     * Full-text suggestions cost one index query each: asked for at most this many not-found lines of one
     * check (those without a near designation from the database), and within {@link #SEARCH_BUDGET_NANOS}.
     */
    static final int MAX_SEARCHED = 50;

    static final long SEARCH_BUDGET_NANOS = 300_000_000L;

    private static final Editions<Facts> EDITIONS = Editions.FACTS;

    private final CatalogService catalog;
    private int searched;
    private long searchNanos;

    Suggestions(CatalogService catalog) {
        this.catalog = catalog;
    }

    int searched() {
        return searched;
    }

    long searchNanos() {
        return searchNanos;
    }

    List<Ref> suggest(Designation d, String text, List<Facts> sameWork, List<Facts> sameNumber) {
        Map<String, Ref> out = new LinkedHashMap<>();
        if (sameWork != null) {
            sameWork.stream()
                    .filter(EDITIONS::plain)
                    .sorted(EDITIONS.inForceThenNewest())
                    .limit(3)
                    .forEach(f -> out.putIfAbsent(f.designation(), VerdictRules.ref(f)));
        }
        if (sameNumber != null) {
            sameNumber.stream()
                    .filter(f -> !f.workKey().equals(d.compactWorkKey()) && Objects.equals(f.part(), d.part()))
                    .filter(EDITIONS::plain)
                    .sorted(Comparator.comparing(
                                    (Facts f) -> d.year() == null || !d.year().equals(f.year()))
                            .thenComparing(EDITIONS.inForceThenNewest()))
                    .limit(3)
                    .forEach(f -> out.putIfAbsent(f.designation(), VerdictRules.ref(f)));
        }
        if (out.isEmpty() && searched < MAX_SEARCHED && searchNanos < SEARCH_BUDGET_NANOS) {
            searched++;
            long start = System.nanoTime();
            String q = text.strip();
            if (q.length() <= StandardSearchQuery.MAX_QUERY_LENGTH) {
                StandardSearchResult result =
                        catalog.searchHits(StandardSearchQuery.of(q).withPage(0, 3));
                for (StandardSearchResult.Hit h : result.items()) {
                    out.putIfAbsent(
                            h.designation(),
                            new Ref(h.designation(), h.titleZh(), h.titleEn(), h.status(), h.published(), null, null));
                }
            }
            searchNanos += System.nanoTime() - start;
        }
        return out.values().stream().limit(MAX_SUGGESTIONS).toList();
    }
}
