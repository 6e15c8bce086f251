package org.stdhub.verification.task;

/** What the verification of one clause found. */
public enum Verdict {
    /** The requirement and its test method work as written. */
    CONFIRMED,
    /** The clause must change (see the recommendation). */
    NEEDS_CHANGE,
    /** The clause could not be verified as written (no method, no sample, …). */
    NOT_VERIFIABLE;

    public String messageKey() {
        return "verification.verdict." + name();
    }
}
