package org.stdhub.catalog.importing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.CatalogUpdated;
import org.stdhub.catalog.search.CatalogIndexer;

/**
 * Finishes, on start-up, the imports that a crash left marked running: their batches of standards and change log
 * entries were committed, the end of the job was not. Links their relations, marks them {@code interrupted} and
 * publishes their {@link CatalogUpdated} in that same transaction (so watchers are told of what did change; the
 * alerts are raised once however often this runs), then refreshes their standards in the search index.
 */
@Component
public class ImportRecovery {

    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RelationLinker linker;
    private final CatalogChangeLog changeLog;
    private final CatalogIndexer indexer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ImportRecovery(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            RelationLinker linker,
            CatalogChangeLog changeLog,
            CatalogIndexer indexer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.linker = linker;
        this.changeLog = changeLog;
        this.indexer = indexer;
        this.events = events;
        this.clock = clock;
    }

    /** Finishes every import still marked running; returns their ids. */
    public List<Long> finishInterrupted() {
        List<Long> running =
                jdbc.queryForList("select id from import_batch where status = 'running' order by id", Long.class);
        for (long batchId : running) {
            Set<Long> written = new HashSet<>(
                    jdbc.queryForList("select id from standard where import_batch_id = ?", Long.class, batchId));
            int[] changes = changeLog.counts(batchId);
            Set<Long> affected = tx.execute(status -> {
                Set<Long> linked = linker.link(written);
                jdbc.update(
                        "update import_batch set finished_at = ?, status = 'interrupted' where id = ? and status = 'running'",
                        Timestamp.from(clock.instant()),
                        batchId);
                if (changes[0] + changes[1] > 0) {
                    events.publishEvent(new CatalogUpdated(batchId, changes[0], changes[1]));
                }
                return linked;
            });
            indexer.reindex(affected);
            log.warn(
                    "import batch {} was interrupted: {} standards written, {} new and {} changed told to watchers",
                    batchId,
                    written.size(),
                    changes[0],
                    changes[1]);
        }
        return running;
    }
}
