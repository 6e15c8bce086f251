package org.stdhub.catalog;

import java.time.Instant;

/**
 * One entry of the catalog's change log: a standard that an import added or changed, or that the base office added
 * or corrected by hand ({@code editor}: their login, {@code reason}: why; both null for an import).
 */
public record StandardChange(
        long id,
        long importBatchId,
        long standardId,
        String designation,
        Kind kind,
        String statusBefore,
        String statusAfter,
        Instant changedAt,
        String editor,
        String reason) {

    /** Was this change made by hand (the base office's edit form or API)? */
    public boolean edited() {
        return editor != null;
    }

    /** NEW: a standard not in the catalog before; STATUS: its status changed; UPDATED: other fields changed. */
    public enum Kind {
        NEW,
        STATUS,
        UPDATED
    }
}
