package org.stdhub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every state change any module published as a {@link org.stdhub.platform.StateChanged},
 * in an append-only, hash-chained log. Read an object's history, export it, page through the whole log and
 * verify the chain. Recording needs nothing from the caller but publishing the event in its transaction.
 */
@Service
public class AuditLog {

    /**
     * The actor recorded when nobody is signed in: start-up work, scheduled jobs, commands. Work that names
     * itself runs through {@link org.stdhub.platform.SystemActor#run}.
     */
    public static final String SYSTEM = Actors.SYSTEM;

    private final AuditStore store;
    private final ChainVerifier verifier;

    AuditLog(AuditStore store, ChainVerifier verifier) {
        this.store = store;
        this.verifier = verifier;
    }

    /** An object's events, newest first; {@code action} narrows them to one kind (null: all). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String objectType, String objectId, String action) {
        return store.ofObject(objectType, objectId, action);
    }

    /** All of an object's events. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String objectType, String objectId) {
        return store.ofObject(objectType, objectId, null);
    }

    /**
     * Writes an object's events (oldest first, optionally one action only) as CSV: a header row, then one
     * row per event with the changes as their JSON and both hashes, so the rows can be checked elsewhere.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public void exportCsv(String objectType, String objectId, String action, Writer out) {
        try {
            AuditCsv.header(out);
            store.forEachOfObject(objectType, objectId, action, row -> {
                try {
                    AuditCsv.row(out, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All of an object's events as CSV. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public void exportCsv(String objectType, String objectId, Writer out) {
        exportCsv(objectType, objectId, null, out);
    }

    /** The whole log, newest first, one page of it. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public AuditPage latest(AuditFilter filter, int page, int size) {
        return store.page(filter == null ? AuditFilter.all() : filter, Math.max(page, 0), Math.clamp(size, 1, 500));
    }

    /** Recomputes the whole chain; names the first broken entry if there is one. */
    @PreAuthorize("hasRole('ADMIN')")
    public ChainVerification verify() {
        return verifier.verify();
    }
}
