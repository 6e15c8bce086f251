package org.stdhub.talent;

/** Where an expert stands in the expert database; only {@link #ACTIVE} experts are drawn. */
public enum ExpertStatus {
    /** Applied (or sent back after a change of qualification), waiting for the base office to take it up. */
    APPLICANT,
    /** The base office is reviewing the qualification. */
    IN_REVIEW,
    ACTIVE,
    REJECTED,
    SUSPENDED,
    RETIRED;

    public String messageKey() {
        return "talent.status." + name();
    }
}
