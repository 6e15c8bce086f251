package org.stdhub.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.stdhub.platform.HistoryAccess;

/**
 * Who reads which object's history, and how much of it, from the {@link HistoryAccess} rules the owning modules
 * contribute:
 *
 * <ul>
 *   <li>administrators read every history, with every value (they read the whole log at {@code /admin/audit});
 *   <li>anyone else reads a history when the rule that claims its object type says so; a type no rule claims is
 *       read by administrators only (deny by default);
 *   <li>personal data is shown to administrators only: the client address of every entry, the fields a rule names
 *       for its type and the fields of {@link #PERSONAL_FIELDS} whatever the type; others see the entry with
 *       those values {@linkplain AuditEntry#HIDDEN withheld}, and no hashes (a hash over a withheld value would
 *       let one guess it, and only an administrator can verify the chain anyway).
 * </ul>
 */
@Component
class HistoryPolicy {

    /** Fields that are personal data under any object type (e-mail addresses, telephone numbers, addresses …). */
    static final Set<String> PERSONAL_FIELDS =
            Set.of("email", "mobile", "phone", "telephone", "address", "clientAddress", "ip", "idNumber");

    private final Map<String, HistoryAccess> rules = new HashMap<>();

    HistoryPolicy(List<HistoryAccess> contributions) {
        for (HistoryAccess rule : contributions) {
            for (String type : rule.objectTypes()) {
                HistoryAccess before = rules.putIfAbsent(type, rule);
                if (before != null) {
                    throw new IllegalStateException("object type '" + type + "' is claimed by both "
                            + before.getClass().getName() + " and "
                            + rule.getClass().getName());
                }
            }
        }
    }

    /** May {@code viewer} read the history of this object? */
    boolean maySee(String objectType, String objectId, Authentication viewer) {
        if (!signedIn(viewer)) {
            return false;
        }
        if (isAdmin(viewer)) {
            return true;
        }
        HistoryAccess rule = rules.get(objectType);
        return rule != null && rule.maySee(objectType, objectId, viewer);
    }

    /**
     * The object in people's words ({@link HistoryAccess#title}), when {@code viewer} may see its history — or, for a
     * person, always (whoever reads a history sees who made each change).
     */
    java.util.Optional<String> title(
            String objectType, String objectId, Authentication viewer, java.util.Locale locale) {
        HistoryAccess rule = rules.get(objectType);
        if (rule == null || !("person".equals(objectType) || maySee(objectType, objectId, viewer))) {
            return java.util.Optional.empty();
        }
        return rule.title(objectType, objectId, locale);
    }

    /** What {@code viewer} is shown of this type's entries. */
    Disclosure disclosureFor(String objectType, Authentication viewer) {
        if (isAdmin(viewer)) {
            return Disclosure.EVERYTHING;
        }
        Set<String> personal = new HashSet<>(PERSONAL_FIELDS);
        HistoryAccess rule = rules.get(objectType);
        if (rule != null) {
            personal.addAll(rule.personalFields(objectType));
        }
        return Disclosure.withholding(personal);
    }

    static boolean isAdmin(Authentication viewer) {
        return signedIn(viewer) && HistoryAccess.hasRole(viewer, "ADMIN");
    }

    private static boolean signedIn(Authentication viewer) {
        return viewer != null && viewer.isAuthenticated() && !(viewer instanceof AnonymousAuthenticationToken);
    }
}
