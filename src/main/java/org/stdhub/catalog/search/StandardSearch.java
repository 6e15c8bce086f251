package org.stdhub.catalog.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.*;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.InvalidSearchException;
import org.stdhub.catalog.Standard;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.StandardSearchResult;
import org.stdhub.catalog.StandardSearchResult.Bucket;
import org.stdhub.catalog.StandardSearchResult.Hit;
import org.stdhub.catalog.designation.CompactKey;

/**
 * Full-text and designation search over the catalog index. Exact designation matches (in any sloppy form
 * the identifier engine reads) rank first; then title matches in Chinese (words and bigrams, including
 * the Chinese titles of adopting standards for ISO/IEC documents) and English (stemmed).
 */
@Service
public class StandardSearch {

    private static final AggregationKey<Map<String, Long>> STATUS = AggregationKey.of("status");
    private static final AggregationKey<Map<String, Long>> KIND = AggregationKey.of("kind");
    private static final AggregationKey<Map<String, Long>> BODY = AggregationKey.of("body");
    private static final AggregationKey<Map<String, Long>> ICS = AggregationKey.of("ics");
    private static final AggregationKey<Map<String, Long>> CCS = AggregationKey.of("ccs");
    private static final AggregationKey<Map<Integer, Long>> YEAR = AggregationKey.of("year");

    @PersistenceContext
    private EntityManager em;

    @Transactional(readOnly = true)
    public StandardSearchResult search(StandardSearchQuery query) {
        return search(query, true);
    }

    /**
     * Searches; without {@code facets} no facet is counted and the total is exact only up to 10,000 (counting
     * facets over every match is most of a query's cost on a large catalog, see docs/benchmarks.md).
     */
    @Transactional(readOnly = true)
    public StandardSearchResult search(StandardSearchQuery query, boolean facets) {
        return refusingTooComplex(() -> run(query, facets));
    }

    private StandardSearchResult run(StandardSearchQuery query, boolean facets) {
        query = query.validated();
        final StandardSearchQuery q = query;
        long start = System.nanoTime();
        SearchResult<Object[]> result = fetch(q, facets, false);
        if (result.total().hitCountLowerBound() == 0 && !q.q().isEmpty()) {
            // nothing matched strictly: relaxed matching, so known words or a designation inside are found
            result = fetch(q, facets, true);
        }
        return page(q, facets, result, start);
    }

    /** One query: strict, or with {@code relaxed} text matching when the strict one found nothing. */
    private SearchResult<Object[]> fetch(StandardSearchQuery q, boolean facets, boolean relaxed) {
        var step = Search.session(em)
                .search(Standard.class)
                .select(f -> f.composite()
                        .from(
                                f.field("designation", String.class),
                                f.field("titleZh", String.class),
                                f.field("titleEn", String.class),
                                f.field("status", String.class),
                                f.field("published", String.class),
                                f.field("ics", String.class).list(),
                                f.highlight("titleZh").single(),
                                f.highlight("titleZhBigram").single(),
                                f.highlight("titleEn").single())
                        .asArray())
                .where(f -> build(f, q, relaxed))
                .sort(f -> switch (q.sort()) {
                    case DATE ->
                        f.field("published").desc().missing().last().then().score();
                    case DESIGNATION -> f.field("designationSort");
                    case RELEVANCE ->
                        f.score().then().field("published").desc().missing().last();
                })
                .highlighter(h -> h.unified()
                        .tag("<mark>", "</mark>")
                        .encoder(org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder.HTML)
                        .noMatchSize(0)
                        .numberOfFragments(1));
        if (facets) {
            step = step.aggregation(
                            STATUS, f -> f.terms().field("status", String.class).maxTermCount(10))
                    .aggregation(
                            KIND,
                            f -> f.terms()
                                    .field(
                                            "kind",
                                            String.class,
                                            org.hibernate.search.engine.search.common.ValueModel.INDEX)
                                    .maxTermCount(20))
                    .aggregation(
                            BODY, f -> f.terms().field("body", String.class).maxTermCount(30))
                    .aggregation(
                            ICS, f -> f.terms().field("icsPath", String.class).maxTermCount(2000))
                    .aggregation(
                            CCS, f -> f.terms().field("ccsPath", String.class).maxTermCount(2000))
                    .aggregation(
                            YEAR,
                            f -> f.terms().field("publishedYear", Integer.class).maxTermCount(200));
        } else {
            step = step.totalHitCountThreshold(10_000);
        }
        return step.fetch(q.page() * q.size(), q.size());
    }

