package org.stdhub.identity;

import org.springframework.stereotype.Component;

/** Row-level checks for {@code @PreAuthorize} expressions: is the principal a member of this organization? */
@Component("organizationAccess")
public class OrganizationAccess {

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
}
