package org.stdhub.development;

/** The part a person plays for one project's alliance, which decides the transitions they may make. */
public enum Party {
    /** Holds {@code ALLIANCE_SECRETARY} in the project's alliance. */
    SECRETARY,
    /** Holds {@code ALLIANCE_MEMBER} or {@code ALLIANCE_SECRETARY} in the project's alliance. */
    MEMBER,
    /** Scheduled work acting as the system (closing a ballot or comment period at its time). */
    SYSTEM
}
