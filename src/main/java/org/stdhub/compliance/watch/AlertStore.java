package org.stdhub.compliance.watch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Alerts in the database: raised idempotently (unique dedup key per list), listed, marked read and e-mailed. */
@Component
class AlertStore {

    private static final String SEPARATOR = "\t";
    private static final String COLUMNS = "select a.id, a.watchlist_id, w.name, a.kind, a.standard_designation,"
            + " a.related_designation, a.args, a.created_at, a.read_at, a.emailed_at"
            + " from alert a join watchlist w on w.id = a.watchlist_id";

    private final JdbcTemplate jdbc;

    AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@link #raise} inserted: how many alerts, for which lists. */
    record Raised(int count, Set<Long> watchlists) {}

    /** Inserts the alerts not raised before (same list and dedup key); the others are left alone. */
    Raised raise(List<Alert.New> alerts, Instant now) {
        Set<Long> touched = new LinkedHashSet<>();
        int count = 0;
        if (alerts.isEmpty()) {
            return new Raised(0, touched);
        }
        Timestamp at = Timestamp.from(now);
        for (int from = 0; from < alerts.size(); from += 1000) {
            List<Alert.New> chunk = alerts.subList(from, Math.min(alerts.size(), from + 1000));
            int[][] counts = jdbc.batchUpdate(
                    "insert into alert (watchlist_id, dedup_key, kind, standard_designation, related_designation, args,"
                            + " created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                    chunk,
                    1000,
                    (ps, a) -> {
                        ps.setLong(1, a.watchlistId());
                        ps.setString(2, a.dedupKey());
                        ps.setString(3, a.kind().name());
                        ps.setString(4, truncate(a.standardDesignation(), 200));
                        ps.setString(5, truncate(a.relatedDesignation(), 300));
                        ps.setString(
                                6,
                                a.args() == null || a.args().isEmpty()
                                        ? null
                                        : truncate(String.join(SEPARATOR, a.args()), 1000));
                        ps.setTimestamp(7, at);
                    });
            int i = 0;
            for (int[] batch : counts) {
                for (int c : batch) {
                    if (c != 0) {
                        touched.add(chunk.get(i).watchlistId());
                        count++;
                    }
                    i++;
                }
            }
        }
        return new Raised(count, touched);
    }

    List<Alert> ofList(long watchlistId, int limit) {
        return jdbc.query(
                COLUMNS + " where a.watchlist_id = ? order by a.created_at desc, a.id desc limit ?",
                AlertStore::alert,
                watchlistId,
                limit);
    }

    /** Alerts of the lists the viewer sees as theirs (own and organizations'), unread first, newest first. */
    List<Alert> visibleTo(Viewer viewer, int limit) {
        List<Long> orgs = viewer.organizationsOrNone();
        Object[] params = params(viewer.personId(), orgs, limit);
        return jdbc.query(
                COLUMNS + " where (w.owner_person_id = ? or w.owner_organization_id in (" + marks(orgs.size()) + "))"
                        + " order by case when a.read_at is null then 0 else 1 end, a.created_at desc, a.id desc limit ?",
                AlertStore::alert,
                params);
    }

    long unreadCount(Viewer viewer) {
        List<Long> orgs = viewer.organizationsOrNone();
        Long n = jdbc.queryForObject(
                "select count(*) from alert a join watchlist w on w.id = a.watchlist_id"
                        + " where a.read_at is null and (w.owner_person_id = ? or w.owner_organization_id in ("
                        + marks(orgs.size()) + "))",
                Long.class,
                params(viewer.personId(), orgs, null));
        return n == null ? 0 : n;
    }

    Map<Long, Long> unreadPerList(Collection<Long> watchlistIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (watchlistIds.isEmpty()) {
            return counts;
        }
        jdbc.query(
                "select watchlist_id, count(*) from alert where read_at is null and watchlist_id in ("
                        + marks(watchlistIds.size()) + ") group by watchlist_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                },
                watchlistIds.toArray());
        return counts;
    }

