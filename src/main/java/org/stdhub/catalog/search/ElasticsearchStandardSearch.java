package org.stdhub.catalog.search;

import com.google.gson.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.backend.elasticsearch.search.query.dsl.ElasticsearchSearchQueryOptionsStep;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.InvalidSearchException;
import org.stdhub.catalog.Standard;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.StandardSearchResult;
import org.stdhub.catalog.StandardSearchResult.Hit;

/**
 * The catalog search on the Elasticsearch backend (OpenSearch, profile {@code cluster}), used by {@link
 * StandardSearch} when Hibernate Search's backend is {@code elasticsearch}. The same query as the embedded backend's
 * ({@link ElasticsearchCatalogQuery}), the same sort, the same fallback to the relaxed match when the strict one finds
 * nothing; the page of hits, the exact total and the six facets (terms aggregations, exact on every match: no
 * sampling) come back in one request. Titles are highlighted here, as on the embedded backend ({@link
 * TitleHighlighter} with the same analyzers, {@link TitleAnalyzers}), so the marks are the same.
 */
@Component
@ConditionalOnProperty(name = ElasticsearchStandardSearch.BACKEND_TYPE, havingValue = "elasticsearch")
class ElasticsearchStandardSearch {

    /** Hibernate Search's backend type, as Spring passes it on. */
    static final String BACKEND_TYPE = "spring.jpa.properties.hibernate.search.backend.type";

    /** Most values of a classification facet (ICS/CCS codes at every level) a search returns. */
    private static final int ALL_VALUES = 10_000;

    private static final Map<String, AggregationKey<Map<String, Long>>> STRING_FACETS = new LinkedHashMap<>();

    static {
        FacetCounter.STRING_FACETS.keySet().forEach(field -> STRING_FACETS.put(field, AggregationKey.of(field)));
    }

    private static final AggregationKey<Map<Integer, Long>> YEARS = AggregationKey.of("publishedYear");

    @PersistenceContext
    private EntityManager em;

    private final TitleHighlighter highlighter = new TitleHighlighter(TitleAnalyzers.create());

    StandardSearchResult search(StandardSearchQuery query, boolean facets) {
        final StandardSearchQuery q = query.validated();
        long start = System.nanoTime();
        return refusingTooComplex(() -> {
            int countUpTo = facets ? Integer.MAX_VALUE : StandardSearch.TOTAL_WITHOUT_FACETS;
            SearchResult<Object[]> result = fetch(q, ElasticsearchCatalogQuery.of(q, false), facets, countUpTo);
            if (result.total().hitCountLowerBound() == 0 && !q.q().isEmpty()) {
                // nothing matched strictly: relaxed matching, so known words or a designation inside are found
                result = fetch(q, ElasticsearchCatalogQuery.of(q, true), facets, countUpTo);
            }
            List<Object[]> rows = result.hits();
            if (reorders(q)) {
                int from = q.page() * q.size();
                rows = TitleGroups.firstOfEachTitle(
                                rows,
                                row -> row[7] == null ? 0 : (Long) row[7],
                                row -> TitleGroups.tier((Float) row[6]))
                        .stream()
                        .skip(from)
                        .limit(q.size())
                        .toList();
            }
            return new StandardSearchResult(
                    result.total().hitCountLowerBound(),
                    q.page(),
                    q.size(),
                    hits(q, rows),
                    facets ? facets(q, result) : StandardSearch.NO_FACETS,
                    false,
                    (System.nanoTime() - start) / 1_000_000);
        });
    }

    /** Ids of the first {@code limit} matches in result order. */
    List<Long> searchIds(StandardSearchQuery query, int limit) {
        final StandardSearchQuery q = query.validated();
        List<Long> ids = refusingTooComplex(() -> searchIds(q, limit, false));
        return ids.isEmpty() && !q.q().isEmpty() ? refusingTooComplex(() -> searchIds(q, limit, true)) : ids;
    }

