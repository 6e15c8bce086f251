package org.stdhub.verification;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.BaseOffice;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;

/**
 * Who asks, as the verification module's rules see them: a signed-in person (with their roles per organization),
 * the base office (a {@code BASE_OFFICER}, an administrator or the system itself), or nobody.
 */
record Caller(StdHubUser user, boolean office, boolean system) {

    static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Caller of(Authentication auth) {
        if (auth == null) {
            return new Caller(null, false, false);
        }
        boolean system = BaseOffice.isSystem(auth);
        boolean office = BaseOffice.actsFor(auth);
        StdHubUser user = auth.getPrincipal() instanceof StdHubUser u ? u : null;
        return new Caller(user, office, system);
    }

    boolean isPerson() {
        return user != null;
    }

    Long personId() {
        return user == null ? null : user.personId();
    }

    /** Holds {@code LAB_ENGINEER} in lab {@code labId} today. */
    boolean engineerOf(long labId) {
        return user != null && user.hasRoleIn(labId, Role.LAB_ENGINEER);
    }

    /** The labs in which this person is an engineer. */
    Set<Long> labs() {
        return user == null ? Set.of() : user.organizationsWith(Role.LAB_ENGINEER);
    }

    boolean secretaryOf(long allianceOrganizationId) {
        return user != null && user.hasRoleIn(allianceOrganizationId, Role.ALLIANCE_SECRETARY);
    }

    /** A member or the secretariat of the alliance: the drafting group's side. */
    boolean memberOf(long allianceOrganizationId) {
        return secretaryOf(allianceOrganizationId)
                || (user != null && user.hasRoleIn(allianceOrganizationId, Role.ALLIANCE_MEMBER));
    }
}
