package org.stdhub.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stdhub.platform.StateChanged;

/**
 * One recorded state change, as stored in the audit chain.
 *
 * @param seq position in the chain (1, 2, 3 … without gaps)
 * @param occurredAt when, to the millisecond
 * @param actor who: the signed-in person's login, {@code "system"} for start-up work and commands, or
 *     the name of the system actor the work ran as ({@link org.stdhub.platform.SystemActor#run})
 * @param address the client's IP address, or null outside an HTTP request; {@link #HIDDEN} for a reader who is
 *     not an administrator
 * @param objectType the kind of object, e.g. "standard", "organization"
 * @param objectId the object's identifier
 * @param action what happened, e.g. "approved"
 * @param changes changed fields (name → before/after), in field-name order; values that are personal data are
 *     {@link #HIDDEN} for a reader who is not an administrator
 * @param comment why, as the person said it (may be null)
 * @param prevHash the hash of the previous entry (64 zeros for the first); null for a reader who is not an
 *     administrator
 * @param hash this entry's hash (SHA-256, hex); null for a reader who is not an administrator
 */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actor,
        String address,
        String objectType,
        String objectId,
        String action,
        Map<String, StateChanged.Change> changes,
        String comment,
        String prevHash,
        String hash) {

    /** What stands for a value withheld from the reader: personal data is shown to administrators only. */
    public static final String HIDDEN = "(hidden)";

    public AuditEntry {
        changes = changes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    /** Is {@code value} (this entry's address or a changed value) withheld from the reader? */
    public boolean withheld(String value) {
        return HIDDEN.equals(value);
    }

    /** Was any value of this entry withheld from the reader? */
    public boolean withholdsAny() {
        return withheld(address)
                || changes.values().stream().anyMatch(c -> c != null && (withheld(c.before()) || withheld(c.after())));
    }
}
