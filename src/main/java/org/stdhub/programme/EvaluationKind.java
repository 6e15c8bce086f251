package org.stdhub.programme;

/** The kinds of evaluation of a building unit: annual, mid-term, acceptance (验收). */
public enum EvaluationKind {
    ANNUAL,
    MID_TERM,
    ACCEPTANCE;

    public String messageKey() {
        return "programme.evaluation-kind." + name();
    }
}
