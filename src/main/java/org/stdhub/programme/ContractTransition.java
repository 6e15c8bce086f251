package org.stdhub.programme;

import java.util.Set;

/**
 * The contract's state machine, the base office's to drive: {@code SIGN} (draft with at least one task →
 * signed), {@code ENACT} (signed → in force), {@code CLOSE} (in force with every task accepted → closed), {@code
 * TERMINATE} (signed or in force → terminated, with a reason).
 */
public enum ContractTransition {
    SIGN(Set.of(ContractState.DRAFT), ContractState.SIGNED),
    ENACT(Set.of(ContractState.SIGNED), ContractState.IN_FORCE),
    CLOSE(Set.of(ContractState.IN_FORCE), ContractState.CLOSED),
    TERMINATE(Set.of(ContractState.SIGNED, ContractState.IN_FORCE), ContractState.TERMINATED);

    private final Set<ContractState> from;
    private final ContractState to;

    ContractTransition(Set<ContractState> from, ContractState to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(ContractState state) {
        return from.contains(state);
    }

    public ContractState to() {
        return to;
    }

    public String messageKey() {
        return "programme.contract-transition." + name();
    }
}
