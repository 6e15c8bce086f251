package org.stdhub.programme;

/** A task: open, reported by the unit, then accepted by the base office or returned with reasons (and reported again). */
public enum TaskState {
    OPEN,
    REPORTED,
    ACCEPTED,
    RETURNED;

    public String messageKey() {
        return "programme.task-state." + name();
    }
}
