package org.stdhub.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.stdhub.catalog.Standard;

/**
 * Diagnostics: the floor's Lucene query ({@link LuceneTarget#query}) run through Hibernate Search on the
 * same index, projecting the three stored fields the floor reads, in score order, with a hit count exact
 * only up to 100: what Hibernate Search itself adds to raw Lucene. No Spring transaction.
 */
final class HibernateSearchTarget implements SearchTarget {

    private final EntityManager em;
    private final SearchSession session;
    private final LuceneTarget floor;

    HibernateSearchTarget(EntityManagerFactory emf, LuceneTarget floor) {
        this.em = emf.createEntityManager();
        this.session = Search.session(em);
        this.floor = floor;
    }

    @Override
    public String name() {
        return "Hibernate Search, the floor's query: 3 fields, score order, hit count ≤ 100";
    }

    @Override
    public Object execute(String text) {
        return session.search(Standard.class)
                .select(f -> f.composite()
                        .from(
                                f.field("designation", String.class),
                                f.field("titleZh", String.class),
                                f.field("titleEn", String.class))
                        .asArray())
                .where(f -> f.extension(LuceneExtension.get()).fromLuceneQuery(floor.query(text)))
                .totalHitCountThreshold(100)
                .fetch(0, 10);
    }

    @Override
    public List<Row> rows(Object result) {
        List<Row> rows = new ArrayList<>();
        for (Object hit : ((SearchResult<?>) result).hits()) {
            Object[] row = (Object[]) hit;
            rows.add(new Row((String) row[0], (String) row[1], (String) row[2]));
        }
        return rows;
    }

    @Override
    public void close() {
        em.close();
    }
}
