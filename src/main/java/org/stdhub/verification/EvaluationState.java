package org.stdhub.verification;

import java.util.Optional;

/**
 * An evaluation's steps: draft (economic inputs may be entered); panel drawn (the talent center's draw of purpose
 * EVALUATION is linked); scoring (technical indicators, questionnaire responses); signed off by the panel; issued
 * (public, with its report).
 */
public enum EvaluationState {
    DRAFT,
    PANEL_DRAWN,
    SCORING,
    SIGNED_OFF,
    ISSUED;

    /** The state the base office's "next step" leads to from here by hand (the panel and sign-off have own actions). */
    public Optional<EvaluationState> next() {
        return switch (this) {
            case PANEL_DRAWN -> Optional.of(SCORING);
            case SIGNED_OFF -> Optional.of(ISSUED);
            default -> Optional.empty();
        };
    }

    /** Whether economic inputs and value drivers may still change. */
    public boolean inputsOpen() {
        return this == DRAFT || this == PANEL_DRAWN || this == SCORING;
    }

    public String messageKey() {
        return "verification.evaluation.state." + name();
    }
}
