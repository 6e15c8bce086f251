package org.stdhub.catalog.importing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.stdhub.platform.DatabaseProduct;

/**
 * The {@code standard} table and its child rows (ICS, CCS, relations, adoptions) as an import writes them: what
 * is there already by canonical designation, batched inserts and updates, child rows replaced whole.
 */
@Component
class StandardTable {

    /** A standard already in the table: its id, the digest of what it said, its status. */
    record Existing(long id, String hash, String status) {}

    private final JdbcTemplate jdbc;
    private final DatabaseProduct database;

    StandardTable(JdbcTemplate jdbc, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** Imports this large refresh the planner's statistics (PostgreSQL) when they end. */
    static final long ANALYZE_AFTER = 10_000;

    /**
     * After a large import on PostgreSQL: fresh planner statistics of the tables it filled. Taken while they were
     * nearly empty (a first start), they make PostgreSQL choose whole-table plans for the pages' lookups until
     * autovacuum comes round, or never where it is off (measured under the load test: 25–100 ms per replacement-chain
     * walk instead of ~0.1 ms). Nothing on H2, which plans from its own row counts.
     */
    void analyze() {
        if (database.postgres()) {
            jdbc.execute("analyze standard, standard_relation, standard_adoption, standard_ics, standard_ccs,"
                    + " standard_change, standard_source");
        }
    }

    /** The standards of {@code batch} already in the table, by compact designation key. */
    Map<String, Existing> existing(List<StandardRecord> batch) {
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

    /** Inserts the records and returns their new ids, in order. */
    List<Long> insert(List<StandardRecord> records, long batchId, Timestamp now) {
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

    void update(List<StandardRecord> records, List<Long> ids, long batchId, Timestamp now) {
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

    /** Deletes the child rows of these standards (before writing them anew). */
    void deleteChildren(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        for (String table : List.of("standard_ics", "standard_ccs", "standard_relation", "standard_adoption")) {
            jdbc.batchUpdate(
                    "delete from " + table + " where standard_id = ?", ids, 500, (ps, id) -> ps.setLong(1, id));
        }
    }

    private record Child(long standardId, String a, String b, String c) {}

    /**
     * The Chinese titles of the standards that adopt the standards with these keys (for their index documents), by
     * adopted key: joined on the key, so adoptions written before the adopted standard count too.
     */
    Map<String, List<String>> adopterTitles(Collection<String> keys) {
        Map<String, List<String>> titles = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + 500));
            String in = String.join(",", Collections.nCopies(slice.size(), "?"));
            jdbc.query(
                    "select a.international_key, s.title_zh from standard_adoption a join standard s on s.id = a.standard_id"
                            + " where s.title_zh is not null and a.international_key in (" + in + ") order by a.id",
                    rs -> {
                        titles.computeIfAbsent(rs.getString(1), k -> new ArrayList<>(1))
                                .add(rs.getString(2));
                    },
                    slice.toArray());
        }
        return titles;
    }

    /** The ids of the standards with these keys (those in the catalog). */
    List<Long> ids(Collection<String> keys) {
        List<Long> ids = new ArrayList<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + 500));
            String in = String.join(",", Collections.nCopies(slice.size(), "?"));
            ids.addAll(jdbc.queryForList(
                    "select id from standard where designation_key in (" + in + ")", Long.class, slice.toArray()));
        }
        return ids;
    }

    /** The keys of the international standards these standards adopt now (before their child rows are replaced). */
    List<String> adoptedKeys(List<Long> ids) {
        List<String> keys = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            String in = String.join(",", Collections.nCopies(slice.size(), "?"));
            keys.addAll(jdbc.queryForList(
                    "select international_key from standard_adoption where standard_id in (" + in + ")",
                    String.class,
                    slice.toArray()));
        }
        return keys;
    }

    /**
     * Writes the child rows of these standards. A relation or adoption whose other end is in the catalog already is
     * linked as it is written (the rest by {@link RelationLinker} once the whole import is in).
     */
    void insertChildren(List<StandardRecord> records, List<Long> ids) {
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
                "insert into standard_relation (standard_id, kind, target_designation, target_key, target_id)"
                        + " values (?, ?, ?, ?, (select t.id from standard t where t.designation_key = ?))",
                relations,
                1000,
                (ps, c) -> {
                    ps.setLong(1, c.standardId());
                    ps.setString(2, c.a());
                    ps.setString(3, c.b());
                    ps.setString(4, c.c());
                    ps.setString(5, c.c());
                });
        jdbc.batchUpdate(
                "insert into standard_adoption (standard_id, international_designation, international_key, degree,"
                        + " international_id) values (?, ?, ?, ?, (select t.id from standard t where t.designation_key = ?))",
                adoptions,
                1000,
                (ps, c) -> {
                    ps.setLong(1, c.standardId());
                    ps.setString(2, c.a());
                    ps.setString(3, c.b());
                    ps.setString(4, c.c());
                    ps.setString(5, c.b());
                });
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