    private StandardSearchResult page(
            StandardSearchQuery q, boolean facets, SearchResult<Object[]> result, long start) {

        List<Hit> hits = new ArrayList<>(result.hits().size());
        for (Object[] row : result.hits()) {
            @SuppressWarnings("unchecked")
            List<String> ics = (List<String>) row[5];
            String zh = mergeMarks(row[6] != null ? (String) row[6] : (String) row[7]);
            hits.add(new Hit(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    ics,
                    zh,
                    mergeMarks((String) row[8])));
        }
        var counts = facets
                ? new StandardSearchResult.Facets(
                        buckets(result.aggregation(STATUS)),
                        buckets(result.aggregation(KIND)),
                        buckets(result.aggregation(BODY)),
                        childBuckets(result.aggregation(ICS), q.ics(), true),
                        childBuckets(result.aggregation(CCS), q.ccs(), false),
                        yearBuckets(result.aggregation(YEAR)))
                : new StandardSearchResult.Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        return new StandardSearchResult(
                result.total().hitCountLowerBound(),
                q.page(),
                q.size(),
                hits,
                counts,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Ids of the first {@code limit} matches in result order (for exports, which then read the database). */
    @Transactional(readOnly = true)
    public List<Long> searchIds(StandardSearchQuery query, int limit) {
        final StandardSearchQuery q = query.validated();
        List<Long> ids = refusingTooComplex(() -> searchIds(q, limit, false));
        return ids.isEmpty() && !q.q().isEmpty() ? refusingTooComplex(() -> searchIds(q, limit, true)) : ids;
    }

    private List<Long> searchIds(StandardSearchQuery q, int limit, boolean relaxed) {
        return Search.session(em)
                .search(Standard.class)
                .select(f -> f.id(Long.class))
                .where(f -> build(f, q, relaxed))
                .sort(f -> switch (q.sort()) {
                    case DATE ->
                        f.field("published").desc().missing().last().then().score();
                    case DESIGNATION -> f.field("designationSort");
                    case RELEVANCE ->
                        f.score().then().field("published").desc().missing().last();
                })
                .fetchHits(limit);
    }

    /**
     * Runs a search, answering a text that expands to more clauses than Lucene allows (hundreds of words or
     * characters, each searched in several fields) as a bad {@code q} instead of a server error.
     */
    static <T> T refusingTooComplex(java.util.function.Supplier<T> search) {
        try {
            return search.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof org.apache.lucene.search.IndexSearcher.TooManyClauses) {
                    throw new InvalidSearchException("q", "search.error.q-too-complex");
                }
            }
            throw e;
        }
    }

    /** The predicate of a search: free text and filters. */
    private static org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep build(
            SearchPredicateFactory f, StandardSearchQuery q, boolean relaxed) {
        var root = f.bool();
        if (!q.q().isEmpty()) {
            root.must(relaxed ? SearchText.relaxed(f, q.q()) : SearchText.strict(f, q.q()));
        } else {
            root.must(f.matchAll());
        }
        if (!q.status().isEmpty()) {
            root.filter(f.terms().field("status").matchingAny(q.status()));
        }
        if (!q.kind().isEmpty()) {
            root.filter(f.terms()
                    .field("kind")
                    .matchingAny(q.kind().stream()
                            .map(org.stdhub.catalog.StandardKind::fromCode)
                            .toList()));
        }
        if (!q.body().isEmpty()) {
            root.filter(f.terms().field("body").matchingAny(q.body()));
        }
        if (q.ics() != null) {
            root.filter(f.match().field("icsPath").matching(q.ics()));
        }
        if (q.ccs() != null) {
            root.filter(f.match().field("ccsPath").matching(q.ccs()));
        }
        if (q.from() != null || q.to() != null) {
            root.filter(f.range().field("publishedYear").between(q.from(), q.to()));
        }
        // among equally good matches, the edition in force comes first
        root.should(
                f.match().field("status").matching("current").constantScore().boost(2f));
        return root;
    }

    /** Joins marks of neighbouring tokens (医疗|器械 → one mark over 医疗器械). */
    private static String mergeMarks(String highlight) {
        return highlight == null ? null : highlight.replace("</mark><mark>", "");
    }

    /**
     * Upper-case ASCII letters and digits of the text (full-width folded): the form of the designation keys.
     * {@link CompactKey#ofText}, for the callers outside the catalog module.
     */
    public static String compact(String text) {
        return CompactKey.ofText(text);
    }

    private static List<Bucket> buckets(Map<String, Long> counts) {
        List<Bucket> buckets = new ArrayList<>();
        counts.forEach((value, count) -> buckets.add(new Bucket(value, count)));
        return buckets;
    }

    /** Only the classes one level below the current filter (the top level when there is none). */
    private static List<Bucket> childBuckets(Map<String, Long> counts, String current, boolean ics) {
        List<Bucket> buckets = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            String code = e.getKey();
            List<String> path = ics
                    ? org.stdhub.catalog.Classifications.icsAncestry(code)
                    : org.stdhub.catalog.Classifications.ccsAncestry(code);
            boolean child = current == null
                    ? path.size() == 1
                    : path.size() >= 2 && path.get(path.size() - 2).equals(current);
            if (child) {
                buckets.add(new Bucket(code, e.getValue()));
            }
        }
        buckets.sort(Comparator.comparing(Bucket::value));
        return buckets;
    }

    private static List<Bucket> yearBuckets(Map<Integer, Long> counts) {
        List<Bucket> buckets = new ArrayList<>();
        new TreeMap<>(counts)
                .descendingMap()
                .forEach((year, count) -> buckets.add(new Bucket(String.valueOf(year), count)));
        return buckets;
    }
}
