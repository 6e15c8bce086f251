package org.stdhub.catalog.search;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.function.Supplier;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdhub.catalog.Standard;

/**
 * The search index side of one import on the Elasticsearch backend: each batch's standards are recorded in Hibernate
 * Search's outbox in the transaction that writes them ({@link #written}), so a batch is in the database and the outbox
 * together or not at all — an instance killed in the middle of an import loses nothing, and whichever instance's agent
 * takes an event indexes the standard as the database then holds it. {@link #finish()} waits until the agents have
 * indexed everything in the outbox.
 */
final class OutboxImportIndexing extends ImportIndexing {

    private static final Logger log = LoggerFactory.getLogger(OutboxImportIndexing.class);

    /** The entity manager of the current transaction (Spring's shared one). */
    private final EntityManager em;

    private final ElasticsearchCatalogIndexing indexing;
    private final CatalogIndexer indexer;
    private final boolean fromScratch;
    private long submitted;
    /** Events submitted at which the outbox's statistics are refreshed next (then at each doubling). */
    private long analyzeAt = FIRST_ANALYZE;

    /** A smaller import leaves the statistics to autovacuum. */
    static final long FIRST_ANALYZE = 20_000;

    OutboxImportIndexing(
            EntityManager em, ElasticsearchCatalogIndexing indexing, CatalogIndexer indexer, boolean fromScratch) {
        this.em = em;
        this.indexing = indexing;
        this.indexer = indexer;
        this.fromScratch = fromScratch;
    }

    @Override
    public void written(Collection<Long> ids) {
        SearchIndexingPlan plan = Search.session(em).indexingPlan();
        for (Long id : ids) {
            // a reference: the outbox event needs the id only, the agent loads the standard
            plan.addOrUpdate(em.getReference(Standard.class, id));
        }
        submitted += ids.size();
        if (submitted >= analyzeAt) {
            // the statistics then count the events of the batches committed so far: within a factor 2 of the outbox
            indexing.analyzeOutbox();
            analyzeAt = submitted * 2;
        }
    }

    /** Nothing to build here: the agents load each standard from the database. */
    @Override
    public void addOrUpdate(Supplier<? extends Collection<Standard>> standards) {}

    @Override
    public long submitted() {
        return submitted;
    }

    @Override
    public void finish() {
        long start = System.nanoTime();
        if (submitted >= FIRST_ANALYZE) {
            indexing.analyzeOutbox();
        }
        long deadline = start + ElasticsearchCatalogIndexing.DRAIN_TIMEOUT.toNanos();
        long pending;
        while ((pending = indexing.pendingEvents()) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the search index", e);
            }
        }
        if (pending > 0) {
            log.warn("search index: {} changes still waiting in the outbox; the agents go on indexing them", pending);
        }
        Search.mapping(em.getEntityManagerFactory())
                .scope(Standard.class)
                .workspace()
                .refresh();
        if (fromScratch) {
            indexer.writeMappingVersion();
        }
        log.info(
                "search index: {} standards from the import recorded in the outbox, indexed by the agents {} s after"
                        + " its last batch",
                submitted,
                (System.nanoTime() - start) / 1_000_000_000.0);
    }

    @Override
    public void close() {}
}
