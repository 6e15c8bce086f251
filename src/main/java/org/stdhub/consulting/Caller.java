package org.stdhub.consulting;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.BaseOffice;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;

/**
 * Who is asking, as consulting's rules see them: a signed-in person (with the enterprises they act for), someone of
 * the base office ({@code BASE_OFFICER}, an administrator or the system itself), or nobody.
 */
record Caller(Long personId, String name, Set<Long> enterprises, boolean office) {

    static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Caller of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return new Caller(null, null, Set.of(), false);
        }
        boolean office = BaseOffice.actsFor(auth);
        if (auth.getPrincipal() instanceof StdHubUser user) {
            return new Caller(
                    user.personId(), user.displayName(), user.organizationsWith(Role.ENTERPRISE_USER), office);
        }
        return new Caller(null, SystemActor.current().orElse(null), Set.of(), office);
    }

    /** The caller's person id; refuses anonymous callers. */
    long person() {
        if (personId == null) {
            throw new NotPermittedException("consulting.error.sign-in");
        }
        return personId;
    }

    boolean is(Long otherPersonId) {
        return personId != null && personId.equals(otherPersonId);
    }

    boolean actsFor(long organizationId) {
        return enterprises.contains(organizationId);
    }
}
