package org.stdhub.programme;

/** A subsidy claim: submitted (with its automatic checks), then approved with the policy's amount or rejected. */
public enum ClaimState {
    SUBMITTED,
    APPROVED,
    REJECTED;

    public String messageKey() {
        return "programme.claim-state." + name();
    }
}
