package org.stdhub.talent;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.BaseOffice;
import org.stdhub.identity.StdHubUser;

/**
 * Who is asking, as the talent module's rules see them: a person (possibly an expert), someone of the base office
 * (a {@code BASE_OFFICER}, an administrator or the system itself), or both.
 */
record Viewer(Long personId, boolean office) {

    static Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return of(auth);
    }

    static Viewer of(Authentication auth) {
        if (auth == null) {
            return new Viewer(null, false);
        }
        boolean office = BaseOffice.actsFor(auth);
        Long person = auth.getPrincipal() instanceof StdHubUser user ? user.personId() : null;
        return new Viewer(person, office);
    }

    boolean is(long otherPersonId) {
        return personId != null && personId == otherPersonId;
    }

    String displayName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StdHubUser user ? user.displayName() : null;
    }
}
