package org.stdhub.catalog.search;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdhub.catalog.Standard;

/**
 * The search index side of one import: the importer hands over the standards it has just written, as it wrote them
 * (no reload from the database), and Hibernate Search turns them into documents. The documents are written by the
 * backend's own threads while the importer goes on with the next batch, without a commit per batch; {@link
 * #finish()} waits for them, reports any failure and commits once.
 */
public final class ImportIndexing implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportIndexing.class);

    private final EntityManager em;
    private final CatalogIndexer indexer;
    private final boolean fromScratch;
    private final SearchSession session;
    private final List<CompletableFuture<? extends SearchIndexingPlanExecutionReport>> pending = new ArrayList<>();
    private long submitted;

    ImportIndexing(EntityManager em, CatalogIndexer indexer, boolean fromScratch) {
        this.em = em;
        this.indexer = indexer;
        this.fromScratch = fromScratch;
        this.session = Search.session(em);
        session.indexingPlanSynchronizationStrategy(new Pipelined(pending::add));
    }

    /**
     * Indexes these standards (added, or replacing their earlier document). They are built by the importer with
     * their id and indexed properties set; they are never attached to a persistence context.
     */
    public void addOrUpdate(Collection<Standard> standards) {
        if (standards.isEmpty()) {
            return;
        }
        standards.forEach(session.indexingPlan()::addOrUpdate);
        session.indexingPlan().execute();
        submitted += standards.size();
        // drop what is done already, so that a long import keeps only the futures still running
        pending.removeIf(f -> f.isDone() && failure(f) == null);
    }

    /** How many standards were handed over so far. */
    public long submitted() {
        return submitted;
    }

    /** Waits for every document handed over, fails if one could not be indexed, and commits the index. */
    public void finish() {
        long start = System.nanoTime();
        for (CompletableFuture<? extends SearchIndexingPlanExecutionReport> f : pending) {
            Throwable failure = failure(f);
            if (failure != null) {
                throw new IllegalStateException("indexing an imported standard failed", failure);
            }
        }
        pending.clear();
        var workspace = session.workspace(Standard.class);
        if (CatalogIndexer.mergeAfterImport(submitted)) {
            // facet counting cost grows with the number of segments
            workspace.mergeSegments();
        }
        workspace.flush();
        workspace.refresh();
        if (fromScratch) {
            indexer.writeMappingVersion();
        }
        log.info(
                "search index: {} documents from the import; after its last batch, {} s to finish, commit and merge",
                submitted,
                (System.nanoTime() - start) / 1_000_000_000.0);
    }

    private static Throwable failure(CompletableFuture<? extends SearchIndexingPlanExecutionReport> f) {
        try {
            SearchIndexingPlanExecutionReport report = f.join();
            return report.throwable().orElse(null);
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Override
    public void close() {
        em.close();
    }

    /**
     * Neither commit nor refresh per batch, and the caller does not wait: the backend's queues (bounded, blocking
     * when full) hold the documents, {@link #finish()} collects the outcome.
     */
    private record Pipelined(Consumer<CompletableFuture<? extends SearchIndexingPlanExecutionReport>> futures)
            implements IndexingPlanSynchronizationStrategy {

        @Override
        public void apply(
                org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext context) {
            context.documentCommitStrategy(DocumentCommitStrategy.NONE);
            context.documentRefreshStrategy(DocumentRefreshStrategy.NONE);
            context.indexingFutureHandler(futures::accept);
        }
    }
}
