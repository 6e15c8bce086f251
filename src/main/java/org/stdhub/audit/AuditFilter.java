package org.stdhub.audit;

/**
 * Which entries of the whole log to show; a null or blank criterion matches everything.
 *
 * @param objectType exact object type
 * @param objectId exact object identifier
 * @param actor exact actor (login)
 * @param action exact action key
 */
public record AuditFilter(String objectType, String objectId, String actor, String action) {

    public AuditFilter {
        objectType = blankToNull(objectType);
        objectId = blankToNull(objectId);
        actor = blankToNull(actor);
        action = blankToNull(action);
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
