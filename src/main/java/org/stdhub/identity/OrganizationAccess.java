package org.stdhub.identity;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Row-level checks for {@code @PreAuthorize} expressions: is the principal a member, a secretary, the holder? */
@Component("organizationAccess")
public class OrganizationAccess {

    private final MembershipRepository memberships;

    OrganizationAccess(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    public boolean isMember(Object principal, long organizationId) {
        if (!(principal instanceof StdHubUser user)) {
            return false;
        }
        for (Role role : Role.values()) {
            if (user.hasRoleIn(organizationId, role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isSecretaryOf(Object principal, long organizationId) {
        return principal instanceof StdHubUser user && user.hasRoleIn(organizationId, Role.ALLIANCE_SECRETARY);
    }

    /** An alliance's secretary may end the alliance's member roles (ALLIANCE_MEMBER), and no other. */
    @Transactional(readOnly = true)
    public boolean mayEnd(Object principal, long membershipId) {
        return memberships
                .findById(membershipId)
                .filter(m -> m.getRole() == Role.ALLIANCE_MEMBER)
                .filter(m -> isSecretaryOf(principal, m.getOrganization().getId()))
                .isPresent();
    }

    /** The holder of a membership and the members of its organization may read it. */
    @Transactional(readOnly = true)
    public boolean maySee(Object principal, long membershipId) {
        if (!(principal instanceof StdHubUser user)) {
            return false;
        }
        return memberships
                .findById(membershipId)
                .filter(m -> m.getPerson().getId() == user.personId()
                        || isMember(principal, m.getOrganization().getId()))
                .isPresent();
    }
}
