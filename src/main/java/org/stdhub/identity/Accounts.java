package org.stdhub.identity;

import static org.stdhub.identity.PersonRules.blankToNull;
import static org.stdhub.identity.PersonRules.trimLower;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/**
 * Administration of people's accounts: an administrator creates, suspends, reactivates, finds and lists accounts
 * and reads a person's memberships. Self-registration is {@link Registrations}'s, passwords are {@link Passwords}'s,
 * and what the security layer loads at sign-in is {@link Principals}'s.
 *
 * <p><b>Sessions.</b> Suspending and reactivating an account, and granting or ending a role, bump the person's
 * {@linkplain Person#getSecurityVersion() security version}; open sessions compare it on each request ({@link
 * Principals#securityVersion(long)}) and are reloaded or ended.
 */
@Service
@Transactional
public class Accounts {

    private final PersonRepository people;
    private final MembershipRepository memberships;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(
            PersonRepository people,
            MembershipRepository memberships,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            Clock clock) {
        this.people = people;
        this.memberships = memberships;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** An administrator creates an account (active at once). Returns the one-time password when none was given. */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public CreatedPerson createPerson(NewPerson n) {
        return createPersonUnchecked(n);
    }

    /**
     * Demo accounts nobody signs in to as they are: like {@link #createPerson} without a password, except that the
     * generated password (never shown, so nobody knows it) is hashed once for the whole list instead of once per
     * account — hashing is deliberately slow, and a demo of hundreds of people would wait seconds for it. Each
     * account must set its own password before use, as with a one-time password nobody was given. Not for real
     * people: {@link #createPerson} hashes a password of their own for each.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public List<Long> createDemoPeople(List<NewPerson> newPeople) {
        String unknown = passwords.encode(Secrets.newPassword());
        return newPeople.stream().map(n -> createPerson(n, unknown).personId()).toList();
    }

    /** For start-up and the command line, which act as the system itself. */
    CreatedPerson createPersonUnchecked(NewPerson n) {
        return createPerson(n, null);
    }

    /** Creates the account; {@code sharedHash} (demo accounts only) replaces the hash of a generated password. */
    private CreatedPerson createPerson(NewPerson n, String sharedHash) {
        String login = trimLower(n.login());
        String email = trimLower(n.email());
        var errors = new InvalidInputException.Collector();
        PersonRules.check(errors, login, email, n.mobile(), n.displayNameZh(), n.displayNameEn());
        // an administrator (or the operator) may know which accounts exist
        if (!errors.has("login") && people.existsByLoginIgnoreCase(login)) {
            errors.add("login", "person.error.login-taken");
        }
        if (!errors.has("email") && people.existsByEmailIgnoreCase(email)) {
            errors.add("email", "person.error.email-taken");
        }
        boolean generated = n.password() == null || n.password().isEmpty();
        if (sharedHash != null && !generated) {
            throw new IllegalArgumentException("a demo account gets no password of its own");
        }
        String password = sharedHash != null ? null : generated ? Secrets.newPassword() : n.password();
        String problem = password == null ? null : PasswordPolicy.problem(password, login);
        errors.check(problem == null, "password", problem);
        errors.throwIfAny();
        Instant now = clock.instant();
        Person p = new Person(
                login,
                email,
                blankToNull(n.mobile()),
                n.displayNameZh().strip(),
                blankToNull(n.displayNameEn()),
                sharedHash != null ? sharedHash : passwords.encode(password),
                Person.Status.ACTIVE,
                now);
        p.verifyEmail(now);
        if (generated) {
            p.requirePasswordChange();
        }
        try {
            people.saveAndFlush(p);
        } catch (DataIntegrityViolationException e) {
            // created at the same moment by someone else
            switch (TakenKey.of(e)) {
                case "login" -> throw new InvalidInputException(Map.of("login", "person.error.login-taken"));
                case "email" -> throw new InvalidInputException(Map.of("email", "person.error.email-taken"));
                default -> throw e;
            }
        }
        events.publishEvent(StateChanged.of("person", login, "created")
                .withChange("email", null, email)
                .withChange("status", null, p.getStatus()));
        return new CreatedPerson(p.getId(), login, generated && sharedHash == null ? password : null);
    }

    /** The result of creating an account; {@code oneTimePassword} is shown once and never stored in clear. */
    // Serializable: shown once as a flash attribute, which the cluster profile keeps in the database session
    public record CreatedPerson(long personId, String login, String oneTimePassword) implements Serializable {}

    @PreAuthorize("hasRole('ADMIN')")
    public void suspend(long personId, String reason) {
        Person p = person(personId);
        LocalDate today = LocalDate.now(clock);
        boolean holderIsAdmin = memberships.findByPerson(personId).stream()
                .anyMatch(m -> m.getRole() == Role.ADMIN && m.isValidOn(today));
        long otherAdmins = memberships.countOtherHolders(
                Role.ADMIN, today, personId, Person.Status.ACTIVE, Organization.Status.APPROVED);
        MembershipRules.checkSuspend(MembershipRules.Actor.current(), personId, holderIsAdmin, otherAdmins);
        var before = p.getStatus();
        p.suspend();
        events.publishEvent(StateChanged.of("person", p.getLogin(), "suspended")
                .withChange("status", before, p.getStatus())
                .withComment(reason));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void reactivate(long personId) {
        Person p = person(personId);
        var before = p.getStatus();
        p.reactivate();
        events.publishEvent(
                StateChanged.of("person", p.getLogin(), "reactivated").withChange("status", before, p.getStatus()));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    @Transactional(readOnly = true)
    public List<Person> all() {
        return people.findAllByOrderByLoginAsc();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER') or #personId == principal.personId()")
    @Transactional(readOnly = true)
    public PersonView find(long personId) {
        return PersonView.of(person(personId));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER') or #personId == principal.personId()")
    @Transactional(readOnly = true)
    public List<MembershipView> membershipsOf(long personId) {
        LocalDate today = LocalDate.now(clock);
        return memberships.findByPerson(personId).stream()
                .map(m -> MembershipView.of(m, today))
                .toList();
    }

    /** A role was granted or ended: the person's open sessions must pick up their new roles. */
    @EventListener
    void membershipChanged(MembershipChanged event) {
        people.findById(event.personId()).ifPresent(Person::securityChanged);
    }

    boolean anyAdmin() {
        return memberships.existsWithRole(Role.ADMIN);
    }

    private Person person(long id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("person.error.not-found", id));
    }
}
