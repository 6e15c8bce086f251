package org.stdhub.development;

import java.util.List;
import java.util.Set;

/**
 * One row of the transition table: from which stages, to which stage, who may make it, what it needs, whether the
 * actor must say why, and whether it is a fast-track path (a configured shortcut, not a special case in code).
 */
public record Transition(
        String name,
        Set<Stage> from,
        Stage to,
        Set<Party> parties,
        List<Requirement> requires,
        boolean commentRequired,
        boolean fastTrack) {

    public Transition {
        from = Set.copyOf(from);
        parties = Set.copyOf(parties);
        requires = List.copyOf(requires);
    }

    public String messageKey() {
        return "development.transition." + name;
    }
}
