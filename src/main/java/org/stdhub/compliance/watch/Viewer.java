package org.stdhub.compliance.watch;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;

/**
 * The signed-in person as watchlists see them: their own lists, their organizations' lists (any role there), and
 * every list for an administrator.
 */
record Viewer(long personId, Set<Long> organizations, boolean admin) {

    static Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StdHubUser user)) {
            throw new AccessDeniedException("watchlists need a signed-in person");
        }
        return of(user);
    }

    static Viewer of(StdHubUser user) {
        Set<Long> orgs = new LinkedHashSet<>();
        for (Role role : Role.values()) {
            orgs.addAll(user.organizationsWith(role));
        }
        return new Viewer(user.personId(), Set.copyOf(orgs), user.hasRole(Role.ADMIN));
    }

    boolean isMemberOf(long organizationId) {
        return organizations.contains(organizationId);
    }

    boolean maySee(Watchlist list) {
        if (admin) {
            return true;
        }
        return list.isPersonal() ? list.getOwnerPersonId() == personId : isMemberOf(list.getOwnerOrganizationId());
    }

    /** Organization ids for an {@code in (…)} list that must not be empty. */
    List<Long> organizationsOrNone() {
        return organizations.isEmpty() ? List.of(-1L) : List.copyOf(organizations);
    }
}
