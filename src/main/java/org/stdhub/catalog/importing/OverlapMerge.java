package org.stdhub.catalog.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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
import org.stdhub.catalog.search.CatalogIndexer;
import org.stdhub.platform.StateChanged;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merges an overlay file into standards already in the catalog: each line is a record of the shipped format that
 * also names {@code adds}, the fields another source has and the catalog's record lacks (seed/SOURCES.md,
 * overlaps). A field is filled only where the standard has nothing yet, never overwritten; which fields came from
 * which source is kept in {@code standard_source}, next to the standard's own source. Idempotent: a second run
 * finds every field present and changes nothing.
 *
 * <p>One transaction for the whole file: the batch, the filled fields, the sources, the change log and, when
 * {@code announce}, {@link CatalogUpdated} (watchers hear of a status a standard gained like of any other status
 * change). The search index is brought up to date after the commit.
 */
@Service
public class OverlapMerge {

    private static final Logger log = LoggerFactory.getLogger(OverlapMerge.class);
    private static final int MAX_PROBLEMS_KEPT = 1000;
    private static final String STATUS_NAME = OverlayField.STATUS.json();

    /** One input: an overlay stream and its file name (".gz" means gzip). */
    public record Overlay(InputStream in, String name) {}

    /**
     * What a merge did.
     *
     * @param merged standards that gained at least one field
     * @param unchanged lines whose standard already had every field they offer
     * @param rejected lines refused (unreadable, no such standard, unknown field), listed in {@code problems}
     * @param fieldsAdded per field name, how many standards gained it
     */
    public record OverlayReport(
            long batchId,
            String sourceName,
            int read,
            int merged,
            int unchanged,
            int rejected,
            Map<String, Integer> fieldsAdded,
            List<ImportReport.Problem> problems,
            Duration duration) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CatalogIndexer indexer;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final StandardGaps gaps;

    OverlapMerge(
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
        this.gaps = new StandardGaps(jdbc, clock);
    }

