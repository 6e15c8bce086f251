package org.stdhub.catalog.importing;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalog's change log ({@code standard_change}): what each import added or changed, standard by standard,
 * read by {@link org.stdhub.catalog.CatalogChanges} for the watchlist alerts.
 */
@Component
class CatalogChangeLog {

    private final JdbcTemplate jdbc;

    CatalogChangeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes what this batch changed into the catalog's change log (read by watchlist alerts). */
    void write(
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
            boolean statusChanged = !Objects.equals(oldStatus.get(i), r.status());
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

    /** How many standards import {@code batchId} added, and how many it changed otherwise. */
    int[] counts(long batchId) {
        int[] counts = new int[2];
        jdbc.query(
                "select kind, count(*) from standard_change where batch_id = ? group by kind",
                rs -> {
                    counts["NEW".equals(rs.getString(1)) ? 0 : 1] += rs.getInt(2);
                },
                batchId);
        return counts;
    }
}
