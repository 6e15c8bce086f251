package org.stdhub.catalog.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.ImportJobView;
import org.stdhub.catalog.ImportJobView.Change;
import org.stdhub.catalog.ImportJobView.FieldChange;
import org.stdhub.catalog.ImportJobView.RefusedLine;

/**
 * A dry run of an import: reads the file as {@link StandardImporter} does (same validation, same refusals, same
 * counting) and compares each record with the catalog, changing nothing. Lists the new standards, status changes,
 * withdrawals with their replacements, changed titles and dates, and the replacement links the import adds.
 */
@Component
class ImportPreviewer {

    private static final int BATCH = 1000;
    private static final int MAX_REFUSED_LISTED = 1000;

    private final JdbcTemplate jdbc;

    ImportPreviewer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the catalog holds of a standard that a preview compares. */
    private record Current(
            long id,
            String hash,
            String status,
            String titleZh,
            String titleEn,
            String published,
            String implemented,
            String withdrawn,
            Set<String> replacementLinks) {}

    /** Previews {@code raw} (gzip-compressed when {@code gzip}); refused lines name the file {@code name}. */
    ImportJobView.Preview preview(InputStream raw, boolean gzip, String name) throws IOException {
        InputStream in = gzip ? new GZIPInputStream(raw, 65536) : raw;
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        StandardRecordReader reader = new StandardRecordReader();
        Map<String, String> seenKeys = new HashMap<>();
        Tally tally = new Tally();
        List<StandardRecord> batch = new ArrayList<>(BATCH);
        String line;
        int lineNumber = 0;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            tally.read++;
            try {
                StandardRecord record = reader.read(line);
                String key = record.designation().compactKey();
                String firstSeen = seenKeys.putIfAbsent(key, name + ":" + lineNumber);
                if (firstSeen != null) {
                    throw new StandardRecordReader.InvalidRecordException(
                            record.designation().normalized(),
                            "same standard as " + firstSeen + " ("
                                    + record.designation().normalized() + ")");
                }
                batch.add(record);
            } catch (StandardRecordReader.InvalidRecordException e) {
                tally.refused++;
                if (tally.refusedLines.size() < MAX_REFUSED_LISTED) {
                    tally.refusedLines.add(new RefusedLine(name, lineNumber, e.designation(), e.getMessage()));
                }
            }
            if (batch.size() == BATCH) {
                compare(batch, tally);
                batch.clear();
            }
        }
        compare(batch, tally);
        return new ImportJobView.Preview(
                tally.read,
                tally.inserted,
                tally.updated,
                tally.unchanged,
                tally.refused,
                tally.statusChanges,
                tally.withdrawals,
                tally.newLinks,
                List.copyOf(tally.changes),
                tally.notListed,
                List.copyOf(tally.refusedLines));
    }

    private static final class Tally {
        int read;
        int inserted;
        int updated;
        int unchanged;
        int refused;
        int statusChanges;
        int withdrawals;
        int newLinks;
        int notListed;
        final List<Change> changes = new ArrayList<>();
        final List<RefusedLine> refusedLines = new ArrayList<>();

        void add(Change change) {
            if (changes.size() < ImportJobView.MAX_CHANGES_LISTED) {
                changes.add(change);
            } else {
                notListed++;
            }
        }
    }

    private void compare(List<StandardRecord> batch, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Current> current = current(batch);
        for (StandardRecord r : batch) {
            Current c = current.get(r.designation().compactKey());
            List<String> links = replacementLinks(r);
            if (c == null) {
                tally.inserted++;
                tally.newLinks += links.size();
                List<FieldChange> fields = new ArrayList<>();
                field(fields, "title_zh", null, r.titleZh());
                field(fields, "status", null, r.status());
                field(fields, "published", null, r.published());
                field(fields, "implemented", null, r.implemented());
                field(fields, "withdrawn", null, r.withdrawn());
                tally.add(new Change(r.designation().normalized(), "NEW", fields, replacedBy(r), links));
                continue;
            }
            if (c.hash().equals(r.contentHash())) {
                tally.unchanged++;
                continue;
            }
            tally.updated++;
            List<String> newLinks = new ArrayList<>();
            for (String link : links) {
                if (!c.replacementLinks().contains(link)) {
                    newLinks.add(link);
                }
            }
            tally.newLinks += newLinks.size();
            List<FieldChange> fields = new ArrayList<>();
            field(fields, "status", c.status(), r.status());
            field(fields, "title_zh", c.titleZh(), r.titleZh());
            field(fields, "title_en", c.titleEn(), r.titleEn());
            field(fields, "published", c.published(), r.published());
            field(fields, "implemented", c.implemented(), r.implemented());
            field(fields, "withdrawn", c.withdrawn(), r.withdrawn());
            String kind;
            if (!Objects.equals(c.status(), r.status())) {
                tally.statusChanges++;
                kind = "withdrawn".equals(r.status()) ? "WITHDRAWN" : "STATUS";
                if (kind.equals("WITHDRAWN")) {
                    tally.withdrawals++;
                }
            } else {
                kind = "UPDATED";
            }
            tally.add(new Change(r.designation().normalized(), kind, fields, replacedBy(r), newLinks));
        }
    }

    private static void field(List<FieldChange> fields, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            fields.add(new FieldChange(name, before, after));
        }
    }

    private static List<String> replacedBy(StandardRecord r) {
        return r.relations().stream()
                .filter(rel -> rel.kind().equals("REPLACED_BY"))
                .map(StandardRecord.Relation::targetDesignation)
                .toList();
    }

    /** "REPLACES GB/T 1-2010", "REPLACED_BY GB/T 1-2020": the replacement relations a record states. */
    private static List<String> replacementLinks(StandardRecord r) {
        Set<String> links = new LinkedHashSet<>();
        for (StandardRecord.Relation rel : r.relations()) {
            if (rel.kind().equals("REPLACES") || rel.kind().equals("REPLACED_BY")) {
                links.add(rel.kind() + " " + rel.targetDesignation());
            }
        }
        return List.copyOf(links);
    }

    private Map<String, Current> current(List<StandardRecord> batch) {
        Map<String, Current> map = new HashMap<>();
        Map<Long, String> keyOfId = new HashMap<>();
        List<String> keys =
                batch.stream().map(r -> r.designation().compactKey()).toList();
        Map<String, Object[]> rows = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> slice = keys.subList(from, Math.min(keys.size(), from + 500));
            String in = String.join(",", Collections.nCopies(slice.size(), "?"));
            jdbc.query(
                    "select id, designation_key, content_hash, status, title_zh, title_en, published, implemented,"
                            + " withdrawn from standard where designation_key in (" + in + ")",
                    rs -> {
                        rows.put(rs.getString(2), new Object[] {
                            rs.getLong(1),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9)
                        });
                        keyOfId.put(rs.getLong(1), rs.getString(2));
                    },
                    slice.toArray());
        }
        Map<Long, Set<String>> links = new HashMap<>();
        List<Long> ids = new ArrayList<>(keyOfId.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            String in = String.join(",", Collections.nCopies(slice.size(), "?"));
            jdbc.query(
                    "select standard_id, kind, target_designation from standard_relation where kind in"
                            + " ('REPLACES', 'REPLACED_BY') and standard_id in (" + in + ")",
                    rs -> {
                        links.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                                .add(rs.getString(2) + " " + rs.getString(3));
                    },
                    slice.toArray());
        }
        rows.forEach((key, v) -> map.put(
                key,
                new Current(
                        (Long) v[0],
                        (String) v[1],
                        (String) v[2],
                        (String) v[3],
                        (String) v[4],
                        (String) v[5],
                        (String) v[6],
                        (String) v[7],
                        links.getOrDefault((Long) v[0], Set.of()))));
        return map;
    }
}
