package org.stdhub.catalog.importing;

import jakarta.persistence.EntityManagerFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.CatalogUpdated;
import org.stdhub.catalog.Standard;
import org.stdhub.catalog.search.CatalogIndexer;
import org.stdhub.catalog.search.ImportIndexing;
import org.stdhub.platform.StateChanged;

/**
 * The import job: streams JSON Lines of standards into the catalog, validates each line, upserts by canonical
 * designation in batches (each batch one transaction, {@link StandardTable}, with its {@link CatalogChangeLog}
 * entries), links relations and adoptions whose other end is known ({@link RelationLinker}), finishes the job
 * and brings the search index up to date. Re-running an import changes nothing.
 *
 * <p>{@link CatalogUpdated} is published in the transaction that marks the job finished, so the event publication
 * registry holds it from the same commit on: a listener that fails, or a crash before it ran, leaves the
 * publication incomplete for resubmission. A crash before that commit leaves the job marked running;
 * {@link ImportRecovery} finishes it on the next start.
 */
@Service
public class StandardImporter {

    private static final Logger log = LoggerFactory.getLogger(StandardImporter.class);
    /** Records per transaction: fewer, larger commits (an H2 commit writes a chunk of its store). */
    private static final int BATCH_SIZE = 5000;

    private static final int MAX_PROBLEMS_KEPT = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final StandardTable table;
    private final CatalogChangeLog changeLog;
    private final RelationLinker linker;
    private final CatalogIndexer indexer;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final EntityManagerFactory emf;

