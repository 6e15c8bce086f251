package org.stdhub.catalog.importing;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.search.CatalogIndexer;
import org.stdhub.platform.StateChanged;

/**
 * Streams JSON Lines of standards into the catalog: validates each line, upserts by canonical
 * designation in batches (each batch one transaction), links relations and adoptions whose other end
 * is known, and brings the search index up to date. Re-running an import changes nothing.
 */
@Service
public class StandardImporter {

    private static final Logger log = LoggerFactory.getLogger(StandardImporter.class);
    private static final int BATCH_SIZE = 1000;
    private static final int MAX_PROBLEMS_KEPT = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CatalogIndexer indexer;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StandardImporter(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            CatalogIndexer indexer,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.indexer = indexer;
        this.clock = clock;
        this.events = events;
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

    /** Imports several streams as one job: one index update and one relation linking at the end. */
    public ImportReport importStreams(List<Source> sources) throws IOException {
        Instant started = clock.instant();
        String sourceName = String.join(", ", sources.stream().map(Source::name).toList());
        long batchId = startBatch(sourceName, started);
        Counts counts = new Counts();
        counts.logChanges =
                Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from standard", Boolean.class));
        List<ImportReport.Problem> problems = new ArrayList<>();
        Set<Long> changedIds = new HashSet<>();
        Map<String, String> seenKeys = new HashMap<>();
        StandardRecordReader reader = new StandardRecordReader();
        Progress progress =
                new Progress(sources.stream().mapToLong(Source::size).sum());

        for (Source source : sources) {
            CountingInputStream counting = new CountingInputStream(source.in());
            InputStream in = source.name().endsWith(".gz") ? new GZIPInputStream(counting, 65536) : counting;
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
                    var problem = new ImportReport.Problem(source.name(), lineNumber, e.designation(), e.getMessage());
                    if (problems.size() < MAX_PROBLEMS_KEPT) {
                        problems.add(problem);
                    }
                    log.warn("import: rejected {}", problem);
                }
                if (batch.size() == BATCH_SIZE) {
                    writeBatch(batch, batchId, counts, changedIds);
                    batch.clear();
                    progress.report(counts.read, progress.done + counting.count());
                }
            }
            writeBatch(batch, batchId, counts, changedIds);
            progress.done += counting.count();
        }
        Set<Long> affected = tx.execute(status -> linkRelations(changedIds));
        finishBatch(batchId, sourceName, counts, problems);
        if (counts.logChanges && (counts.inserted > 0 || counts.updated > 0)) {
            tx.executeWithoutResult(status -> events.publishEvent(
                    new org.stdhub.catalog.CatalogUpdated(batchId, counts.inserted, counts.updated)));
        }
        indexer.reindex(affected);
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

    private final class Progress {
        final long totalBytes;
        final long startNanos = System.nanoTime();
        long done;
        long lastReport = System.nanoTime();

        Progress(long totalBytes) {
            this.totalBytes = totalBytes;
        }

