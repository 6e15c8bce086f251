package org.stdhub.compliance.watch;

/** Why a list was alerted. */
public enum AlertKind {
    /** A followed standard's status changed (e.g. upcoming → current). */
    STATUS_CHANGED,
    /** A followed standard was withdrawn (related: what replaces it today, if anything). */
    WITHDRAWN,
    /** A new standard replaces a followed one, directly or further down its replacement chain. */
    REPLACED,
    /** A new edition of a followed work. */
    NEW_EDITION,
    /** An amendment (修改单, Amd, Cor …) of a followed work. */
    AMENDED,
    /** A new standard in a followed ICS/CCS class or from a followed committee. */
    NEW_IN_CLASS,
    /** The international standard adopted by a followed Chinese standard was revised or withdrawn. */
    ADOPTION_DRIFT;

    public String messageKey() {
        return "alert.kind." + name();
    }
}
