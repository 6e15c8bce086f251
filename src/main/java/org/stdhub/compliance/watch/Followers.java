package org.stdhub.compliance.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who follows what, read set-wise from the watchlists' own items for the alerts: the lists that follow given works,
 * and the followed classes and committees with the rule of what each covers.
 */
@Component
class Followers {

    /** One followed item of one list. */
    record Follower(long watchlistId, WatchItemKind kind, String itemValue, java.time.Instant since) {

        /**
         * Whether this ICS, CCS or committee item covers a standard of these classes or this committee: an ICS
         * class covers its sub-classes ("11.040" covers "11.040.10"), a one-letter CCS class every class under it,
         * a committee its sub-committees ("SAC/TC 1" covers "SAC/TC 1/SC 2"; case-insensitive).
         *
         * <p>The item's value is a LIKE pattern, as it was when the database compared them ({@code code like value
         * || '.%'}): kept so that alerts stay exactly what they were.
         */
        boolean covers(String code) {
            return switch (kind) {
                case ICS -> itemValue.equals(code) || like(code, itemValue + ".%");
                case CCS -> itemValue.equals(code) || (itemValue.length() == 1 && like(code, itemValue + "%"));
                case COMMITTEE -> {
                    String committee = code.toUpperCase(Locale.ROOT);
                    String value = itemValue.toUpperCase(Locale.ROOT);
                    yield committee.equals(value) || like(committee, value + "/%");
                }
                case STANDARD -> false;
            };
        }
    }

    private final JdbcTemplate jdbc;

    Followers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether any list follows anything at all. */
    boolean any() {
        Integer anything =
                jdbc.queryForObject("select count(*) from (select 1 from watch_item limit 1) x", Integer.class);
        return anything != null && anything > 0;
    }

    /** The STANDARD items that follow each of these works (by compact work key), ordered by list and value. */
    Map<String, List<Follower>> ofWorks(Collection<String> workKeys) {
        Map<String, List<Follower>> followers = new HashMap<>();
        List<String> keys = new ArrayList<>(new TreeSet<>(workKeys));
        for (int from = 0; from < keys.size(); from += 1000) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
            jdbc.query(
                    "select work_key, watchlist_id, item_value, created_at from watch_item where kind = 'STANDARD' and work_key in ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?"))
                            + ") order by watchlist_id, item_value",
                    rs -> {
                        followers
                                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>(1))
                                .add(new Follower(
                                        rs.getLong(2), WatchItemKind.STANDARD, rs.getString(3), instant(rs, 4)));
                    },
                    chunk.toArray());
        }
        return followers;
    }

    /** Every followed ICS class, CCS class and committee, ordered by kind, list and value. */
    List<Follower> ofClassesAndCommittees() {
        return jdbc.query(
                "select watchlist_id, kind, item_value, created_at from watch_item where kind in ('ICS', 'CCS', 'COMMITTEE')"
                        + " order by watchlist_id, item_value",
                (rs, n) -> new Follower(
                        rs.getLong(1), WatchItemKind.valueOf(rs.getString(2)), rs.getString(3), instant(rs, 4)));
    }

    private static java.time.Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** SQL's LIKE ({@code %} any run, {@code _} any one character, backslash escapes), case-sensitive. */
    static boolean like(String text, String pattern) {
        return like(text, 0, pattern, 0);
    }

    private static boolean like(String text, int t, String pattern, int p) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '%') {
                for (int from = t; from <= text.length(); from++) {
                    if (like(text, from, pattern, p + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (c == '\\' && p + 1 < pattern.length()) {
                c = pattern.charAt(++p);
            } else if (c == '_') {
                if (t >= text.length()) {
                    return false;
                }
                t++;
                p++;
                continue;
            }
            if (t >= text.length() || text.charAt(t) != c) {
                return false;
            }
            t++;
            p++;
        }
        return t == text.length();
    }
}
