package org.stdhub.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.stdhub.catalog.Standard;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.search.StandardSearch;

/**
 * Diagnostics: the service's query through Hibernate Search with parts of its work left out, to show what
 * each part costs. The predicate mirrors {@code StandardSearch.build/text}; no Spring transaction.
 */
final class HibernateSearchTarget implements SearchTarget {

    enum Variant {
        /** Projections, highlights and sort as the service, no facets. */
        NO_FACETS("Hibernate Search: as service but no facets"),
        /** Projections and sort as the service, no facets, no highlights. */
        NO_FACETS_NO_HIGHLIGHTS("Hibernate Search: no facets, no highlights"),
        /** Three stored fields, score order only, total hit count not exact beyond 100. */
        MINIMAL("Hibernate Search: 3 fields, score order, hit count ≤ 100");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    private final EntityManager em;
    private final SearchSession session;
    private final Variant variant;

    HibernateSearchTarget(EntityManagerFactory emf, Variant variant) {
        this.em = emf.createEntityManager();
        this.session = Search.session(em);
        this.variant = variant;
    }

    @Override
    public String name() {
        return variant.label;
    }

    @Override
    public Object execute(String text) {
        return switch (variant) {
            case NO_FACETS ->
                session.search(Standard.class)
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
                        .where(f -> root(f, text))
                        .sort(f -> f.score()
                                .then()
                                .field("published")
                                .desc()
                                .missing()
                                .last())
                        .highlighter(h -> h.unified()
                                .tag("<mark>", "</mark>")
                                .encoder(HighlighterEncoder.HTML)
                                .noMatchSize(0)
                                .numberOfFragments(1))
                        .fetch(0, 10);
            case NO_FACETS_NO_HIGHLIGHTS ->
                session.search(Standard.class)
                        .select(f -> f.composite()
                                .from(
                                        f.field("designation", String.class),
                                        f.field("titleZh", String.class),
                                        f.field("titleEn", String.class),
                                        f.field("status", String.class),
                                        f.field("published", String.class),
                                        f.field("ics", String.class).list())
                                .asArray())
                        .where(f -> root(f, text))
                        .sort(f -> f.score()
                                .then()
                                .field("published")
                                .desc()
                                .missing()
                                .last())
                        .fetch(0, 10);
            case MINIMAL ->
                session.search(Standard.class)
                        .select(f -> f.composite()
                                .from(
                                        f.field("designation", String.class),
                                        f.field("titleZh", String.class),
                                        f.field("titleEn", String.class))
                                .asArray())
                        .where(f -> root(f, text))
                        .totalHitCountThreshold(100)
                        .fetch(0, 10);
        };
    }

    @Override
    public List<Row> rows(Object result) {
        List<Row> rows = new ArrayList<>();
        for (Object hit : ((org.hibernate.search.engine.search.query.SearchResult<?>) result).hits()) {
            Object[] row = (Object[]) hit;
            rows.add(new Row((String) row[0], (String) row[1], (String) row[2]));
        }
        return rows;
    }

    /** The service's own predicate for a free-text query without filters. */
    private static PredicateFinalStep root(SearchPredicateFactory f, String text) {
        return StandardSearch.build(f, StandardSearchQuery.of(text));
    }

    @Override
    public void close() {
        em.close();
    }
}
