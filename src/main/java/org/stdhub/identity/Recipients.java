package org.stdhub.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom the system writes to about a person's or an organization's things (e.g. watchlist alerts): the {@link
 * Contact}s of people with an active account. For the system's own use, so it checks no permission — it is not
 * reachable over HTTP and must stay so: no controller hands its answers to a person. Accounts keep no preferred
 * language yet, so a contact has none.
 */
@Service
@Transactional(readOnly = true)
public class Recipients {

    private final PersonRepository people;
    private final MembershipRepository memberships;
    private final Clock clock;

    Recipients(PersonRepository people, MembershipRepository memberships, Clock clock) {
        this.people = people;
        this.memberships = memberships;
        this.clock = clock;
    }

    /** The person, if their account is active; nobody otherwise (pending, suspended or unknown). */
    public List<Contact> ofPerson(long personId) {
        return people.findById(personId).filter(Recipients::active).map(Contact::of).stream()
                .toList();
    }

    /** The person of a login (any case), if their account is active; nobody otherwise. */
    public List<Contact> ofLogin(String login) {
        if (login == null || login.isBlank()) {
            return List.of();
        }
        return people.findByLoginIgnoreCase(login.strip()).filter(Recipients::active).map(Contact::of).stream()
                .toList();
    }

    /** Everyone with an active account who holds a role in the organization today, each once. */
    public List<Contact> ofOrganization(long organizationId) {
        LocalDate today = LocalDate.now(clock);
        return memberships.findByOrganization(organizationId).stream()
                .filter(m -> m.isValidOn(today))
                .map(Membership::getPerson)
                .filter(Recipients::active)
                .map(Contact::of)
                .distinct()
                .toList();
    }

    private static boolean active(Person person) {
        return person.getStatus() == Person.Status.ACTIVE;
    }
}
