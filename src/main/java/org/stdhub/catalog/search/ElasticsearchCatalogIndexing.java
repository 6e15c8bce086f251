package org.stdhub.catalog.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the catalog index is kept on the Elasticsearch backend (profile {@code cluster}), where Hibernate Search's
 * outbox-polling coordination indexes every change: an import records the standards it writes in the outbox, in the
 * transaction that writes them ({@link OutboxImportIndexing}), and the agents of all instances index them, each event
 * once. The index is shared by every instance, so nothing here is kept per instance.
 */
@Component
@ConditionalOnProperty(name = ElasticsearchStandardSearch.BACKEND_TYPE, havingValue = "elasticsearch")
class ElasticsearchCatalogIndexing {

    /** The outbox of Hibernate Search's outbox-polling coordination ({@code db/cluster}). */
    static final String OUTBOX_TABLE = "hsearch_outbox_event";

    /** Longest an import waits for the agents to index what it wrote before it reports itself finished. */
    static final Duration DRAIN_TIMEOUT = Duration.ofHours(2);

    @PersistenceContext
    private EntityManager em;

    private final JdbcTemplate jdbc;

    ElasticsearchCatalogIndexing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ImportIndexing startImport(CatalogIndexer indexer, boolean fromScratch) {
        return new OutboxImportIndexing(em, this, indexer, fromScratch);
    }

    /**
     * Refreshes PostgreSQL's statistics of the outbox. The agents take their events ordered by time and then load them
     * by id; with statistics taken while the outbox was nearly empty, PostgreSQL scans the whole table for every batch
     * of an import's hundreds of thousands of events (measured on a 1M import: ~375 events/s indexed before, ~7,000/s
     * after an ANALYZE). Autovacuum's own ANALYZE comes too late for a bulk load, or never where it is off.
     */
    void analyzeOutbox() {
        jdbc.execute("analyze " + OUTBOX_TABLE);
    }

    /** Events written and not yet indexed by an agent. */
    long pendingEvents() {
        Long n = jdbc.queryForObject("select count(*) from " + OUTBOX_TABLE, Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Why the shared index should be rebuilt at start, or null: only when no agent has anything left to index and the
     * index still does not hold every standard (a new cluster, or a lost index). While events are pending the agents
     * are catching up, and a rebuild would empty the index other instances are searching.
     */
    String staleReason(CatalogIndexer indexer, long standards) {
        if (pendingEvents() > 0) {
            return null;
        }
        return indexer.indexedCount() != standards ? "does not match the database" : null;
    }
}
