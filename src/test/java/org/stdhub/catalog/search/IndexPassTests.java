package org.stdhub.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.CatalogTest;
import org.stdhub.catalog.Standard;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.StandardSearchResult;

/**
 * The search runs its query once ({@link IndexPass}: the page's top documents and the facet matches in one
 * Lucene execution, rows from stored fields). On the shipped catalog it answers exactly what the earlier two
 * executions answered: the facet pass ({@link FacetCounter}) for the total and the facets, and Hibernate
 * Search's own query with its sorts and projections for the page.
 */
@CatalogTest
class IndexPassTests {

    @Autowired
    StandardSearch search;

    @Autowired
    FacetCounter facetCounter;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    EntityManager em;

    static List<StandardSearchQuery> queries() {
        List<StandardSearchQuery> queries = new ArrayList<>();
        for (String text : List.of(
                "iso 9001",
                "GB/T 19001",
                "iso iec 29341-30-11 2017",
                "医疗器械",
                "设备网络安全基本",
                "road vehicles electrical disturbances",
                "climatic and mechanical",
                "safety",
                "zzqx road vehicles",
                "")) {
            for (StandardSearchQuery.Sort sort : StandardSearchQuery.Sort.values()) {
                queries.add(sorted(text, sort, 0, 20));
                queries.add(sorted(text, sort, 3, 20));
            }
        }
        queries.add(new StandardSearchQuery(
                "safety", List.of("current"), List.of("ISO"), List.of(), null, null, 2000, 2020, null, 0, 10));
        queries.add(new StandardSearchQuery(
                "", List.of(), List.of(), List.of(), "11", null, null, null, StandardSearchQuery.Sort.DATE, 1, 50));
        return queries;
    }

    private static StandardSearchQuery sorted(String text, StandardSearchQuery.Sort sort, int page, int size) {
        return new StandardSearchQuery(text, null, null, null, null, null, null, null, sort, page, size);
    }

    @ParameterizedTest
    @MethodSource("queries")
    @Transactional(readOnly = true)
    void oneExecutionAnswersWhatHibernateSearchAndTheFacetPassAnswered(StandardSearchQuery query) {
        StandardSearchQuery q = query.validated();
        StandardSearchResult result = search.search(q, true);
        StandardSearchResult withoutFacets = search.search(q, false);

        QueryBuilder analysis = new QueryBuilder(Search.mapping(emf)
                .indexedEntity(Standard.class)
                .indexManager()
                .unwrap(LuceneIndexManager.class)
                .searchAnalyzer());
        Query lucene = CatalogQuery.of(analysis, q, false);
        FacetCounter.Counts counts = facetCounter.count(lucene);
        if (counts.total() == 0 && !q.q().isEmpty()) {
            lucene = CatalogQuery.of(analysis, q, true);
            counts = facetCounter.count(lucene);
        }
        List<Object[]> page = page(q, hibernateSearch(q, lucene, q.page() * q.size() + q.size()));
        // without facets, Lucene counts up to the limit and may skip matches beyond it (a lower bound)
        long countedUpToTheLimit = hibernateSearch(q, lucene, StandardSearch.TOTAL_WITHOUT_FACETS)
                .total()
                .hitCountLowerBound();

        assertThat(result.total()).isEqualTo(counts.total());
        assertThat(withoutFacets.total())
                .isEqualTo(countedUpToTheLimit)
                .isBetween(Math.min(counts.total(), StandardSearch.TOTAL_WITHOUT_FACETS), counts.total());
        assertThat(result.facetsApproximate()).isEqualTo(counts.approximate());
        assertThat(rows(result))
                .isEqualTo(page.stream()
                        .map(r -> row(r[0], r[1], r[2], r[3], r[4], r[5]))
                        .toList());
        assertThat(rows(withoutFacets)).isEqualTo(rows(result));
        assertThat(result.facets().status().size())
                .isEqualTo(counts.byField().get("status").size());
        assertThat(result.facets().year().size())
                .isEqualTo(counts.byField().get("publishedYear").size());
    }

    /**
     * The page of Hibernate Search's hits; by relevance for a text, cut from the first hits reordered one title first
     * by their projected scores and title groups ({@link TitleGroups}).
     */
    private static List<Object[]> page(StandardSearchQuery q, SearchResult<Object[]> hits) {
        if (!TitleGroups.apply(q)) {
            return hits.hits();
        }
        return TitleGroups.firstOfEachTitle(hits.hits(), r -> (Long) r[7], r -> TitleGroups.tier((Float) r[6])).stream()
                .skip((long) q.page() * q.size())
                .limit(q.size())
                .toList();
    }

    /** The page as the search answered it before: Hibernate Search's query, sort and projections. */
    private SearchResult<Object[]> hibernateSearch(StandardSearchQuery q, Query lucene, int countUpTo) {
        return Search.session(em)
                .search(Standard.class)
                .extension(LuceneExtension.get())
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
                .where(f -> f.extension(LuceneExtension.get()).fromLuceneQuery(lucene))
                .sort(f -> switch (q.sort()) {
                    case DATE ->
                        f.field("published").desc().missing().last().then().score();
                    case DESIGNATION -> f.field("designationSort");
                    case RELEVANCE ->
                        f.score().then().field("published").desc().missing().last();
                })
                .totalHitCountThreshold(countUpTo)
                .fetch(
                        TitleGroups.apply(q) ? 0 : q.page() * q.size(),
                        TitleGroups.apply(q) ? TitleGroups.fetched((q.page() + 1) * q.size()) : q.size());
    }

    private static List<List<Object>> rows(StandardSearchResult result) {
        return result.items().stream()
                .map(h -> row(h.designation(), h.titleZh(), h.titleEn(), h.status(), h.published(), h.ics()))
                .toList();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
