package org.stdhub.development;

import java.time.Instant;

/**
 * A promotion proposal of a published group standard.
 *
 * @param targetLevel INDUSTRY or NATIONAL
 * @param targetDesignation the industry or national standard it became (accepted proposals), or null
 */
public record PromotionView(
        long id,
        long projectId,
        String targetLevel,
        PromotionStatus status,
        String reason,
        String proposedBy,
        Instant proposedAt,
        String targetDesignation,
        String decisionNote,
        Instant decidedAt) {}
