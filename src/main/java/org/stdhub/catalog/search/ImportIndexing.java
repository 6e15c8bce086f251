package org.stdhub.catalog.search;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
public class ImportIndexing implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportIndexing.class);

    private final EntityManager em;
    private final CatalogIndexer indexer;
    private final boolean fromScratch;
    private final SearchSession session;
    private final List<CompletableFuture<? extends SearchIndexingPlanExecutionReport>> pending = new ArrayList<>();
    /** Builds the documents of one batch while the importer writes the next (the session is used by it alone). */
    private final ExecutorService feeder = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("import-indexing").daemon(true).factory());

    private Future<?> feeding = CompletableFuture.completedFuture(null);
    private long submitted;

    /** For an import indexed another way ({@link OutboxImportIndexing}): no feed of its own. */
    ImportIndexing() {
        this.em = null;
        this.indexer = null;
        this.fromScratch = false;
        this.session = null;
    }

    ImportIndexing(EntityManager em, CatalogIndexer indexer, boolean fromScratch) {
        this.em = em;
        this.indexer = indexer;
        this.fromScratch = fromScratch;
        this.session = Search.session(em);
        session.indexingPlanSynchronizationStrategy(new Pipelined(pending::add));
    }

    /**
     * Indexes these standards (added, or replacing their earlier document), built by {@code standards} on the
     * indexing thread: with their id and indexed properties set, never attached to a persistence context. Returns
     * at once unless the previous batch is still being handed over (so at most two batches are held).
     */
    public void addOrUpdate(Supplier<? extends Collection<Standard>> standards) {
        awaitFeeding();
        feeding = feeder.submit(() -> {
            Collection<Standard> batch = standards.get();
            if (batch.isEmpty()) {
                return;
            }
            batch.forEach(session.indexingPlan()::addOrUpdate);
            session.indexingPlan().execute();
            submitted += batch.size();
            // drop what is done already, so that a long import keeps only the futures still running
            pending.removeIf(f -> f.isDone() && failure(f) == null);
        });
    }

    /**
     * Called inside the transaction that wrote these standards. The documents of this feed are built once it has
     * committed ({@link #addOrUpdate}); an import indexed through the outbox records them here instead.
     */
    public void written(Collection<Long> ids) {}

    private void awaitFeeding() {
        try {
            feeding.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing an import", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("indexing an imported standard failed", e.getCause());
        }
    }

    /** How many standards were handed over so far. */
    public long submitted() {
        return submitted;
    }

    /** Waits for every document handed over, fails if one could not be indexed, and commits the index. */
    public void finish() {
        long start = System.nanoTime();
        awaitFeeding();
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
        // after a failure elsewhere the indexing thread may still be handing over a batch: let it end first
        feeder.shutdown();
        try {
            feeder.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
