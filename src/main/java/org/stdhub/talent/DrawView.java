package org.stdhub.talent;

import java.time.Instant;
import java.util.List;

/**
 * A draw as the base office sees it. While the result is sealed ({@code sealed}), {@code seed} and {@code positions}
 * are shown to the responsible officer only (empty for everyone else).
 */
public record DrawView(
        long id,
        DrawPurpose purpose,
        String subject,
        String fieldCodes,
        int members,
        int reserves,
        Long supervisingOrganizationId,
        long responsiblePersonId,
        DrawState state,
        List<Long> partyOrganizations,
        List<Long> partyPeople,
        List<Long> drafters,
        List<DrawForms.ExcludedExpert> excludedOnRequest,
        int poolSize,
        int eligibleSize,
        List<ExclusionView> exclusions,
        String algorithm,
        String inputsHash,
        String seedCommitment,
        boolean sealed,
        boolean responsible,
        String seed,
        List<PositionView> positions,
        String decision,
        Instant createdAt,
        Instant committedAt,
        Instant drawnAt,
        Instant decidedAt) {

    /** One exclusion with its rule and reason. */
    public record ExclusionView(
            long expertId, String expertName, AvoidanceRuleName rule, String reason, boolean afterDraw) {}

    /** One place of the ordered result and what became of it. */
    public record PositionView(
            int position,
            long expertId,
            String expertName,
            boolean member,
            String outcome,
            String outcomeReason,
            Integer replacedBy,
            boolean conclusionsVoid) {}
}
