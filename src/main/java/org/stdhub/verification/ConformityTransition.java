package org.stdhub.verification;

import java.util.Set;

/**
 * The transition table of conformity testing: from which states, by which party, to which state. Guards beyond
 * state and party (every clause has a result before the report) are checked by {@link ConformityTests}.
 */
public enum ConformityTransition {
    ACCEPT(Set.of(ConformityState.REQUESTED), Party.LAB, ConformityState.ACCEPTED),
    REJECT(Set.of(ConformityState.REQUESTED), Party.LAB, ConformityState.REJECTED),
    CANCEL(Set.of(ConformityState.REQUESTED, ConformityState.ACCEPTED), Party.ENTERPRISE, ConformityState.CANCELLED),
    START(Set.of(ConformityState.ACCEPTED), Party.LAB, ConformityState.TESTING),
    REPORT(Set.of(ConformityState.TESTING), Party.LAB, ConformityState.REPORTED);

    /** Who acts on a request: the requesting enterprise's users, or the engineers of the lab it is addressed to. */
    public enum Party {
        ENTERPRISE,
        LAB
    }

    private final Set<ConformityState> from;
    private final Party party;
    private final ConformityState to;

    ConformityTransition(Set<ConformityState> from, Party party, ConformityState to) {
        this.from = from;
        this.party = party;
        this.to = to;
    }

    public boolean allowedFrom(ConformityState state) {
        return from.contains(state);
    }

    public Party party() {
        return party;
    }

    public ConformityState to() {
        return to;
    }

    public String messageKey() {
        return "verification.conformity.action." + name();
    }
}
