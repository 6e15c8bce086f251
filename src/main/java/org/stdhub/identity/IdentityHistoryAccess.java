package org.stdhub.identity;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.stdhub.platform.HistoryAccess;

/**
 * Who reads the history of people and organizations (memberships and API tokens are recorded in their person's
 * history). Administrators read every history anyway (the audit module's rule).
 *
 * <ul>
 *   <li>{@code person} (id: the login): the person themself and the base office, who may open every person's
 *       record ({@link Accounts#find}); there is no organization administrator role, so nobody else;
 *   <li>{@code organization} (id: the number): its members (any role held there today, as for
 *       {@link Organizations#members}) and the base office.
 * </ul>
 *
 * Personal data, shown to administrators only: a person's e-mail address and mobile number, an organization's
 * unified social credit code (and their client addresses, withheld by the audit module for every type).
 */
@Component
class IdentityHistoryAccess implements HistoryAccess {

    static final String PERSON = "person";
    static final String ORGANIZATION = "organization";

    private final OrganizationAccess organizations;

    IdentityHistoryAccess(OrganizationAccess organizations) {
        this.organizations = organizations;
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of(PERSON, ORGANIZATION);
    }

    @Override
    public boolean maySee(String objectType, String objectId, Authentication viewer) {
        if (HistoryAccess.hasRole(viewer, Role.BASE_OFFICER.name())) {
            return true;
        }
        return switch (objectType) {
            case PERSON -> objectId.equals(viewer.getName());
            case ORGANIZATION -> isMember(viewer, objectId);
            default -> false;
        };
    }

    @Override
    public Set<String> personalFields(String objectType) {
        return switch (objectType) {
            case PERSON -> Set.of("email", "mobile");
            case ORGANIZATION -> Set.of("creditCode");
            default -> Set.of();
        };
    }

    private boolean isMember(Authentication viewer, String organizationId) {
        long id;
        try {
            id = Long.parseLong(organizationId);
        } catch (NumberFormatException e) {
            return false;
        }
        return organizations.isMember(viewer.getPrincipal(), id);
    }
}
