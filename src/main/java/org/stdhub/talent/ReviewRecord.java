package org.stdhub.talent;

import org.stdhub.talent.draw.DrawPosition;

/** What a drawn expert's place in a draw came to, as the record of reviews shows it. */
public enum ReviewRecord {
    /** Served on the panel (a member, or a reserve who took a seat). */
    SERVED,
    /** Declined the call. */
    DECLINED,
    /** Left the panel, disqualified or after declaring a conflict, and was replaced. */
    REPLACED,
    /** A reserve never called. */
    NOT_CALLED;

    static ReviewRecord of(DrawPosition.Outcome outcome) {
        return switch (outcome) {
            case SERVING -> SERVED;
            case DECLINED -> DECLINED;
            case DISQUALIFIED, CONFLICT -> REPLACED;
            case WAITING -> NOT_CALLED;
        };
    }

    public String messageKey() {
        return "talent.review-record." + name();
    }
}
