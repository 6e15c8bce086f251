package org.stdhub.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.stdhub.platform.StateChanged;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit tables through plain JDBC. Rows are only ever inserted: there is deliberately no method that
 * updates or deletes an entry (the one row of {@code audit_head}, the end of the chain, moves forward).
 */
@Component
class AuditStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, StateChanged.Change>> CHANGES = new TypeReference<>() {};
    private static final String COLUMNS =
            "seq, occurred_at, actor, address, object_type, object_id, action, changes, comment, prev_hash, hash";

    /** The columns of {@link Head}, named as its components. */
    private static final String HEAD = "last_seq as lastSeq, last_hash as lastHash";

    /** The end of the chain: the last sequence number given out and the hash of that entry. */
    record Head(long lastSeq, String lastHash) {}

    /** An entry as stored, with its changes still as the JSON text that was hashed. */
    record Row(
            long seq,
            Instant occurredAt,
            String actor,
            String address,
            String objectType,
            String objectId,
            String action,
            String changes,
            String comment,
            String prevHash,
            String hash) {

        String recomputedHash() {
            return ChainHash.of(
                    prevHash, seq, occurredAt, actor, address, objectType, objectId, action, changes, comment);
        }

        AuditEntry toEntry() {
            return new AuditEntry(
                    seq,
                    occurredAt,
                    actor,
                    address,
                    objectType,
                    objectId,
                    action,
                    parseChanges(changes),
                    comment,
                    prevHash,
                    hash);
        }
    }

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final JdbcTemplate streaming;

    AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        // PostgreSQL streams with a fetch size only inside a transaction (callers are @Transactional)
        this.streaming.setFetchSize(1_000);
    }

    /**
     * Appends one entry at the end of the chain. Locks the head row until the surrounding transaction
     * ends, so concurrent appends queue up and the chain stays one line; a rollback takes the entry and
     * the head's advance back together, which keeps the sequence gapless.
     */
    AuditEntry append(StateChanged event, String actor, String address, Instant occurredAt) {
        Head head = sql.sql("select " + HEAD + " from audit_head where id = 1 for update")
                .query(Head.class)
                .single();
        long seq = head.lastSeq() + 1;
        Row row = new Row(
                seq,
                occurredAt,
                actor,
                address,
                event.objectType(),
                event.objectId(),
                event.action(),
                changesJson(event.changes()),
                event.comment(),
                head.lastHash(),
                null);
        String hash = row.recomputedHash();
        jdbc.update(
                "insert into audit_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq,
                OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC),
                actor,
                address,
                row.objectType(),
                row.objectId(),
                row.action(),
                row.changes(),
                row.comment(),
                row.prevHash(),
                hash);
        jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
        return new Row(
                        seq,
                        occurredAt,
                        actor,
                        address,
                        row.objectType(),
                        row.objectId(),
                        row.action(),
                        row.changes(),
                        row.comment(),
                        row.prevHash(),
                        hash)
                .toEntry();
    }

    Head head() {
        return sql.sql("select " + HEAD + " from audit_head where id = 1")
                .query(Head.class)
                .single();
    }

    /** Every entry in chain order, read in chunks (the whole table never sits in memory). */
    <T> T streamChain(ResultSetExtractor<T> extractor) {
        return streaming.query("select " + COLUMNS + " from audit_event order by seq", extractor);
    }

    List<AuditEntry> ofObject(String objectType, String objectId, String action) {
        List<Object> args = new ArrayList<>(List.of(objectType, objectId));
        String sql = "select " + COLUMNS + " from audit_event where object_type = ? and object_id = ?";
        if (action != null && !action.isBlank()) {
            sql += " and action = ?";
            args.add(action);
        }
        return jdbc.query(sql + " order by seq desc", (rs, i) -> row(rs).toEntry(), args.toArray());
    }

    /** The object's entries oldest first, one at a time (for exports). */
    void forEachOfObject(String objectType, String objectId, String action, Consumer<Row> each) {
        List<Object> args = new ArrayList<>(List.of(objectType, objectId));
        String sql = "select " + COLUMNS + " from audit_event where object_type = ? and object_id = ?";
        if (action != null && !action.isBlank()) {
            sql += " and action = ?";
            args.add(action);
        }
        streaming.query(
                sql + " order by seq",
                rs -> {
                    each.accept(row(rs));
                },
                args.toArray());
    }

    AuditPage page(AuditFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        criterion(where, args, "object_type", filter.objectType());
        criterion(where, args, "object_id", filter.objectId());
        criterion(where, args, "actor", filter.actor());
        criterion(where, args, "action", filter.action());
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<AuditEntry> items = jdbc.query(
                "select " + COLUMNS + " from audit_event" + where + " order by seq desc limit ? offset ?",
                (rs, i) -> row(rs).toEntry(),
                pageArgs.toArray());
        return new AuditPage(items, total == null ? 0 : total, page, size);
    }

    private static void criterion(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    /**
     * An entry from its row, by column name. By hand rather than through record mapping: PostgreSQL's driver cannot
     * read a timestamp as an {@code Instant}.
     */
    static Row row(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
        return new Row(
                rs.getLong("seq"),
                at == null ? null : at.toInstant(),
                rs.getString("actor"),
                rs.getString("address"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                rs.getString("action"),
                rs.getString("changes"),
                rs.getString("comment"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    /** Field → {"before", "after"}, fields in sorted order, so the same change always reads the same. */
    static String changesJson(Map<String, StateChanged.Change> changes) {
        return JSON.writeValueAsString(new TreeMap<>(changes));
    }

    static Map<String, StateChanged.Change> parseChanges(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, CHANGES);
        } catch (RuntimeException e) {
            // a tampered row must still be displayable (verification names it); show nothing rather than fail
            return Map.of();
        }
    }
}
