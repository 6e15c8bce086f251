package org.stdhub.verification.task;

/** Where a verification task stands. */
public enum TaskState {
    PLANNED,
    IN_PROGRESS,
    REPORTED,
    CLOSED,
    CANCELLED;

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }

    public String messageKey() {
        return "verification.task.state." + name();
    }
}
