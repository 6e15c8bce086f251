package org.stdhub.research;

import java.time.Instant;
import java.util.List;

/**
 * One figure of the analytics: its rows (a key and a count, and a second count where the figure has one) and when
 * its source last refreshed it ({@code null} while the source has given nothing yet).
 *
 * @param key the figure's name, e.g. {@code catalog.kind}; its title is the message {@code research.figure.<key>}
 */
public record Figure(String key, List<Row> rows, Instant refreshedAt) {

    /**
     * One row: a key (a body, a kind code, an ICS field …), its count and, for figures that compare two counts (the
     * adopted of the international standards), the second one.
     */
    public record Row(String key, long value, Long extra) {

        public Row(String key, long value) {
            this(key, value, null);
        }

        /** {@code extra} as a percentage of {@code value}, one decimal, or null. */
        public Double percent() {
            if (extra == null || value == 0) {
                return null;
            }
            return Math.round(extra * 1000.0 / value) / 10.0;
        }
    }

    /** Whether the source has delivered this figure. */
    public boolean hasData() {
        return refreshedAt != null;
    }

    public long total() {
        return rows.stream().mapToLong(Row::value).sum();
    }
}
