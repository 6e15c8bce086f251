package org.stdhub.verification;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.SystemActor;

/**
 * Who acts, as verification's rules see them: a signed-in person with the organizations where they are an
 * enterprise user or a lab engineer (the lab's engineers are its {@code LAB_ENGINEER} members in identity), the base
 * office (base officers, administrators) or the system itself.
 */
record Actor(StdHubUser user, boolean system) {

    static Actor current() {
        if (SystemActor.current().isPresent()) {
            return new Actor(null, true);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return new Actor(auth != null && auth.getPrincipal() instanceof StdHubUser u ? u : null, false);
    }

    boolean isPerson() {
        return user != null;
    }

    Long personId() {
        return user == null ? null : user.personId();
    }

    String name() {
        return user != null ? user.displayName() : system ? SystemActor.SYSTEM : null;
    }

    boolean isOffice() {
        return system || (user != null && (user.hasRole(Role.BASE_OFFICER) || user.hasRole(Role.ADMIN)));
    }

    /** Does this person act for the enterprise that is organization {@code enterpriseId} today? */
    boolean actsFor(long enterpriseId) {
        return user != null && user.hasRoleIn(enterpriseId, Role.ENTERPRISE_USER);
    }

    Set<Long> enterprises() {
        return user == null ? Set.of() : user.organizationsWith(Role.ENTERPRISE_USER);
    }

    Set<Long> labs() {
        return user == null ? Set.of() : user.organizationsWith(Role.LAB_ENGINEER);
    }
}