    private List<Long> searchIds(StandardSearchQuery q, int limit, boolean relaxed) {
        JsonObject json = ElasticsearchCatalogQuery.of(q, relaxed);
        List<Object[]> hits = Search.session(em)
                .search(Standard.class)
                .extension(ElasticsearchExtension.get())
                .select(f -> f.composite()
                        .from(f.id(Long.class), f.score(), f.field(TitleGroups.FIELD, Long.class))
                        .asArray())
                .where(f -> f.fromJson(json))
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

    private SearchResult<Object[]> fetch(StandardSearchQuery q, JsonObject json, boolean facets, int countUpTo) {
        ElasticsearchSearchQueryOptionsStep<?, Object[], ?> query = Search.session(em)
                .search(Standard.class)
                .extension(ElasticsearchExtension.get())
                .select(f -> f.composite()
                        .from(
                                f.field("designation", String.class),
                                f.field("titleZh", String.class),
                                f.field("titleEn", String.class),
                                f.field("status", String.class),
                                f.field("published", String.class),
                                f.field("ics", String.class).list(),
                                f.score(),
                                f.field(TitleGroups.FIELD, Long.class))
                        .asArray())
                .where(f -> f.fromJson(json))
                .sort(f -> switch (q.sort()) {
                    case DATE ->
                        f.field("published").desc().missing().last().then().score();
                    case DESIGNATION -> f.field("designationSort");
                    case RELEVANCE ->
                        f.score().then().field("published").desc().missing().last();
                });
        if (facets) {
            STRING_FACETS.forEach((field, key) -> query.aggregation(
                    key,
                    f -> f.terms()
                            .field(field, String.class, ValueModel.INDEX)
                            .maxTermCount(Math.min(ALL_VALUES, FacetCounter.STRING_FACETS.get(field)))));
            query.aggregation(
                    YEARS, f -> f.terms().field("publishedYear", Integer.class).maxTermCount(ALL_VALUES));
        }
        if (countUpTo != Integer.MAX_VALUE) {
            query.totalHitCountThreshold(countUpTo);
        }
        if (reorders(q)) {
            // the first hits, reordered by the caller, then the page cut from them
            return query.fetch(0, TitleGroups.fetched((q.page() + 1) * q.size()));
        }
        return query.fetch(q.page() * q.size(), q.size());
    }

    /** Whether the page is cut from the reordered first hits: a page starting past them keeps the score order. */
    private static boolean reorders(StandardSearchQuery q) {
        return TitleGroups.apply(q) && q.page() * q.size() < TitleGroups.WINDOW;
    }

    private static StandardSearchResult.Facets facets(StandardSearchQuery q, SearchResult<Object[]> result) {
        Map<String, Map<String, Long>> byField = new LinkedHashMap<>();
        STRING_FACETS.forEach((field, key) -> byField.put(field, result.aggregation(key)));
        Map<String, Long> years = new LinkedHashMap<>();
        result.aggregation(YEARS).forEach((year, count) -> years.put(String.valueOf(year), count));
        byField.put("publishedYear", years);
        return StandardSearch.facets(q, new FacetCounter.Counts(result.total().hitCountLowerBound(), false, byField));
    }

    /**
     * The hits with their highlights, as {@link StandardSearch} makes them: Chinese fields for Han characters, the
     * English one for other letters or digits; Chinese words first, character bigrams where the words mark nothing.
     */
    private List<Hit> hits(StandardSearchQuery q, List<Object[]> rows) {
        boolean han = q.q().codePoints().anyMatch(ElasticsearchStandardSearch::isHan);
        boolean latin = q.q().codePoints().anyMatch(c -> !isHan(c) && Character.isLetterOrDigit(c));
        Query zhWords = han ? highlighter.words("titleZh", q.q()) : null;
        Query zhBigrams = han ? highlighter.words("titleZhBigram", q.q()) : null;
        Query enWords = latin ? highlighter.words("titleEn", q.q()) : null;
        List<Hit> hits = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            List<String> ics = (List<String>) row[5];
            String titleZh = (String) row[1];
            String zh = highlighter.highlight("titleZh", zhWords, titleZh);
            if (zh == null) {
                zh = highlighter.highlight("titleZhBigram", zhBigrams, titleZh);
            }
            hits.add(new Hit(
                    (String) row[0],
                    titleZh,
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    ics,
                    mergeMarks(zh),
                    mergeMarks(highlighter.highlight("titleEn", enWords, (String) row[2]))));
        }
        return hits;
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static String mergeMarks(String highlight) {
        return highlight == null ? null : highlight.replace("</mark><mark>", "");
    }

    /**
     * Runs a search, answering a text that expands to more clauses than the cluster allows
     * ({@code indices.query.bool.max_clause_count}) as a bad {@code q} instead of a server error.
     */
    private static <T> T refusingTooComplex(java.util.function.Supplier<T> search) {
        try {
            return search.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String message = String.valueOf(t.getMessage());
                if (message.contains("too_many_clauses")
                        || message.contains("too_many_nested_clauses")
                        || message.contains("maxClauseCount")) {
                    throw new InvalidSearchException("q", "search.error.q-too-complex");
                }
            }
            throw e;
        }
    }
}
