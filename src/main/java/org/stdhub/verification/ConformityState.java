package org.stdhub.verification;

/**
 * Where a conformity test request stands: requested by the enterprise; accepted (or rejected) by the lab; testing;
 * reported (the report is issued and publicly verifiable). The enterprise may cancel before testing starts.
 */
public enum ConformityState {
    REQUESTED,
    ACCEPTED,
    TESTING,
    REPORTED,
    REJECTED,
    CANCELLED;

    public boolean isFinal() {
        return this == REPORTED || this == REJECTED || this == CANCELLED;
    }

    public String messageKey() {
        return "verification.conformity.state." + name();
    }
}
