package org.stdhub.research;

import java.util.Locale;

/**
 * The transitions of a research project, with the state they leave from, the state they reach and who may take them.
 * Any other step is refused with a conflict.
 */
public enum ResearchTransition {
    /** The base office approves the proposal: the project starts. */
    START(ResearchProjectState.PROPOSED, ResearchProjectState.ACTIVE, true),
    /** The team (or the base office) concludes an active project. */
    CONCLUDE(ResearchProjectState.ACTIVE, ResearchProjectState.CONCLUDED, false);

    private final ResearchProjectState from;
    private final ResearchProjectState to;
    private final boolean officeOnly;

    ResearchTransition(ResearchProjectState from, ResearchProjectState to, boolean officeOnly) {
        this.from = from;
        this.to = to;
        this.officeOnly = officeOnly;
    }

    public boolean leavesFrom(ResearchProjectState state) {
        return from == state;
    }

    public ResearchProjectState to() {
        return to;
    }

    public boolean officeOnly() {
        return officeOnly;
    }

    /** The path segment of the API, e.g. {@code start}. */
    public String action() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a path segment; null when it names no transition. */
    public static ResearchTransition of(String action) {
        for (ResearchTransition t : values()) {
            if (t.action().equals(action)) {
                return t;
            }
        }
        return null;
    }
}
