package org.stdhub.catalog.importing;

import static org.stdhub.catalog.ImportJobState.APPLIED;
import static org.stdhub.catalog.ImportJobState.APPLYING;
import static org.stdhub.catalog.ImportJobState.DISCARDED;
import static org.stdhub.catalog.ImportJobState.FAILED;
import static org.stdhub.catalog.ImportJobState.PREVIEWED;
import static org.stdhub.catalog.ImportJobState.PREVIEWING;

import java.util.Set;
import org.stdhub.catalog.ImportJobState;

/**
 * The transitions of a catalog import job, each with the states it starts from, the state it ends in and the
 * audit action it is recorded as. Confirming is further guarded (the catalog unchanged since the preview, no other
 * import running) by {@link ImportJobs}.
 */
enum ImportJobTransition {
    UPLOAD(Set.of(), PREVIEWING, "uploaded"),
    PREVIEW_DONE(Set.of(PREVIEWING), PREVIEWED, "previewed"),
    CONFIRM(Set.of(PREVIEWED), APPLYING, "confirmed"),
    DISCARD(Set.of(PREVIEWED), DISCARDED, "discarded"),
    APPLY_DONE(Set.of(APPLYING), APPLIED, "applied"),
    FAIL(Set.of(PREVIEWING, APPLYING), FAILED, "failed");

    final Set<ImportJobState> from;
    final ImportJobState to;
    final String action;

    ImportJobTransition(Set<ImportJobState> from, ImportJobState to, String action) {
        this.from = from;
        this.to = to;
        this.action = action;
    }

    boolean allowedFrom(ImportJobState state) {
        return from.contains(state);
    }
}
