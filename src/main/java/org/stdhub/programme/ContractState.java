package org.stdhub.programme;

/** Where a contract is: drafted by the base office, signed by both parties, in force, then closed or terminated. */
public enum ContractState {
    DRAFT,
    SIGNED,
    IN_FORCE,
    CLOSED,
    TERMINATED;

    public String messageKey() {
        return "programme.contract-state." + name();
    }
}
