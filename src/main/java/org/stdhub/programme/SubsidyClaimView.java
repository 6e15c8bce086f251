package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A subsidy claim with every automatic check's result, for the reviewer, and the reviewer's drafting-organization
 * evidence (the document checked, whether it names the unit, who checked and when) where the catalog cannot tell.
 */
public record SubsidyClaimView(
        long id,
        long organizationId,
        String organizationName,
        SubsidyRole role,
        String subject,
        ClaimState state,
        List<Check> checks,
        String claimedBy,
        LocalDate claimedOn,
        BigDecimal policyAmount,
        BigDecimal amount,
        String reviewedBy,
        Instant reviewedAt,
        String reviewComment,
        String draftingEvidence,
        Boolean draftingConfirmed,
        String draftingCheckedBy,
        Instant draftingCheckedAt) {

    /** How a check came out. */
    public enum Outcome {
        PASSED,
        FAILED,
        UNKNOWN;

        public String messageKey() {
            return "programme.check-outcome." + name();
        }
    }

    /** One automatic check: which ({@code code}, message key {@code programme.check.<code>}), outcome, detail. */
    public record Check(String code, Outcome outcome, String detail) {

        public String messageKey() {
            return "programme.check." + code;
        }
    }

    public boolean anyFailed() {
        return checks.stream().anyMatch(c -> c.outcome() == Outcome.FAILED);
    }
}
