package org.stdhub.catalog.importing;

import java.time.Duration;
import java.util.List;

/** What an import did: counts, the lines it refused and why, and how long it took. */
public record ImportReport(
        long batchId,
        String sourceName,
        int read,
        int inserted,
        int updated,
        int unchanged,
        int rejected,
        List<Problem> problems,
        Duration duration) {

    /** A refused line. */
    public record Problem(String file, int line, String designation, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + (designation == null ? "" : " [" + designation + "]") + ": " + reason;
        }
    }

    public double recordsPerSecond() {
        long ms = Math.max(1, duration.toMillis());
        return read * 1000.0 / ms;
    }

    public int changed() {
        return inserted + updated;
    }
}
