package org.stdhub.development;

import java.util.Arrays;
import java.util.Optional;

/**
 * The harmonized stage codes a group standard project passes through (02_stages.md §2.1, ISO/IEC; the same codes as
 * GB/T 16733). Only the codes the alliances' procedure uses are listed; {@link StageTransitions} says how a project
 * moves between them.
 */
public enum Stage {
    PROPOSAL_RECEIVED("00.00"),
    PROPOSAL_UNDER_REVIEW("00.20"),
    PROPOSAL_ABANDONED("00.98"),
    PROJECT_REGISTERED("10.00"),
    PROJECT_BALLOT("10.20"),
    PROJECT_BALLOT_CLOSED("10.60"),
    PROJECT_REJECTED("10.98"),
    PROJECT_APPROVED("10.99"),
    DRAFTING_REGISTERED("20.00"),
    DRAFTING("20.20"),
    DRAFTING_DELETED("20.98"),
    WORKING_DRAFT_APPROVED("20.99"),
    COMMENT_DRAFT_REGISTERED("30.00"),
    COMMENT_PERIOD("30.20"),
    COMMENT_PERIOD_CLOSED("30.60"),
    COMMENT_DRAFT_DELETED("30.98"),
    COMMENTS_DISPOSED("30.99"),
    REVIEW_DRAFT_REGISTERED("40.00"),
    REVIEW_BALLOT("40.20"),
    REVIEW_BALLOT_CLOSED("40.60"),
    REVIEW_DRAFT_DELETED("40.98"),
    REVIEW_DRAFT_APPROVED("40.99"),
    FINAL_TEXT_RECEIVED("50.00"),
    FINAL_TEXT_DELETED("50.98"),
    APPROVED_FOR_PUBLICATION("50.99"),
    UNDER_PUBLICATION("60.00"),
    PUBLISHED("60.60"),
    UNDER_SYSTEMATIC_REVIEW("90.20"),
    TO_BE_REVISED("90.92"),
    CONFIRMED("90.93"),
    WITHDRAWAL_PROPOSED("90.99"),
    WITHDRAWN("95.99");

    private final String code;

    Stage(String code) {
        this.code = code;
    }

    /** The harmonized code "SS.ss". */
    public String code() {
        return code;
    }

    /** The stage "SS" of the code: "30" for 30.20. */
    public String major() {
        return code.substring(0, 2);
    }

    /** Abandoned, rejected, deleted or withdrawn: nothing more happens to the project. */
    public boolean isFinal() {
        return code.endsWith(".98") || this == WITHDRAWN;
    }

    public String messageKey() {
        return "development.stage." + code;
    }

    public static Optional<Stage> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
