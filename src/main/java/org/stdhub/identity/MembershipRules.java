package org.stdhub.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.NotPermittedException;

/**
 * Who may grant or end whose roles, beyond the role checks of {@code @PreAuthorize}: only an administrator grants
 * or ends the administrator role (or ends an administrator's roles), nobody changes their own roles, and the last
 * active administrator stays — neither by ending the role nor by suspending the account; nobody suspends their own
 * account.
 */
final class MembershipRules {

    private MembershipRules() {}

    /** The one acting: their person (null for the system itself, e.g. an operator command) and whether admin. */
    record Actor(Long personId, boolean admin) {

        static Actor current() {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null) {
                return new Actor(null, false);
            }
            if (auth.getPrincipal() instanceof StdHubUser user) {
                return new Actor(user.personId(), user.hasRole(Role.ADMIN));
            }
            boolean admin = auth.getAuthorities().stream()
                    .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
            return new Actor(null, admin);
        }

        boolean is(long personId) {
            return this.personId != null && this.personId == personId;
        }
    }

    static void checkGrant(Actor actor, long personId, Role role) {
        if (role == Role.ADMIN && !actor.admin()) {
            throw new NotPermittedException("membership.error.admin-only");
        }
        if (actor.is(personId)) {
            throw new NotPermittedException("membership.error.own-roles");
        }
    }

    /**
     * @param holderIsAdmin whether the membership's person holds the administrator role now
     * @param otherActiveAdmins how many other active people hold the administrator role now
     */
    static void checkEnd(Actor actor, long personId, Role role, boolean holderIsAdmin, long otherActiveAdmins) {
        if ((role == Role.ADMIN || holderIsAdmin) && !actor.admin()) {
            throw new NotPermittedException("membership.error.admin-only");
        }
        if (role == Role.ADMIN && otherActiveAdmins == 0) {
            throw new ConflictException("membership.error.last-admin");
        }
        if (actor.is(personId)) {
            throw new NotPermittedException("membership.error.own-roles");
        }
    }

    /**
     * Suspending an account: never one's own, never the last active administrator's (which would lock everyone out of
     * administration).
     */
    static void checkSuspend(Actor actor, long personId, boolean holderIsAdmin, long otherActiveAdmins) {
        if (actor.is(personId)) {
            throw new NotPermittedException("person.error.own-account");
        }
        if (holderIsAdmin && otherActiveAdmins == 0) {
            throw new ConflictException("person.error.last-admin");
        }
    }
}