    StandardImporter(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            StandardTable table,
            CatalogChangeLog changeLog,
            RelationLinker linker,
            CatalogIndexer indexer,
            Clock clock,
            ApplicationEventPublisher events,
            EntityManagerFactory emf) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.table = table;
        this.changeLog = changeLog;
        this.linker = linker;
        this.indexer = indexer;
        this.clock = clock;
        this.events = events;
        this.emf = emf;
    }

    /** Imports a file (gzip-compressed when it ends in .gz). */
    public ImportReport importFile(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return importStream(in, file.getFileName().toString(), size);
        }
    }

    /** Imports one stream; {@code name} ending in .gz means gzip. {@code size} is for progress only (or -1). */
    public ImportReport importStream(InputStream raw, String name, long size) throws IOException {
        return importStreams(List.of(new Source(raw, name, size)));
    }

    /** One input of a multi-file import. */
    public record Source(InputStream in, String name, long size) {}

    /**
     * Imports several streams as one job: one relation linking at the end; the search index is fed batch by batch
     * from the records written, on the backend's threads while the next batch is read and written.
     */
    public ImportReport importStreams(List<Source> sources) throws IOException {
        Instant started = clock.instant();
        String sourceName = String.join(", ", sources.stream().map(Source::name).toList());
        long batchId = startBatch(sourceName, started);
        Counts counts = new Counts();
        counts.logChanges =
                Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from standard", Boolean.class));
        List<ImportReport.Problem> problems = new ArrayList<>();
        Map<String, String> seenKeys = new HashMap<>();
        StandardRecordReader reader = new StandardRecordReader();
        ImportProgress progress =
                new ImportProgress(sources.stream().mapToLong(Source::size).sum());

        try (ImportIndexing indexing = indexer.startImport(!counts.logChanges);
                StandardImages images = new StandardImages(emf)) {
            Batches batches = new Batches(batchId, counts, indexing, images);
            for (Source source : sources) {
                InputStream counted = progress.source(source.in());
                InputStream in = source.name().endsWith(".gz") ? new GZIPInputStream(counted, 65536) : counted;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                List<StandardRecord> batch = new ArrayList<>(BATCH_SIZE);
                String line;
                int lineNumber = 0;
                while ((line = lines.readLine()) != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    counts.read++;
                    try {
                        StandardRecord record = reader.read(line);
                        String key = record.designation().compactKey();
                        String firstSeen = seenKeys.putIfAbsent(key, source.name() + ":" + lineNumber);
                        if (firstSeen != null) {
                            throw new StandardRecordReader.InvalidRecordException(
                                    record.designation().normalized(),
                                    "same standard as " + firstSeen + " ("
                                            + record.designation().normalized() + ")");
                        }
                        batch.add(record);
                    } catch (StandardRecordReader.InvalidRecordException e) {
                        counts.rejected++;
                        var problem =
                                new ImportReport.Problem(source.name(), lineNumber, e.designation(), e.getMessage());
                        if (problems.size() < MAX_PROBLEMS_KEPT) {
                            problems.add(problem);
                        }
                        log.warn("import: rejected {}", problem);
                    }
                    if (batch.size() == BATCH_SIZE) {
                        batches.write(batch);
                        batch.clear();
                        progress.report(counts.read);
                    }
                }
                batches.write(batch);
            }
            if (counts.inserted + counts.updated > 0) {
                tx.executeWithoutResult(status -> linker.linkPending());
            }
            if (counts.inserted + counts.updated >= StandardTable.ANALYZE_AFTER) {
                table.analyze();
            }
            // international standards whose adopters were written after them (or that this import did not write):
            // read back with their (now linked) adopters, before the import's documents are committed and merged
            List<Long> stale = table.ids(batches.awaitingAdopters);
            indexer.reindex(stale);
            indexing.finish();
            log.info(
                    "import: {} standards indexed from the import, {} adopted ones re-indexed",
                    indexing.submitted(),
                    stale.size());
        }
        finishBatch(batchId, sourceName, counts, problems);
        ImportReport report = new ImportReport(
                batchId,
                sourceName,
                counts.read,
                counts.inserted,
                counts.updated,
                counts.unchanged,
                counts.rejected,
                List.copyOf(problems),
                Duration.between(started, clock.instant()));
        log.info(
                "import of {}: {} read, {} inserted, {} updated, {} unchanged, {} rejected in {} s ({} records/s)",
                sourceName,
                report.read(),
                report.inserted(),
                report.updated(),
                report.unchanged(),
                report.rejected(),
                report.duration().toMillis() / 1000.0,
                Math.round(report.recordsPerSecond()));
        return report;
    }

    private static final class Counts {
        /** False for the first import into an empty catalog: nobody can be watching anything yet. */
        boolean logChanges;

        int read;
        int inserted;
        int updated;
        int unchanged;
        int rejected;
    }

    private long startBatch(String sourceName, Instant started) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "insert into import_batch (source_name, started_at, status) values (?, ?, 'running')",
                            new String[] {"id"});
                    ps.setString(1, truncate(sourceName, 500));
                    ps.setTimestamp(2, Timestamp.from(started));
                    return ps;
                },
                key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    /**
     * Marks the job finished, with its counts and problems, its audit entry and — when it changed a catalog that
     * was not empty — {@link CatalogUpdated}, all in one transaction.
     */
    private void finishBatch(long batchId, String sourceName, Counts counts, List<ImportReport.Problem> problems) {
        tx.executeWithoutResult(status -> {
            // one audit entry per import (not per record): what was read and what changed
            events.publishEvent(StateChanged.of("import", batchId, "imported")
                    .withChange("source", null, sourceName)
                    .withChange("read", null, counts.read)
                    .withChange("inserted", null, counts.inserted)
                    .withChange("updated", null, counts.updated)
                    .withChange("unchanged", null, counts.unchanged)
                    .withChange("rejected", null, counts.rejected));
            jdbc.update(
                    "update import_batch set finished_at = ?, status = 'finished', records_read = ?, inserted = ?,"
                            + " updated = ?, unchanged = ?, rejected = ? where id = ?",
                    Timestamp.from(clock.instant()),
                    counts.read,
                    counts.inserted,
                    counts.updated,
                    counts.unchanged,
                    counts.rejected,
                    batchId);
            jdbc.batchUpdate(
                    "insert into import_problem (batch_id, line_number, designation, reason) values (?, ?, ?, ?)",
                    problems,
                    500,
                    (ps, p) -> {
                        ps.setLong(1, batchId);
                        ps.setInt(2, p.line());
                        ps.setString(3, truncate(p.designation(), 300));
                        ps.setString(4, truncate(p.file() + ": " + p.reason(), 1000));
                    });
            if (counts.logChanges && (counts.inserted > 0 || counts.updated > 0)) {
                events.publishEvent(new CatalogUpdated(batchId, counts.inserted, counts.updated));
            }
        });
    }

    /** Writes batches of records, each in one transaction, and hands what they changed to the search index. */
    private final class Batches {

        private final long batchId;
        private final Counts counts;
        private final ImportIndexing indexing;
        private final StandardImages images;

        /**
         * Keys of standards adopted by a standard this import wrote, whose own index document has not been written
         * since (so it lacks that adopter's title).
         */
        final Set<String> awaitingAdopters = new HashSet<>();

        Batches(long batchId, Counts counts, ImportIndexing indexing, StandardImages images) {
            this.batchId = batchId;
            this.counts = counts;
            this.indexing = indexing;
            this.images = images;
        }

        void write(List<StandardRecord> batch) {
            if (batch.isEmpty()) {
                return;
            }
            Timestamp now = Timestamp.from(clock.instant());
            Supplier<List<Standard>> documents = tx.execute(status -> {
                // into an empty catalog, only this import's own records exist, and their keys are never repeated
                Map<String, StandardTable.Existing> existing = counts.logChanges ? table.existing(batch) : Map.of();
                List<StandardRecord> inserts = new ArrayList<>();
                List<StandardRecord> updates = new ArrayList<>();
                List<Long> updateIds = new ArrayList<>();
                List<String> updateOldStatus = new ArrayList<>();
                for (StandardRecord r : batch) {
                    StandardTable.Existing e = existing.get(r.designation().compactKey());
                    if (e == null) {
                        inserts.add(r);
                    } else if (!e.hash().equals(r.contentHash())) {
                        updates.add(r);
                        updateIds.add(e.id());
                        updateOldStatus.add(e.status());
                    } else {
                        counts.unchanged++;
                    }
                }
                if (inserts.isEmpty() && updates.isEmpty()) {
                    return List::of;
                }
                List<Long> insertedIds = table.insert(inserts, batchId, now);
                table.update(updates, updateIds, batchId, now);
                // standards these no longer adopt lose their titles in their documents
                awaitingAdopters.addAll(table.adoptedKeys(updateIds));
                table.deleteChildren(updateIds);
                List<Long> ids = new ArrayList<>(insertedIds);
                ids.addAll(updateIds);
                List<StandardRecord> written = new ArrayList<>(inserts);
                written.addAll(updates);
                table.insertChildren(written, ids);
                indexing.written(ids);
                if (counts.logChanges) {
                    changeLog.write(batchId, now, inserts, insertedIds, updates, updateIds, updateOldStatus);
                }
                counts.inserted += inserts.size();
                counts.updated += updates.size();
                // the adoptions written so far, this batch's included, are read for the documents of this batch
                written.forEach(r -> r.adoptions().forEach(a -> awaitingAdopters.add(a.key())));
                List<String> keys =
                        written.stream().map(r -> r.designation().compactKey()).toList();
                keys.forEach(awaitingAdopters::remove);
                Map<String, List<String>> adopters = table.adopterTitles(keys);
                Instant at = now.toInstant();
                return (Supplier<List<Standard>>) () -> {
                    List<Standard> built = new ArrayList<>(written.size());
                    for (int i = 0; i < written.size(); i++) {
                        built.add(images.of(
                                ids.get(i),
                                written.get(i),
                                batchId,
                                at,
                                adopters.getOrDefault(keys.get(i), List.of())));
                    }
                    return built;
                };
            });
            // indexed once committed: the index never holds what the database rolled back
            indexing.addOrUpdate(documents);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
