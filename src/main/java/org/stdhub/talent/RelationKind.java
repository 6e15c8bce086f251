package org.stdhub.talent;

/** What an expert declared (or the base office recorded) that may make them avoid a draw. */
public enum RelationKind {
    /** Spouse, lineal relative, collateral within three generations or close in-law of a person (or of an organization's head). */
    FAMILY,
    /** Controlling shareholder or actual controller of an organization. */
    SHAREHOLDING,
    /** Director or supervisor of an organization. */
    DIRECTORSHIP,
    /** A standing conflict of interest the expert declared with an organization or a person. */
    CONFLICT,
    /** An administrative or criminal penalty for a violation in tendering, reviews or standards work. */
    PENALTY;

    public String messageKey() {
        return "talent.relation." + name();
    }
}