    /**
     * Merges the overlays in one transaction.
     *
     * @param announce write the change log and publish {@link CatalogUpdated} (false only right after the first
     *     seed, when nobody can be watching yet)
     */
    public OverlayReport merge(List<Overlay> overlays, boolean announce) throws IOException {
        Instant started = clock.instant();
        List<Line> lines = new ArrayList<>();
        List<ImportReport.Problem> problems = new ArrayList<>();
        int read = readAll(overlays, lines, problems);
        String sourceName = ShippedOverlays.BATCH_PREFIX
                + String.join(", ", overlays.stream().map(Overlay::name).toList());
        Outcome outcome = tx.execute(status -> apply(sourceName, started, lines, problems, read, announce));
        Objects.requireNonNull(outcome);
        indexer.reindex(outcome.reindex());
        OverlayReport report = new OverlayReport(
                outcome.batchId(),
                sourceName,
                read,
                outcome.merged(),
                outcome.unchanged(),
                problems.size(),
                outcome.fieldsAdded(),
                List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_KEPT))),
                Duration.between(started, clock.instant()));
        log.info(
                "{}: {} read, {} standards gained fields {}, {} unchanged, {} rejected",
                sourceName,
                read,
                report.merged(),
                report.fieldsAdded(),
                report.unchanged(),
                report.rejected());
        return report;
    }

    /** A valid overlay line: the record, the fields it says it adds, where it was. */
    private record Line(StandardRecord record, List<String> adds, String overlapsFile, String file, int number) {}

    /** {@code merged} standards gained fields; {@code reindex}: they and the standards their new relations name. */
    private record Outcome(
            long batchId, int merged, Set<Long> reindex, int unchanged, Map<String, Integer> fieldsAdded) {}

    private int readAll(List<Overlay> overlays, List<Line> lines, List<ImportReport.Problem> problems)
            throws IOException {
        StandardRecordReader reader = new StandardRecordReader();
        int read = 0;
        for (Overlay overlay : overlays) {
            InputStream in = overlay.name().endsWith(".gz") ? new GZIPInputStream(overlay.in(), 65536) : overlay.in();
            BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = text.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                read++;
                try {
                    StandardRecord record = reader.read(line);
                    JsonNode node = mapper.readTree(line);
                    List<String> adds = adds(record, node.get("adds"));
                    JsonNode file = node.get("overlaps_file");
                    String overlapsFile = file == null || file.isNull() ? overlay.name() : file.asString();
                    lines.add(new Line(record, adds, overlapsFile, overlay.name(), number));
                } catch (StandardRecordReader.InvalidRecordException e) {
                    problems.add(new ImportReport.Problem(overlay.name(), number, e.designation(), e.getMessage()));
                }
            }
        }
        return read;
    }

    private static List<String> adds(StandardRecord record, JsonNode adds) {
        String id = record.designation().normalized();
        if (adds == null || adds.isNull()) {
            throw new StandardRecordReader.InvalidRecordException(
                    id, "an overlay line must name the fields it adds ('adds')");
        }
        if (!adds.isArray()) {
            throw new StandardRecordReader.InvalidRecordException(id, "'adds' must be a list of field names");
        }
        List<String> fields = new ArrayList<>();
        for (JsonNode f : adds) {
            String field = f.asString();
            if (!OverlayField.NAMES.contains(field)) {
                throw new StandardRecordReader.InvalidRecordException(
                        id, "'adds' names '" + field + "', not one of " + OverlayField.NAMES);
            }
            fields.add(field);
        }
        return fields;
    }

    private Outcome apply(
            String sourceName,
            Instant started,
            List<Line> lines,
            List<ImportReport.Problem> problems,
            int read,
            boolean announce) {
        Timestamp now = Timestamp.from(clock.instant());
        long batchId = startBatch(sourceName, started);
        Set<Long> changed = new LinkedHashSet<>();
        Map<String, Integer> fieldsAdded = new TreeMap<>();
        int unchanged = 0;
        for (Line line : lines) {
            StandardRecord r = line.record();
            StandardGaps.Current current = gaps.current(r.designation().compactKey());
            if (current == null) {
                problems.add(new ImportReport.Problem(
                        line.file(),
                        line.number(),
                        r.designation().normalized(),
                        "no standard " + r.designation().normalized() + " in the catalog to add fields to"));
                continue;
            }
            List<String> filled = gaps.fill(current, r, line.adds());
            if (filled.isEmpty()) {
                unchanged++;
                continue;
            }
            filled.forEach(f -> fieldsAdded.merge(f, 1, Integer::sum));
            recordSource(current.id(), r.source(), line.overlapsFile(), filled, batchId, now);
            if (announce) {
                boolean status = filled.contains(STATUS_NAME);
                jdbc.update(
                        "insert into standard_change (batch_id, standard_id, designation, kind, status_before,"
                                + " status_after, changed_at) values (?, ?, ?, ?, ?, ?, ?)",
                        batchId,
                        current.id(),
                        current.designation(),
                        status ? "STATUS" : "UPDATED",
                        current.status(),
                        status ? r.status() : current.status(),
                        now);
            }
            changed.add(current.id());
        }
        Set<Long> affected = new HashSet<>(changed);
        if (!changed.isEmpty()) {
            affected.addAll(gaps.link(changed));
        }
        problems.sort(java.util.Comparator.comparing(ImportReport.Problem::file)
                .thenComparingInt(ImportReport.Problem::line));
        finishBatch(batchId, sourceName, read, changed.size(), unchanged, problems, now, announce);
        problems.forEach(p -> log.warn("overlay: rejected {}", p));
        return new Outcome(batchId, changed.size(), affected, unchanged, fieldsAdded);
    }

    /** One row per standard and source; a later run that fills more fields from the same source adds them. */
    private void recordSource(
            long standardId, String source, String overlayFile, List<String> filled, long batchId, Timestamp now) {
        List<String> before = jdbc.queryForList(
                "select fields from standard_source where standard_id = ? and source = ?",
                String.class,
                standardId,
                source);
        if (before.isEmpty()) {
            jdbc.update(
                    "insert into standard_source (standard_id, source, overlay_file, fields, import_batch_id,"
                            + " merged_at) values (?, ?, ?, ?, ?, ?)",
                    standardId,
                    source,
                    truncate(overlayFile, 200),
                    String.join(",", filled),
                    batchId,
                    now);
            return;
        }
        Set<String> fields = new LinkedHashSet<>(List.of(before.getFirst().split(",")));
        fields.addAll(filled);
        jdbc.update(
                "update standard_source set fields = ?, import_batch_id = ?, merged_at = ? where standard_id = ?"
                        + " and source = ?",
                String.join(",", OverlayField.ordered(fields)),
                batchId,
                now,
                standardId,
                source);
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

    private void finishBatch(
            long batchId,
            String sourceName,
            int read,
            int merged,
            int unchanged,
            List<ImportReport.Problem> problems,
            Timestamp now,
            boolean announce) {
        events.publishEvent(StateChanged.of("import", batchId, "merged")
                .withChange("source", null, sourceName)
                .withChange("read", null, read)
                .withChange("updated", null, merged)
                .withChange("unchanged", null, unchanged)
                .withChange("rejected", null, problems.size()));
        jdbc.update(
                "update import_batch set finished_at = ?, status = 'finished', records_read = ?, inserted = 0,"
                        + " updated = ?, unchanged = ?, rejected = ? where id = ?",
                now,
                read,
                merged,
                unchanged,
                problems.size(),
                batchId);
        List<ImportReport.Problem> kept = problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_KEPT));
        jdbc.batchUpdate(
                "insert into import_problem (batch_id, line_number, designation, reason) values (?, ?, ?, ?)",
                kept,
                500,
                (ps, p) -> {
                    ps.setLong(1, batchId);
                    ps.setInt(2, p.line());
                    ps.setString(3, truncate(p.designation(), 300));
                    ps.setString(4, truncate(p.file() + ": " + p.reason(), 1000));
                });
        if (announce && merged > 0) {
            events.publishEvent(new CatalogUpdated(batchId, 0, merged));
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
