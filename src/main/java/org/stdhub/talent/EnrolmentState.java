package org.stdhub.talent;

import java.util.Set;

/**
 * Where an enrolment stands. The transitions: a person enrols ({@code ENROLLED} while there is a place, {@code
 * WAITLISTED} otherwise), cancels an enrolled or waiting place ({@code CANCELLED}; a freed place promotes the first
 * of the waiting list to {@code ENROLLED}); the session's trainer records {@code ATTENDED} or {@code NO_SHOW} (and
 * may correct one into the other).
 */
public enum EnrolmentState {
    ENROLLED,
    WAITLISTED,
    CANCELLED,
    ATTENDED,
    NO_SHOW;

    /** The states that hold a place in the session. */
    public static final Set<EnrolmentState> HOLDING_A_PLACE = Set.of(ENROLLED, ATTENDED, NO_SHOW);

    /** The states of a person still taking part (a second enrolment is refused). */
    public static final Set<EnrolmentState> ACTIVE = Set.of(ENROLLED, WAITLISTED, ATTENDED, NO_SHOW);

    /** The transition table. */
    public boolean mayMoveTo(EnrolmentState to) {
        return switch (this) {
            case ENROLLED -> to == CANCELLED || to == ATTENDED || to == NO_SHOW;
            case WAITLISTED -> to == ENROLLED || to == CANCELLED;
            case ATTENDED -> to == NO_SHOW;
            case NO_SHOW -> to == ATTENDED;
            case CANCELLED -> false;
        };
    }

    public String messageKey() {
        return "talent.enrolment." + name();
    }
}
