package org.stdhub.research;

/** Where a research project stands: proposed, then active, then concluded. */
public enum ResearchProjectState {
    PROPOSED,
    ACTIVE,
    CONCLUDED;

    public String messageKey() {
        return "research.project.state." + name();
    }
}