        void report(int records, long bytes) {
            long now = System.nanoTime();
            if (now - lastReport < 5_000_000_000L) {
                return;
            }
            lastReport = now;
            double seconds = (now - startNanos) / 1e9;
            double rate = records / seconds;
            String eta =
                    totalBytes > 0 && bytes > 0 ? Math.round(seconds * (totalBytes - bytes) / bytes) + " s" : "unknown";
            log.info("import: {} records, {} records/s, ETA {}", records, Math.round(rate), eta);
        }
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
        });
    }

    private record Existing(long id, String hash, String status) {}

    private void writeBatch(List<StandardRecord> batch, long batchId, Counts counts, Set<Long> changedIds) {
        if (batch.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            Map<String, Existing> existing = existing(batch);
            List<StandardRecord> inserts = new ArrayList<>();
            List<StandardRecord> updates = new ArrayList<>();
            List<Long> updateIds = new ArrayList<>();
            List<String> updateOldStatus = new ArrayList<>();
            for (StandardRecord r : batch) {
                Existing e = existing.get(r.designation().compactKey());
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
            Timestamp now = Timestamp.from(clock.instant());
            List<Long> insertedIds = insert(inserts, batchId, now);
            update(updates, updateIds, batchId, now);
            deleteChildren(updateIds);
            List<Long> ids = new ArrayList<>(insertedIds);
            ids.addAll(updateIds);
            List<StandardRecord> written = new ArrayList<>(inserts);
            written.addAll(updates);
            insertChildren(written, ids);
            if (counts.logChanges) {
                logChanges(batchId, now, inserts, insertedIds, updates, updateIds, updateOldStatus);
            }
            counts.inserted += inserts.size();
            counts.updated += updates.size();
            changedIds.addAll(ids);
        });
    }

    private Map<String, Existing> existing(List<StandardRecord> batch) {
        Map<String, Existing> map = new HashMap<>();
        List<String> keys =
                batch.stream().map(r -> r.designation().compactKey()).toList();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> slice = keys.subList(from, Math.min(keys.size(), from + 500));
            String in = String.join(",", Collections.nCopies(slice.size(), "?"));
            jdbc.query(
                    "select id, designation_key, content_hash, status from standard where designation_key in (" + in
                            + ")",
                    rs -> {
                        map.put(rs.getString(2), new Existing(rs.getLong(1), rs.getString(3), rs.getString(4)));
                    },
                    slice.toArray());
        }
        return map;
    }

    private static final String COLUMNS = "designation, designation_key, work_key, body, prefix, kind, doc_number,"
            + " doc_part, doc_year, doc_type, publisher, title_zh, title_en, status, status_raw, published,"
            + " implemented, implemented_note, withdrawn, committee, category, source, import_batch_id, content_hash, updated_at";

    private int bind(PreparedStatement ps, StandardRecord r, long batchId, Timestamp now) throws SQLException {
        var d = r.designation();
        int i = 1;
        ps.setString(i++, d.normalized());
        ps.setString(i++, d.compactKey());
        ps.setString(i++, d.compactWorkKey());
        ps.setString(i++, truncate(d.body(), 60));
        ps.setString(i++, truncate(d.prefix(), 60));
        ps.setString(i++, d.kind().code());
        ps.setString(i++, d.number());
        ps.setString(i++, d.part());
        ps.setString(i++, d.year());
        ps.setString(i++, r.docType() != null ? r.docType() : d.type());
        ps.setString(i++, r.publisher());
        ps.setString(i++, r.titleZh());
        ps.setString(i++, r.titleEn());
        ps.setString(i++, r.status());
        ps.setString(i++, r.statusRaw());
        ps.setString(i++, r.published());
        ps.setString(i++, r.implemented());
        ps.setString(i++, r.implementedNote());
        ps.setString(i++, r.withdrawn());
        ps.setString(i++, r.committee());
        ps.setString(i++, r.category());
        ps.setString(i++, r.source());
        ps.setLong(i++, batchId);
        ps.setString(i++, r.contentHash());
        ps.setTimestamp(i++, now);
        return i;
    }

    private List<Long> insert(List<StandardRecord> records, long batchId, Timestamp now) {
        if (records.isEmpty()) {
            return List.of();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(
                con -> con.prepareStatement(
                        "insert into standard (" + COLUMNS + ", created_at, version) values (" + "?, ".repeat(25)
                                + "?, 0)",
                        new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        int next = bind(ps, records.get(i), batchId, now);
                        ps.setTimestamp(next, now);
                    }

                    @Override
                    public int getBatchSize() {
                        return records.size();
                    }
                },
                keys);
        List<Long> ids = new ArrayList<>(records.size());
        for (Map<String, Object> row : keys.getKeyList()) {
            Object id = row.values().iterator().next();
            ids.add(((Number) id).longValue());
        }
        if (ids.size() != records.size()) {
            throw new IllegalStateException(
                    "database returned " + ids.size() + " keys for " + records.size() + " rows");
        }
        return ids;
    }

    private void update(List<StandardRecord> records, List<Long> ids, long batchId, Timestamp now) {
        if (records.isEmpty()) {
            return;
        }
        String set = Arrays.stream(COLUMNS.split(","))
                .map(String::strip)
                .map(c -> c + " = ?")
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        jdbc.batchUpdate(
                "update standard set " + set + ", version = version + 1 where id = ?",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        int next = bind(ps, records.get(i), batchId, now);
                        ps.setLong(next, ids.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return records.size();
                    }
                });
    }

    /** Writes what this batch changed into the catalog's change log (read by watchlist alerts). */
    private void logChanges(
            long batchId,
            Timestamp now,
            List<StandardRecord> inserts,
            List<Long> insertedIds,
            List<StandardRecord> updates,
            List<Long> updateIds,
            List<String> oldStatus) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < inserts.size(); i++) {
            StandardRecord r = inserts.get(i);
            rows.add(new Object[] {
                batchId, insertedIds.get(i), r.designation().normalized(), "NEW", null, r.status(), now
            });
        }
        for (int i = 0; i < updates.size(); i++) {
            StandardRecord r = updates.get(i);
            boolean statusChanged = !java.util.Objects.equals(oldStatus.get(i), r.status());
            rows.add(new Object[] {
                batchId,
                updateIds.get(i),
                r.designation().normalized(),
                statusChanged ? "STATUS" : "UPDATED",
                oldStatus.get(i),
                r.status(),
                now
            });
        }
        jdbc.batchUpdate(
                "insert into standard_change (batch_id, standard_id, designation, kind, status_before, status_after,"
                        + " changed_at) values (?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    private void deleteChildren(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        for (String table : List.of("standard_ics", "standard_ccs", "standard_relation", "standard_adoption")) {
            jdbc.batchUpdate(
                    "delete from " + table + " where standard_id = ?", ids, 500, (ps, id) -> ps.setLong(1, id));
        }
    }

    private record Child(long standardId, String a, String b, String c) {}

    private void insertChildren(List<StandardRecord> records, List<Long> ids) {
        List<Child> ics = new ArrayList<>();
        List<Child> ccs = new ArrayList<>();
        List<Child> relations = new ArrayList<>();
        List<Child> adoptions = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            StandardRecord r = records.get(i);
            long id = ids.get(i);
            r.ics().forEach(code -> ics.add(new Child(id, code, null, null)));
            r.ccs().forEach(code -> ccs.add(new Child(id, code, null, null)));
            r.relations()
                    .forEach(rel -> relations.add(new Child(id, rel.kind(), rel.targetDesignation(), rel.targetKey())));
            r.adoptions().forEach(a -> adoptions.add(new Child(id, a.designation(), a.key(), a.degree())));
        }
        jdbc.batchUpdate("insert into standard_ics (standard_id, code) values (?, ?)", ics, 1000, (ps, c) -> {
            ps.setLong(1, c.standardId());
            ps.setString(2, c.a());
        });
        jdbc.batchUpdate("insert into standard_ccs (standard_id, code) values (?, ?)", ccs, 1000, (ps, c) -> {
            ps.setLong(1, c.standardId());
            ps.setString(2, c.a());
        });
        jdbc.batchUpdate(
                "insert into standard_relation (standard_id, kind, target_designation, target_key) values (?, ?, ?, ?)",
                relations,
                1000,
                (ps, c) -> {
                    ps.setLong(1, c.standardId());
                    ps.setString(2, c.a());
                    ps.setString(3, c.b());
                    ps.setString(4, c.c());
                });
        jdbc.batchUpdate(
                "insert into standard_adoption (standard_id, international_designation, international_key, degree)"
                        + " values (?, ?, ?, ?)",
                adoptions,
                1000,
                (ps, c) -> {
                    ps.setLong(1, c.standardId());
                    ps.setString(2, c.a());
                    ps.setString(3, c.b());
                    ps.setString(4, c.c());
                });
    }

    /**
     * Links relations and adoptions whose other end is now in the catalog, and returns the standards whose
     * index documents must be refreshed: the changed ones and the international standards they adopt.
     */
    private Set<Long> linkRelations(Set<Long> changedIds) {
        if (changedIds.isEmpty()) {
            return Set.of();
        }
        jdbc.update("update standard_relation set target_id = (select s.id from standard s"
                + " where s.designation_key = standard_relation.target_key)"
                + " where target_id is null and exists (select 1 from standard s"
                + " where s.designation_key = standard_relation.target_key)");
        List<Long> newlyAdopted = jdbc.queryForList(
                "select s.id from standard_adoption a join standard s on s.designation_key = a.international_key"
                        + " where a.international_id is null",
                Long.class);
        jdbc.update("update standard_adoption set international_id = (select s.id from standard s"
                + " where s.designation_key = standard_adoption.international_key)"
                + " where international_id is null and exists (select 1 from standard s"
                + " where s.designation_key = standard_adoption.international_key)");
        Set<Long> affected = new HashSet<>(changedIds);
        affected.addAll(newlyAdopted);
        List<Long> changed = new ArrayList<>(changedIds);
        for (int from = 0; from < changed.size(); from += 500) {
            List<Long> slice = changed.subList(from, Math.min(changed.size(), from + 500));
            String in = String.join(",", Collections.nCopies(slice.size(), "?"));
            affected.addAll(jdbc.queryForList(
                    "select international_id from standard_adoption where international_id is not null"
                            + " and standard_id in (" + in + ")",
                    Long.class,
                    slice.toArray()));
        }
        return affected;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Counts the compressed bytes read, for the progress estimate. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
