package org.stdhub.consulting;

/** Where an enquiry stands. */
public enum EnquiryState {
    /** Asked; no route matched its field: the base office assigns it. */
    SUBMITTED,
    /** With its assignee (routed by field, or assigned by the base office). */
    ASSIGNED,
    /** Answered; the enterprise may rate the answer. */
    ANSWERED,
    /** Rated by the enterprise: closed. */
    RATED,
    /** Withdrawn by the enterprise before it was answered. */
    WITHDRAWN;

    public String messageKey() {
        return "consulting.enquiry.state." + name();
    }

    /** Still waiting for an answer (the deadline runs). */
    public boolean open() {
        return this == SUBMITTED || this == ASSIGNED;
    }
}
