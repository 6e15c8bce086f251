package org.stdhub.verification;

import java.util.List;
import java.util.Map;

/**
 * A verification task was reported: its verdicts went back to the project's comment table and its report was
 * attached. {@code verdicts} counts clauses by verdict.
 */
public record VerificationCompleted(
        long taskId,
        long projectId,
        long allianceId,
        List<Long> labIds,
        Map<String, Integer> verdicts,
        String reportSha256) {}
