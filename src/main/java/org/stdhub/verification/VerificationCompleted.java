package org.stdhub.verification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A verification task was reported: its verdicts went back to the project's comment table and its report was
 * attached. {@code verdicts} counts clauses by verdict; {@code completedAt} is when (null in events recorded before
 * it was carried).
 */
public record VerificationCompleted(
        long taskId,
        long projectId,
        long allianceId,
        List<Long> labIds,
        Map<String, Integer> verdicts,
        String reportSha256,
        Instant completedAt) {

    /** The event without its time (its form before the time was carried). */
    public VerificationCompleted(
            long taskId,
            long projectId,
            long allianceId,
            List<Long> labIds,
            Map<String, Integer> verdicts,
            String reportSha256) {
        this(taskId, projectId, allianceId, labIds, verdicts, reportSha256, null);
    }
}
