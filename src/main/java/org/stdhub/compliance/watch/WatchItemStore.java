package org.stdhub.compliance.watch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The items of watchlists, read and written set-wise (a list saved from a check may hold 10,000 standards). */
@Component
class WatchItemStore {

    private final JdbcTemplate jdbc;

    WatchItemStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<WatchItem> of(long watchlistId) {
        return jdbc.query(
                "select id, kind, item_value, work_key, created_at from watch_item where watchlist_id = ?"
                        + " order by kind, item_value",
                WatchItemStore::item,
                watchlistId);
    }

    Optional<WatchItem> find(long watchlistId, long itemId) {
        return jdbc
                .query(
                        "select id, kind, item_value, work_key, created_at from watch_item where watchlist_id = ? and id = ?",
                        WatchItemStore::item,
                        watchlistId,
                        itemId)
                .stream()
                .findFirst();
    }

    /**
     * An item from its row ({@code id, kind, item_value, work_key, created_at}). By hand rather than through record
     * mapping: PostgreSQL's driver cannot read a timestamp as an {@code Instant}.
     */
    private static WatchItem item(ResultSet rs, int row) throws SQLException {
        return new WatchItem(
                rs.getLong(1),
                WatchItemKind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    int count(long watchlistId) {
        Integer n = jdbc.queryForObject(
                "select count(*) from watch_item where watchlist_id = ?", Integer.class, watchlistId);
        return n == null ? 0 : n;
    }

    /** Adds the items that are not on the list yet; returns how many were added. */
    int add(long watchlistId, Collection<WatchItem.Normalized> items, Instant now) {
        if (items.isEmpty()) {
            return 0;
        }
        Timestamp at = Timestamp.from(now);
        int added = 0;
        List<WatchItem.Normalized> list = new ArrayList<>(items);
        for (int from = 0; from < list.size(); from += 1000) {
            int[][] counts = jdbc.batchUpdate(
                    "insert into watch_item (watchlist_id, kind, item_value, work_key, created_at) values (?, ?, ?, ?, ?)"
                            + " on conflict do nothing",
                    list.subList(from, Math.min(list.size(), from + 1000)),
                    1000,
                    (ps, item) -> {
                        ps.setLong(1, watchlistId);
                        ps.setString(2, item.kind().name());
                        ps.setString(3, item.value());
                        ps.setString(4, item.workKey());
                        ps.setTimestamp(5, at);
                    });
            for (int[] batch : counts) {
                for (int c : batch) {
                    // a driver may answer SUCCESS_NO_INFO (-2) for a row it inserted
                    added += c == 0 ? 0 : 1;
                }
            }
        }
        return added;
    }

    boolean remove(long watchlistId, long itemId) {
        return jdbc.update("delete from watch_item where watchlist_id = ? and id = ?", watchlistId, itemId) > 0;
    }

    /** Items per list, and the first few standards of each (for the overview). */
    record Overview(Map<Long, Integer> counts, Map<Long, List<String>> preview) {}

    Overview overview(Collection<Long> watchlistIds, int previewSize) {
        Map<Long, Integer> counts = new HashMap<>();
        Map<Long, List<String>> preview = new HashMap<>();
        if (watchlistIds.isEmpty()) {
            return new Overview(counts, preview);
        }
        String marks = String.join(",", Collections.nCopies(watchlistIds.size(), "?"));
        Object[] ids = watchlistIds.toArray();
        jdbc.query(
                "select watchlist_id, count(*) from watch_item where watchlist_id in (" + marks
                        + ") group by watchlist_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                },
                ids);
        Object[] params = new Object[ids.length + 1];
        System.arraycopy(ids, 0, params, 0, ids.length);
        params[ids.length] = previewSize;
        jdbc.query(
                "select watchlist_id, item_value from (select watchlist_id, item_value, id,"
                        + " row_number() over (partition by watchlist_id order by id) as position from watch_item"
                        + " where watchlist_id in (" + marks + ")) x where position <= ? order by watchlist_id, id",
                rs -> {
                    preview.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(previewSize))
                            .add(rs.getString(2));
                },
                params);
        return new Overview(counts, preview);
    }
}
