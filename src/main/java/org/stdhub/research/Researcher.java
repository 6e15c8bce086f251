package org.stdhub.research;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.BaseOffice;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.HistoryAccess;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;

/**
 * Who is asking, as research's rules see them: a signed-in person (a RESEARCHER or not), the base office
 * ({@code BASE_OFFICER}, an administrator or the system itself), or nobody.
 */
record Researcher(Long personId, String name, boolean researcher, boolean office) {

    static Researcher current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Researcher of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return new Researcher(null, null, false, false);
        }
        boolean office = BaseOffice.actsFor(auth);
        boolean researcher = HistoryAccess.hasRole(auth, Role.RESEARCHER.name());
        if (auth.getPrincipal() instanceof StdHubUser user) {
            return new Researcher(user.personId(), user.displayName(), researcher, office);
        }
        return new Researcher(null, SystemActor.current().orElse(null), researcher, office);
    }

    /** The caller's person id; refuses anonymous callers. */
    long person() {
        if (personId == null) {
            throw new NotPermittedException("research.error.sign-in");
        }
        return personId;
    }

    /** Refuses anyone who is neither a researcher nor of the base office. */
    long author() {
        long id = person();
        if (!researcher && !office) {
            throw new NotPermittedException("research.error.not-researcher");
        }
        return id;
    }

    boolean is(Long otherPersonId) {
        return personId != null && personId.equals(otherPersonId);
    }
}
