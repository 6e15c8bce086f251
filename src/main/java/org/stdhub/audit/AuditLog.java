package org.stdhub.audit;

import java.io.Writer;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.CsvTable;
import org.stdhub.platform.NotFoundException;

/**
 * The audit trail: every state change any module published as a {@link org.stdhub.platform.StateChanged},
 * in an append-only, hash-chained log. Read an object's history, export it, page through the whole log and
 * verify the chain. Recording needs nothing from the caller but publishing the event in its transaction.
 *
 * <p>Reading is guarded by {@link HistoryPolicy}: an object's history is read by whoever the owning module's
 * {@link org.stdhub.platform.HistoryAccess} rule lets see the object, and by administrators; personal data in it
 * by administrators only. The whole log ({@link #latest}, {@link #verify}) is for administrators only.
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
    private final HistoryPolicy policy;

    AuditLog(AuditStore store, ChainVerifier verifier, HistoryPolicy policy) {
        this.store = store;
        this.verifier = verifier;
        this.policy = policy;
    }

    /**
     * May the signed-in person read this object's history? Administrators read every history; anyone else when the
     * {@link org.stdhub.platform.HistoryAccess} rule of the module that owns the object type says so; a type no
     * module claims is read by administrators only.
     */
    public boolean mayRead(String objectType, String objectId) {
        return policy.maySee(objectType, objectId, viewer());
    }

    /**
     * An object's events, newest first; {@code action} narrows them to one kind (null: all). Personal data (client
     * addresses, e-mail addresses …) and the hashes are withheld from readers who are not administrators (see
     * {@link AuditEntry#HIDDEN}).
     *
     * @throws NotFoundException when the signed-in person may not read this history ({@link #mayRead}): the same
     *     answer as for an object that does not exist, so that it does not tell whether it exists
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String objectType, String objectId, String action) {
        Disclosure disclosure = readable(objectType, objectId);
        return store.ofObject(objectType, objectId, action).stream()
                .map(disclosure::apply)
                .toList();
    }

    /** All of an object's events. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String objectType, String objectId) {
        return history(objectType, objectId, null);
    }

    /**
     * Writes an object's events (oldest first, optionally one action only) as CSV for spreadsheet programs (a
     * byte order mark first, see {@link CsvTable#forExcel(Appendable)}): a header row, then one row per
     * event with the changes as their JSON and both hashes, so the rows can be checked elsewhere. For readers who
     * are not administrators, personal data is {@linkplain AuditEntry#HIDDEN withheld} and the hash columns are
     * empty. Nothing is written when the reader may not read the history.
     *
     * @throws NotFoundException when the signed-in person may not read this history ({@link #mayRead})
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public void exportCsv(String objectType, String objectId, String action, Writer out) {
        Disclosure disclosure = readable(objectType, objectId);
        CsvTable table = CsvTable.forExcel(out);
        AuditCsv.header(table);
        store.forEachOfObject(objectType, objectId, action, row -> AuditCsv.row(table, disclosure.apply(row)));
        table.flush();
    }

    /** All of an object's events as CSV. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public void exportCsv(String objectType, String objectId, Writer out) {
        exportCsv(objectType, objectId, null, out);
    }

    /** The 404 a reader gets for a history they may not read (or of an object that does not exist). */
    public static NotFoundException notFound(String objectType, String objectId) {
        return new NotFoundException("audit.error.not-found", objectType, objectId);
    }

    private Disclosure readable(String objectType, String objectId) {
        Authentication viewer = viewer();
        if (!policy.maySee(objectType, objectId, viewer)) {
            throw notFound(objectType, objectId);
        }
        return policy.disclosureFor(objectType, viewer);
    }

    private static Authentication viewer() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    /** The whole log, newest first, one page of it, with every value: administrators only. */
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
