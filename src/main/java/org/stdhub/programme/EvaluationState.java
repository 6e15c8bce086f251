package org.stdhub.programme;

/**
 * The evaluation workflow: draft → self-evaluated (the unit) → scored (the experts, entered by the base office) →
 * concluded (panel mean, class) → rectification (不合格 only, with a deadline) → closed.
 */
public enum EvaluationState {
    DRAFT,
    SELF_EVALUATED,
    SCORED,
    CONCLUDED,
    RECTIFICATION,
    CLOSED;

    public String messageKey() {
        return "programme.evaluation-state." + name();
    }
}
