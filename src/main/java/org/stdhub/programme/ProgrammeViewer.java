package org.stdhub.programme;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.HistoryAccess;
import org.stdhub.platform.SystemActor;

/**
 * Who is asking, as the programme's rules see them: the base office (a {@code BASE_OFFICER}, an administrator or the
 * system), and the units (organizations) in which the person holds any role today.
 */
record ProgrammeViewer(Long personId, String name, boolean office, Set<Long> units) {

    static ProgrammeViewer current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static ProgrammeViewer of(Authentication auth) {
        if (auth == null) {
            return new ProgrammeViewer(null, null, false, Set.of());
        }
        boolean office = HistoryAccess.hasRole(auth, Role.BASE_OFFICER.name())
                || HistoryAccess.hasRole(auth, Role.ADMIN.name())
                || auth.getAuthorities().stream().anyMatch(a -> SystemActor.AUTHORITY.equals(a.getAuthority()));
        if (auth.getPrincipal() instanceof StdHubUser user) {
            Set<Long> units = new TreeSet<>();
            for (Role role : Role.values()) {
                units.addAll(user.organizationsWith(role));
            }
            return new ProgrammeViewer(user.personId(), user.displayName(), office, Set.copyOf(units));
        }
        return new ProgrammeViewer(null, auth.getName(), office, Set.of());
    }

    boolean memberOf(long organizationId) {
        return units.contains(organizationId);
    }

    boolean maySee(long organizationId) {
        return office || memberOf(organizationId);
    }

    /** The name recorded as who did something. */
    String actor() {
        return name == null ? SystemActor.current().orElse(SystemActor.SYSTEM) : name;
    }
}
