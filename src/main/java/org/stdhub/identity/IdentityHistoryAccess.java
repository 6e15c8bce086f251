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
    private final PersonRepository people;
    private final OrganizationRepository organizationRows;

    IdentityHistoryAccess(
            OrganizationAccess organizations, PersonRepository people, OrganizationRepository organizationRows) {
        this.organizations = organizations;
        this.people = people;
        this.organizationRows = organizationRows;
    }

    /** A person by display name (login or number), an organization by name, in the reader's language. */
    @Override
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public java.util.Optional<String> title(String objectType, String objectId, java.util.Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return switch (objectType) {
            case PERSON ->
                people.findByLoginIgnoreCase(objectId)
                        .or(() -> number(objectId).flatMap(people::findById))
                        .map(p ->
                                english && p.getDisplayNameEn() != null ? p.getDisplayNameEn() : p.getDisplayNameZh());
            case ORGANIZATION ->
                number(objectId)
                        .flatMap(organizationRows::findById)
                        .map(o -> english && o.getNameEn() != null ? o.getNameEn() : o.getNameZh());
            default -> java.util.Optional.empty();
        };
    }

    private static java.util.Optional<Long> number(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
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
