package org.stdhub.catalog.importing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a standard lacks of the fields an overlay offers ({@link OverlayField}), and filling exactly those: a
 * column that is null, classes or relations of a kind it has none of. Never overwrites; part of
 * {@link OverlapMerge}'s transaction.
 */
final class StandardGaps {

    private static final String STATUS_NAME = OverlayField.STATUS.json();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StandardGaps(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The standard as it is: what of the overlay's fields it has already. */
    record Current(
            long id,
            String designation,
            String status,
            String statusRaw,
            String publisher,
            String published,
            String implemented,
            String committee,
            boolean hasIcs,
            boolean hasCcs,
            boolean hasReplaces,
            boolean hasReplacedBy) {}

    /** The standard of this compact key as it is, or null. */
    Current current(String key) {
        List<Current> found = jdbc.query(
                "select s.id, s.designation, s.status, s.status_raw, s.publisher, s.published, s.implemented,"
                        + " s.committee,"
                        + " exists (select 1 from standard_ics i where i.standard_id = s.id),"
                        + " exists (select 1 from standard_ccs c where c.standard_id = s.id),"
                        + " exists (select 1 from standard_relation r where r.standard_id = s.id"
                        + " and r.kind = 'REPLACES'),"
                        + " exists (select 1 from standard_relation r where r.standard_id = s.id"
                        + " and r.kind = 'REPLACED_BY')"
                        + " from standard s where s.designation_key = ?",
                (rs, n) -> new Current(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBoolean(9),
                        rs.getBoolean(10),
                        rs.getBoolean(11),
                        rs.getBoolean(12)),
                key);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Fills the fields the line offers and the standard lacks; returns their names in {@link OverlayField} order. */
    List<String> fill(Current s, StandardRecord r, List<String> adds) {
        List<String> filled = new ArrayList<>();
        for (OverlayField field : OverlayField.values()) {
            if (!adds.contains(field.json())) {
                continue;
            }
            boolean done = switch (field) {
                // a status comes with its words as the source wrote them ("作废"), kept together
                case STATUS ->
                    s.status() == null
                            && r.status() != null
                            && jdbc.update(
                                            "update standard set status = ?, status_raw = ? where id = ?",
                                            r.status(),
                                            r.statusRaw() != null ? r.statusRaw() : s.statusRaw(),
                                            s.id())
                                    > 0;
                case STATUS_RAW ->
                    !filled.contains(STATUS_NAME) && fillColumn(s.id(), "status_raw", s.statusRaw(), r.statusRaw());
                case PUBLISHER -> fillColumn(s.id(), "publisher", s.publisher(), r.publisher());
                case PUBLISHED -> fillColumn(s.id(), "published", s.published(), r.published());
                case IMPLEMENTED -> fillColumn(s.id(), "implemented", s.implemented(), r.implemented());
                case TC -> fillColumn(s.id(), "committee", s.committee(), r.committee());
                case ICS -> !s.hasIcs() && insertCodes("standard_ics", s.id(), r.ics());
                case CCS -> !s.hasCcs() && insertCodes("standard_ccs", s.id(), r.ccs());
                case REPLACES -> !s.hasReplaces() && insertRelations(s.id(), "REPLACES", r.relations());
                case REPLACED_BY -> !s.hasReplacedBy() && insertRelations(s.id(), "REPLACED_BY", r.relations());
            };
            if (done) {
                filled.add(field.json());
            }
        }
        if (!filled.isEmpty()) {
            jdbc.update(
                    "update standard set updated_at = ?, version = version + 1 where id = ?",
                    Timestamp.from(clock.instant()),
                    s.id());
        }
        return filled;
    }

    private boolean fillColumn(long id, String column, String present, String offered) {
        if (present != null || offered == null) {
            return false;
        }
        // the column name comes from the fixed switch above, never from input
        return jdbc.update(
                        "update standard set " + column + " = ? where id = ? and " + column + " is null", offered, id)
                > 0;
    }

    private boolean insertCodes(String table, long id, List<String> codes) {
        if (codes.isEmpty()) {
            return false;
        }
        jdbc.batchUpdate(
                "insert into " + table + " (standard_id, code) values (?, ?)", codes, codes.size(), (ps, code) -> {
                    ps.setLong(1, id);
                    ps.setString(2, code);
                });
        return true;
    }

    private boolean insertRelations(long id, String kind, List<StandardRecord.Relation> relations) {
        List<StandardRecord.Relation> replaces =
                relations.stream().filter(r -> r.kind().equals(kind)).toList();
        if (replaces.isEmpty()) {
            return false;
        }
        jdbc.batchUpdate(
                "insert into standard_relation (standard_id, kind, target_designation, target_key) values (?, ?, ?, ?)",
                replaces,
                replaces.size(),
                (ps, r) -> {
                    ps.setLong(1, id);
                    ps.setString(2, r.kind());
                    ps.setString(3, r.targetDesignation());
                    ps.setString(4, r.targetKey());
                });
        return true;
    }

    /** Links the new relations of the changed standards; returns the standards they now point to. */
    List<Long> link(Set<Long> changed) {
        List<Long> targets = new ArrayList<>();
        List<Long> ids = new ArrayList<>(changed);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            String in = String.join(",", Collections.nCopies(slice.size(), "?"));
            jdbc.update(
                    "update standard_relation set target_id = (select s.id from standard s"
                            + " where s.designation_key = standard_relation.target_key)"
                            + " where target_id is null and standard_id in (" + in + ")",
                    slice.toArray());
            targets.addAll(jdbc.queryForList(
                    "select target_id from standard_relation where target_id is not null and standard_id in (" + in
                            + ")",
                    Long.class,
                    slice.toArray()));
        }
        return targets;
    }
}
