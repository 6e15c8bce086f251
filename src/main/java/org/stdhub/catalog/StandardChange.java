package org.stdhub.catalog;

import java.time.Instant;

/** One entry of the catalog's change log: a standard that an import added or changed. */
public record StandardChange(
        long id,
        long importBatchId,
        long standardId,
        String designation,
        Kind kind,
        String statusBefore,
        String statusAfter,
        Instant changedAt) {

    /** NEW: a standard not in the catalog before; STATUS: its status changed; UPDATED: other fields changed. */
    public enum Kind {
        NEW,
        STATUS,
        UPDATED
    }
}
