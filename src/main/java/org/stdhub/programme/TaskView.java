package org.stdhub.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract task. {@code platformRecords} is counted now from the other modules' events (the unit's and, for events
 * of no unit, its center's, within the contract's period); {@code countedRecords} is that count when the unit
 * reported. Neither is typed in.
 */
public record TaskView(
        long id,
        long contractId,
        String title,
        String deliverable,
        Indicator indicator,
        Integer indicatorTarget,
        LocalDate dueOn,
        TaskState state,
        int progress,
        String report,
        Integer countedRecords,
        Integer platformRecords,
        Instant reportedAt,
        String reportedBy,
        String returnReason,
        String decidedBy,
        Instant decidedAt,
        List<EvidenceView> evidence) {

    /** An evidence file, stored under the SHA-256 of its content. */
    public record EvidenceView(
            long id, String fileName, String sha256, String mediaType, long size, String addedBy, Instant addedAt) {}
}
