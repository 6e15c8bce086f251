package org.stdhub.programme;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.BaseOffice;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.HistoryAccess;
import org.stdhub.platform.SystemActor;

/**
 * Who is asking, as the programme's rules see them: the base office (a {@code BASE_OFFICER}, an administrator or the
 * system), whether an administrator, and the units (organizations) in which the person holds any role today.
 */
record ProgrammeViewer(Long personId, String name, boolean office, Set<Long> units, boolean admin) {

    ProgrammeViewer(Long personId, String name, boolean office, Set<Long> units) {
        this(personId, name, office, units, false);
    }

    static ProgrammeViewer current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static ProgrammeViewer of(Authentication auth) {
        if (auth == null) {
            return new ProgrammeViewer(null, null, false, Set.of());
        }
        boolean admin = HistoryAccess.hasRole(auth, Role.ADMIN.name());
        boolean office = BaseOffice.actsFor(auth);
        if (auth.getPrincipal() instanceof StdHubUser user) {
            Set<Long> units = new TreeSet<>();
            for (Role role : Role.values()) {
                units.addAll(user.organizationsWith(role));
            }
            return new ProgrammeViewer(user.personId(), user.displayName(), office, Set.copyOf(units), admin);
        }
        return new ProgrammeViewer(null, auth.getName(), office, Set.of(), admin);
    }

    boolean memberOf(long organizationId) {
        return units.contains(organizationId);
    }

    /** Is this the person {@code otherPersonId} (false when either is unknown)? */
    boolean is(Long otherPersonId) {
        return personId != null && personId.equals(otherPersonId);
    }

    boolean maySee(long organizationId) {
        return office || memberOf(organizationId);
    }

    /** The name recorded as who did something. */
    String actor() {
        return name == null ? SystemActor.current().orElse(SystemActor.SYSTEM) : name;
    }
}
