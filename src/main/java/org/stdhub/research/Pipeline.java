package org.stdhub.research;

import java.time.Instant;
import java.util.List;

/**
 * The group-standard pipeline: projects per alliance and stage group today, and the mean days spent in each stage by
 * the visits that ended; read from the research read model that follows the development module's stage changes.
 */
public record Pipeline(List<AllianceRow> alliances, List<StageTime> stageTimes, Instant refreshedAt) {

    /** One alliance's projects by stage group (00, 10, 20, 30, 40, 50, 60, 90, 95), in that order. */
    public record AllianceRow(long allianceId, String allianceName, List<Long> byGroup) {
        public long total() {
            return byGroup.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A stage, how many visits to it ended, and their mean length in days (one decimal). */
    public record StageTime(String stage, long visits, double meanDays) {}

    /** The stage groups of the harmonized codes, in pipeline order. */
    public static final List<String> GROUPS = List.of("00", "10", "20", "30", "40", "50", "60", "90", "95");

    public boolean hasData() {
        return refreshedAt != null;
    }
}
