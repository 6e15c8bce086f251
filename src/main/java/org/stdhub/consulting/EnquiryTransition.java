package org.stdhub.consulting;

import java.util.Set;

/**
 * The transitions of an enquiry, with the states they leave from, the state they reach and who may take them (the
 * guard {@link Enquiries} checks with the enquiry at hand). Any other step is refused with a conflict.
 */
public enum EnquiryTransition {
    /** The base office assigns (or reassigns) an open enquiry to a person. */
    ASSIGN(Set.of(EnquiryState.SUBMITTED, EnquiryState.ASSIGNED), EnquiryState.ASSIGNED, Who.OFFICE),
    /** The assignee (or the base office) answers, citing catalog standards. */
    ANSWER(Set.of(EnquiryState.ASSIGNED), EnquiryState.ANSWERED, Who.ASSIGNEE),
    /** The enterprise rates the answer (1–5): the enquiry is closed. */
    RATE(Set.of(EnquiryState.ANSWERED), EnquiryState.RATED, Who.ENTERPRISE),
    /** The enterprise withdraws an enquiry not answered yet. */
    WITHDRAW(Set.of(EnquiryState.SUBMITTED, EnquiryState.ASSIGNED), EnquiryState.WITHDRAWN, Who.ENTERPRISE);

    /** Who may take a transition. */
    public enum Who {
        OFFICE,
        ASSIGNEE,
        ENTERPRISE
    }

    private final Set<EnquiryState> from;
    private final EnquiryState to;
    private final Who who;

    EnquiryTransition(Set<EnquiryState> from, EnquiryState to, Who who) {
        this.from = from;
        this.to = to;
        this.who = who;
    }

    public boolean leavesFrom(EnquiryState state) {
        return from.contains(state);
    }

    public EnquiryState to() {
        return to;
    }

    public Who who() {
        return who;
    }

    /** The audit action and the path segment of the API, e.g. {@code answer}. */
    public String action() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
