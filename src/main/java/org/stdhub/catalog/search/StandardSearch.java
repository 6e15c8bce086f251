package org.stdhub.catalog.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import java.util.*;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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

    /** Hits a search counts exactly when facets are not asked for. */
    static final int TOTAL_WITHOUT_FACETS = 10_000;

    @PersistenceContext
    private EntityManager em;

    private final EntityManagerFactory emf;
    private final IndexPass indexPass;
    /** The search on the Elasticsearch backend (profile {@code cluster}); null on the embedded Lucene one. */
    private final ElasticsearchStandardSearch elasticsearch;

    private volatile QueryBuilder analysis;
    private volatile TitleHighlighter highlighter;

    StandardSearch(
            EntityManagerFactory emf,
            IndexPass indexPass,
            org.springframework.beans.factory.ObjectProvider<ElasticsearchStandardSearch> elasticsearch) {
        this.emf = emf;
        this.indexPass = indexPass;
        this.elasticsearch = elasticsearch.getIfAvailable();
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public StandardSearchResult search(StandardSearchQuery query) {
        return search(query, true);
    }

    /**
     * Searches; without {@code facets} no facet is counted and the total is exact only up to
     * {@value #TOTAL_WITHOUT_FACETS}. With them, the matches are counted once for the total and all six facets
     * ({@link FacetCounter}) in the same single execution of the query that finds the page ({@link IndexPass}).
     * It reads only the index (no database, so no transaction of its own).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public StandardSearchResult search(StandardSearchQuery query, boolean facets) {
        if (elasticsearch != null) {
            return elasticsearch.search(query, facets);
        }
        return refusingTooComplex(() -> run(query, facets));
    }

    private StandardSearchResult run(StandardSearchQuery query, boolean facets) {
        final StandardSearchQuery q = query.validated();
        long start = System.nanoTime();
        int from = q.page() * q.size();
        // without facets the total is counted up to a limit when hits come by score (Lucene skips what cannot
        // compete beyond it); sorted by a field, every match is counted (as Hibernate Search does)
        int countUpTo =
                facets || q.sort() != StandardSearchQuery.Sort.RELEVANCE ? Integer.MAX_VALUE : TOTAL_WITHOUT_FACETS;
        boolean oneTitleFirst = TitleGroups.apply(q);
        IndexPass.Found found = indexPass.run(
                CatalogQuery.of(analysis(), q, false), q.sort(), from, q.size(), facets, countUpTo, oneTitleFirst);
        if (found.total() == 0 && !q.q().isEmpty()) {
            // nothing matched strictly: relaxed matching, so known words or a designation inside are found
            found = indexPass.run(
                    CatalogQuery.of(analysis(), q, true), q.sort(), from, q.size(), facets, countUpTo, oneTitleFirst);
        }
        return page(
                q,
                found.rows(),
                found.total(),
                facets ? facets(q, found.counts()) : NO_FACETS,
                facets && found.counts().approximate(),
                start);
    }

    static final StandardSearchResult.Facets NO_FACETS =
            new StandardSearchResult.Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    /** The index's search analyzer (per field, the analyzer the mapping gives it). */
    private QueryBuilder analysis() {
        QueryBuilder builder = analysis;
        if (builder == null) {
            Analyzer analyzer = Search.mapping(emf)
                    .indexedEntity(Standard.class)
                    .indexManager()
                    .unwrap(LuceneIndexManager.class)
                    .searchAnalyzer();
            builder = new QueryBuilder(analyzer);
            highlighter = new TitleHighlighter(analyzer);
            analysis = builder;
        }
        return builder;
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private StandardSearchResult page(
            StandardSearchQuery q,
            List<IndexPass.Row> rows,
            long total,
            StandardSearchResult.Facets facets,
            boolean facetsApproximate,
            long start) {
        // highlight only the fields the text can match: Chinese ones for Han characters, the English one for
        // other letters or digits; Chinese words first, character bigrams where the words mark nothing
        analysis();
        TitleHighlighter marks = highlighter;
        boolean han = q.q().codePoints().anyMatch(StandardSearch::isHan);
        boolean latin = q.q().codePoints().anyMatch(c -> !isHan(c) && Character.isLetterOrDigit(c));
        Query zhWords = han ? marks.words("titleZh", q.q()) : null;
        Query zhBigrams = han ? marks.words("titleZhBigram", q.q()) : null;
        Query enWords = latin ? marks.words("titleEn", q.q()) : null;
        List<Hit> hits = new ArrayList<>(rows.size());
        for (IndexPass.Row row : rows) {
            String zh = marks.highlight("titleZh", zhWords, row.titleZh());
            if (zh == null) {
                zh = marks.highlight("titleZhBigram", zhBigrams, row.titleZh());
            }
            hits.add(new Hit(
                    row.designation(),
                    row.titleZh(),
                    row.titleEn(),
                    row.status(),
                    row.published(),
                    row.ics(),
                    mergeMarks(zh),
                    mergeMarks(marks.highlight("titleEn", enWords, row.titleEn()))));
        }
        return new StandardSearchResult(
                total, q.page(), q.size(), hits, facets, facetsApproximate, (System.nanoTime() - start) / 1_000_000);
    }

    static StandardSearchResult.Facets facets(StandardSearchQuery q, FacetCounter.Counts counts) {
        Map<String, Map<String, Long>> by = counts.byField();
        Map<Integer, Long> years = new HashMap<>();
        by.get("publishedYear").forEach((year, count) -> years.put(Integer.valueOf(year), count));
        return new StandardSearchResult.Facets(
                buckets(by.get("status")),
                buckets(by.get("kind")),
                buckets(by.get("body")),
                childBuckets(by.get("icsPath"), q.ics(), true),
                childBuckets(by.get("ccsPath"), q.ccs(), false),
                yearBuckets(years));
    }

    /** Ids of the first {@code limit} matches in result order (for exports, which then read the database). */
    @Transactional(readOnly = true)
    public List<Long> searchIds(StandardSearchQuery query, int limit) {
        if (elasticsearch != null) {
            return elasticsearch.searchIds(query, limit);
        }
        final StandardSearchQuery q = query.validated();
        List<Long> ids = refusingTooComplex(() -> searchIds(q, limit, false));
        return ids.isEmpty() && !q.q().isEmpty() ? refusingTooComplex(() -> searchIds(q, limit, true)) : ids;
    }

    private List<Long> searchIds(StandardSearchQuery q, int limit, boolean relaxed) {
        Query lucene = CatalogQuery.of(analysis(), q, relaxed);
        List<Object[]> hits = Search.session(em)
                .search(Standard.class)
                .extension(LuceneExtension.get())
                .select(f -> f.composite()
                        .from(f.id(Long.class), f.score(), f.field(TitleGroups.FIELD, Long.class))
                        .asArray())
                .where(f -> f.extension(LuceneExtension.get()).fromLuceneQuery(lucene))
                .sort(f -> switch (q.sort()) {
                    case DATE ->
                        f.field("published").desc().missing().last().then().score();
                    case DESIGNATION -> f.field("designationSort");
                    case RELEVANCE ->
                        f.score().then().field("published").desc().missing().last();
                })
                .fetchHits(TitleGroups.apply(q) ? TitleGroups.fetched(limit) : limit);
        // in the order the search shows them
        return TitleGroups.ids(q, hits, limit);
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
