package org.stdhub.compliance.watch;

import java.time.Instant;
import java.util.List;

/**
 * One alert of one list.
 *
 * @param standardDesignation the standard the alert is about (the new, changed or drifting one)
 * @param relatedDesignation the other standard of the message (the followed one it replaces, its current
 *     replacement, the current international edition …) or a followed class, or null
 * @param args further message arguments (statuses before/after, adopted edition, years behind …)
 * @param text the message in the reader's language (null until rendered)
 */
public record Alert(
        long id,
        long watchlistId,
        String watchlistName,
        AlertKind kind,
        String standardDesignation,
        String relatedDesignation,
        List<String> args,
        Instant createdAt,
        Instant readAt,
        Instant emailedAt,
        String text) {

    public boolean unread() {
        return readAt == null;
    }

    Alert withText(String rendered) {
        return new Alert(
                id,
                watchlistId,
                watchlistName,
                kind,
                standardDesignation,
                relatedDesignation,
                args,
                createdAt,
                readAt,
                emailedAt,
                rendered);
    }

    /** An alert to raise; {@code dedupKey} names its cause, so that raising it again adds nothing. */
    record New(
            long watchlistId,
            String dedupKey,
            AlertKind kind,
            String standardDesignation,
            String relatedDesignation,
            List<String> args) {}
}
