package org.stdhub.research;

/** A milestone's status. */
public enum MilestoneStatus {
    PLANNED,
    DONE,
    MISSED;

    public String messageKey() {
        return "research.milestone.status." + name();
    }
}
