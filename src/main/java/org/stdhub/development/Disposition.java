package org.stdhub.development;

/** The drafting group's decision on a comment. */
public enum Disposition {
    ACCEPTED,
    ACCEPTED_IN_PRINCIPLE,
    NOT_ACCEPTED
}
