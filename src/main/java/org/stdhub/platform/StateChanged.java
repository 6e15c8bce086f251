package org.stdhub.platform;

import java.util.Map;
import java.util.Objects;

/**
 * A state change of a domain object, published by the module that made it, inside the same transaction.
 * The audit module records every one of these in its hash-chained log (and nothing is recorded when the
 * transaction rolls back).
 *
 * @param objectType the kind of object in the domain's words, e.g. "standard", "organization", "person"
 * @param objectId its identifier (designation, id, login …)
 * @param action what happened, a stable key such as "created", "approved", "password-reset"
 * @param changes changed fields: name → before/after (values rendered as text; secrets never included)
 * @param comment why, as the person said it (may be null)
 */
public record StateChanged(
        String objectType, String objectId, String action, Map<String, Change> changes, String comment) {

    /** One changed field. */
    public record Change(String before, String after) {}

    public StateChanged {
        Objects.requireNonNull(objectType);
        Objects.requireNonNull(objectId);
        Objects.requireNonNull(action);
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }

    public static StateChanged of(String objectType, Object objectId, String action) {
        return new StateChanged(objectType, String.valueOf(objectId), action, Map.of(), null);
    }

    public StateChanged withChange(String field, Object before, Object after) {
        var map = new java.util.LinkedHashMap<>(changes);
        map.put(
                field,
                new Change(
                        before == null ? null : String.valueOf(before), after == null ? null : String.valueOf(after)));
        return new StateChanged(objectType, objectId, action, map, comment);
    }

    public StateChanged withComment(String why) {
        return new StateChanged(objectType, objectId, action, changes, why);
    }
}
