package org.stdhub.identity;

import org.springframework.security.core.Authentication;
import org.stdhub.platform.HistoryAccess;
import org.stdhub.platform.SystemActor;

/**
 * Who acts for the base office, as every module's rules see it: a {@code BASE_OFFICER}, an administrator, or the
 * platform itself (start-up, scheduled jobs and demo data run as a {@link SystemActor}).
 */
public final class BaseOffice {

    private BaseOffice() {}

    /** Does {@code auth} act for the base office? False for an anonymous caller ({@code null}). */
    public static boolean actsFor(Authentication auth) {
        return auth != null
                && (HistoryAccess.hasRole(auth, Role.BASE_OFFICER.name())
                        || HistoryAccess.hasRole(auth, Role.ADMIN.name())
                        || isSystem(auth));
    }

    /** Is {@code auth} the platform itself ({@link SystemActor})? */
    public static boolean isSystem(Authentication auth) {
        return auth != null
                && auth.getAuthorities().stream().anyMatch(a -> SystemActor.AUTHORITY.equals(a.getAuthority()));
    }
}
