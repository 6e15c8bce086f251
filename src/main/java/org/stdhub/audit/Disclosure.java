package org.stdhub.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.stdhub.platform.StateChanged;

/**
 * How much of an entry one reader is shown: everything (administrators), or the entry with its personal data
 * withheld (the client address, the values of the personal fields) and without its hashes. A value that was empty
 * stays empty: that a field had no value is not personal.
 */
record Disclosure(boolean everything, Set<String> personalFields) {

    static final Disclosure EVERYTHING = new Disclosure(true, Set.of());

    Disclosure {
        personalFields = Set.copyOf(personalFields);
    }

    static Disclosure withholding(Set<String> personalFields) {
        return new Disclosure(false, personalFields);
    }

    AuditEntry apply(AuditEntry e) {
        if (everything) {
            return e;
        }
        return new AuditEntry(
                e.seq(),
                e.occurredAt(),
                e.actor(),
                withhold(e.address()),
                e.objectType(),
                e.objectId(),
                e.action(),
                changes(e.changes()),
                e.comment(),
                null,
                null);
    }

    AuditStore.Row apply(AuditStore.Row r) {
        if (everything) {
            return r;
        }
        return new AuditStore.Row(
                r.seq(),
                r.occurredAt(),
                r.actor(),
                withhold(r.address()),
                r.objectType(),
                r.objectId(),
                r.action(),
                AuditStore.changesJson(changes(AuditStore.parseChanges(r.changes()))),
                r.comment(),
                null,
                null);
    }

    private Map<String, StateChanged.Change> changes(Map<String, StateChanged.Change> changes) {
        Map<String, StateChanged.Change> shown = new LinkedHashMap<>();
        changes.forEach((field, c) -> shown.put(
                field,
                c != null && personalFields.contains(field)
                        ? new StateChanged.Change(withhold(c.before()), withhold(c.after()))
                        : c));
        return shown;
    }

    private static String withhold(String value) {
        return value == null ? null : AuditEntry.HIDDEN;
    }
}
