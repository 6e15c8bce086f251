package org.stdhub.talent;

/** What a panel of drawn experts is for. */
public enum DrawPurpose {
    PROJECT_REVIEW,
    VERIFICATION,
    EVALUATION,
    FUNDING_DECISION;

    public String messageKey() {
        return "talent.purpose." + name();
    }
}
