package org.stdhub.identity;

import static org.stdhub.identity.PersonRules.trimLower;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The principals that sign-in, API tokens and sessions stand for: a person with the roles they hold today, and the
 * security version a session compares on every request. <b>For identity's security layer only</b> ({@code
 * identity.security}: the user details service, the session revalidation) and identity's own commands; it checks
 * no permission itself, so other modules never use it (ModularityTests keeps this true). Other modules receive the
 * signed-in {@link StdHubUser} from Spring Security.
 *
 * <p>Suspending, reactivating, changing or resetting the password and granting or ending a role bump the person's
 * {@linkplain Person#getSecurityVersion() security version}; open sessions compare it on each request ({@link
 * #securityVersion(long)}) and are reloaded or ended.
 */
@Service
@Transactional(readOnly = true)
public class Principals {

    private final PersonRepository people;
    private final MembershipRepository memberships;
    private final Clock clock;

    Principals(PersonRepository people, MembershipRepository memberships, Clock clock) {
        this.people = people;
        this.memberships = memberships;
        this.clock = clock;
    }

    /** The principal for a login name or e-mail address, with today's roles. */
    public Optional<StdHubUser> principal(String loginOrEmail, Set<String> scopes) {
        String key = trimLower(loginOrEmail);
        Optional<Person> person =
                key.contains("@") ? people.findByEmailIgnoreCase(key) : people.findByLoginIgnoreCase(key);
        return person.map(p -> principal(p, scopes));
    }

    /** The principal of a password login for a person, as the account is now (for refreshing a session). */
    public Optional<StdHubUser> principal(long personId) {
        return people.findById(personId).map(p -> principal(p, Set.of()));
    }

    /**
     * The person's security version, checked by every request of a session: one primary-key read of one column,
     * empty when the person no longer exists.
     */
    public OptionalInt securityVersion(long personId) {
        return people.findSecurityVersion(personId).map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    StdHubUser principal(Person p, Set<String> scopes) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Set<Role>> roles = new HashMap<>();
        for (Membership m : memberships.findByPerson(p.getId())) {
            if (m.isValidOn(today) && m.getOrganization().getStatus() != Organization.Status.REJECTED) {
                // a pending enterprise's user may sign in and see their own things, but holds no role there yet
                if (m.getOrganization().getStatus() == Organization.Status.APPROVED) {
                    roles.computeIfAbsent(m.getOrganization().getId(), k -> EnumSet.noneOf(Role.class))
                            .add(m.getRole());
                }
            }
        }
        return new StdHubUser(
                p.getId(),
                p.getLogin(),
                p.getDisplayNameZh(),
                p.getPasswordHash(),
                p.getStatus() == Person.Status.ACTIVE,
                p.isMustChangePassword(),
                p.getSecurityVersion(),
                roles,
                scopes);
    }
}