    /** The list an alert belongs to, or null when there is no such alert. */
    Long watchlistOf(long alertId) {
        List<Long> ids = jdbc.queryForList("select watchlist_id from alert where id = ?", Long.class, alertId);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    boolean markRead(long alertId, Instant now) {
        return jdbc.update(
                        "update alert set read_at = ? where id = ? and read_at is null", Timestamp.from(now), alertId)
                > 0;
    }

    int markAllRead(Viewer viewer, Long watchlistId, Instant now) {
        if (watchlistId != null) {
            return jdbc.update(
                    "update alert set read_at = ? where read_at is null and watchlist_id = ?",
                    Timestamp.from(now),
                    watchlistId);
        }
        List<Long> orgs = viewer.organizationsOrNone();
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(now));
        params.addAll(Arrays.asList(params(viewer.personId(), orgs, null)));
        return jdbc.update(
                "update alert set read_at = ? where read_at is null and watchlist_id in (select w.id from watchlist w"
                        + " where w.owner_person_id = ? or w.owner_organization_id in (" + marks(orgs.size()) + "))",
                params.toArray());
    }

    /** An alert not e-mailed yet, with where it goes. */
    record Unsent(Alert alert, Long ownerPersonId, Long ownerOrganizationId) {}

    /**
     * Alerts not e-mailed yet of lists with one of the {@code digests}, created up to {@code createdUpTo}; only of
     * {@code watchlistIds} when given.
     */
    List<Unsent> unsent(Collection<Digest> digests, Instant createdUpTo, Collection<Long> watchlistIds) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                COLUMNS.replace("select a.id,", "select w.owner_person_id, w.owner_organization_id, a.id,"));
        sql.append(" where a.emailed_at is null and a.created_at <= ? and w.digest in (")
                .append(marks(digests.size()))
                .append(")");
        params.add(Timestamp.from(createdUpTo));
        digests.forEach(d -> params.add(d.name()));
        if (watchlistIds != null) {
            if (watchlistIds.isEmpty()) {
                return List.of();
            }
            sql.append(" and a.watchlist_id in (")
                    .append(marks(watchlistIds.size()))
                    .append(")");
            params.addAll(watchlistIds);
        }
        sql.append(" order by a.created_at, a.id");
        return jdbc.query(
                sql.toString(),
                (rs, n) -> {
                    long person = rs.getLong(1);
                    Long ownerPerson = rs.wasNull() ? null : person;
                    long org = rs.getLong(2);
                    Long ownerOrg = rs.wasNull() ? null : org;
                    return new Unsent(alert(rs, 2, n), ownerPerson, ownerOrg);
                },
                params.toArray());
    }

    /**
     * Marks the alerts e-mailed, each only if nobody else did first; returns the ids this call marked (another
     * instance running the same job at the same time gets the others).
     */
    Set<Long> claim(List<Long> alertIds, Instant now) {
        Set<Long> mine = new LinkedHashSet<>();
        Timestamp at = Timestamp.from(now);
        for (int from = 0; from < alertIds.size(); from += 1000) {
            List<Long> chunk = alertIds.subList(from, Math.min(alertIds.size(), from + 1000));
            int[][] counts = jdbc.batchUpdate(
                    "update alert set emailed_at = ? where id = ? and emailed_at is null", chunk, 1000, (ps, id) -> {
                        ps.setTimestamp(1, at);
                        ps.setLong(2, id);
                    });
            int i = 0;
            for (int[] batch : counts) {
                for (int c : batch) {
                    if (c > 0) {
                        mine.add(chunk.get(i));
                    }
                    i++;
                }
            }
        }
        return mine;
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        return alert(rs, 0, row);
    }

    /** Reads the alert columns starting after {@code offset} leading columns. */
    private static Alert alert(ResultSet rs, int offset, int row) throws SQLException {
        String args = rs.getString(offset + 7);
        Timestamp read = rs.getTimestamp(offset + 9);
        Timestamp emailed = rs.getTimestamp(offset + 10);
        return new Alert(
                rs.getLong(offset + 1),
                rs.getLong(offset + 2),
                rs.getString(offset + 3),
                AlertKind.valueOf(rs.getString(offset + 4)),
                rs.getString(offset + 5),
                rs.getString(offset + 6),
                args == null ? List.of() : List.of(args.split(SEPARATOR, -1)),
                rs.getTimestamp(offset + 8).toInstant(),
                read == null ? null : read.toInstant(),
                emailed == null ? null : emailed.toInstant(),
                null);
    }

    private static Object[] params(long personId, List<Long> orgs, Integer limit) {
        List<Object> params = new ArrayList<>(orgs.size() + 2);
        params.add(personId);
        params.addAll(orgs);
        if (limit != null) {
            params.add(limit);
        }
        return params.toArray();
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
