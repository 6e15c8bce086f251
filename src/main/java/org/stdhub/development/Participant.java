package org.stdhub.development;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.SystemActor;

/**
 * Who acts, as the development module sees them: a signed-in person (with their id and name), or the system
 * running scheduled work. Parties are per alliance: a secretary of alliance A is nobody in alliance B.
 */
record Participant(Long personId, String name, StdHubUser user, boolean system) {

    static Participant current() {
        if (SystemActor.current().isPresent()) {
            return new Participant(null, SystemActor.current().get(), null, true);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StdHubUser user) {
            return new Participant(user.personId(), user.displayName(), user, false);
        }
        return new Participant(null, null, null, false);
    }

    boolean isPerson() {
        return user != null;
    }

    /** The parties this participant plays in the alliance that is organization {@code allianceOrganizationId}. */
    Set<Party> partiesIn(long allianceOrganizationId) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (system) {
            parties.add(Party.SYSTEM);
        }
        if (user != null) {
            if (user.hasRoleIn(allianceOrganizationId, Role.ALLIANCE_SECRETARY)) {
                parties.add(Party.SECRETARY);
                parties.add(Party.MEMBER);
            }
            if (user.hasRoleIn(allianceOrganizationId, Role.ALLIANCE_MEMBER)) {
                parties.add(Party.MEMBER);
            }
        }
        return parties;
    }

    /** The base office or an administrator: registers alliances. */
    boolean isBaseOffice() {
        return system || (user != null && (user.hasRole(Role.BASE_OFFICER) || user.hasRole(Role.ADMIN)));
    }
}
