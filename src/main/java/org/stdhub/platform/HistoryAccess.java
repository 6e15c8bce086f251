package org.stdhub.platform;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may read the recorded history of one kind of object ({@code /history/{type}/{id}}, page and CSV), and which
 * recorded fields of that kind hold personal data. The module that owns the kind, the one that publishes its
 * {@link StateChanged} events, contributes a bean; the audit module asks them.
 *
 * <p>The audit module's own rules around these contributions: administrators read every history with every value;
 * a kind that no bean claims is readable by administrators only (deny by default); personal data (the fields named
 * by {@link #personalFields}, a few field names that are personal whatever the kind, e.g. {@code email}, and the
 * client address of every entry) is shown to administrators only, everyone else sees that it changed, not to what.
 */
public interface HistoryAccess {

    /** The object types this rule decides for ({@link StateChanged#objectType()}); no two rules may share a type. */
    Set<String> objectTypes();

    /**
     * May {@code viewer}, signed in and not an administrator, read the history of this object? The object may
     * not exist (any more): answer as for an object nobody may see unless the rule needs no object, so that the
     * answer does not tell whether it exists. Called only for the types of {@link #objectTypes()}.
     */
    boolean maySee(String objectType, String objectId, Authentication viewer);

    /**
     * Fields of this type's {@link StateChanged#changes()} whose values are personal data (e-mail addresses,
     * telephone numbers, credit codes …): administrators see them, everyone else sees them withheld.
     */
    default Set<String> personalFields(String objectType) {
        return Set.of();
    }

    /**
     * The object in people's words, for its history page and for values that name it (e.g. a list's name, a
     * person's display name, a standard's designation and title), in {@code locale} where the object has names in
     * several languages; empty when unknown (the page shows the identifier). Asked only for an object the reader may
     * see, or for a person who made a change. A {@code person} may be named by login or by number.
     */
    default java.util.Optional<String> title(String objectType, String objectId, java.util.Locale locale) {
        return java.util.Optional.empty();
    }

    /** Does {@code viewer} hold {@code role} (without the {@code ROLE_} prefix, e.g. "BASE_OFFICER")? */
    static boolean hasRole(Authentication viewer, String role) {
        if (viewer == null) {
            return false;
        }
        String authority = "ROLE_" + role;
        for (GrantedAuthority granted : viewer.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
