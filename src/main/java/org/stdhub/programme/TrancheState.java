package org.stdhub.programme;

/**
 * A tranche: planned; proposed for release by one officer (with its computed amount); approved by a second officer
 * (four-eyes), or rejected back to planned with a reason. Whether it is payable (its conditions met) is computed.
 */
public enum TrancheState {
    PLANNED,
    PROPOSED,
    APPROVED;

    public String messageKey() {
        return "programme.tranche-state." + name();
    }
}
