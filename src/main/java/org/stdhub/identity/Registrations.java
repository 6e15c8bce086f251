package org.stdhub.identity;

import static org.stdhub.identity.PersonRules.blankToNull;
import static org.stdhub.identity.PersonRules.notBlank;
import static org.stdhub.identity.PersonRules.trimLower;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.Mailer;
import org.stdhub.platform.StateChanged;

/**
 * Self-registration of an enterprise user with their enterprise, and the verification of their e-mail address.
 *
 * <p><b>What registration tells about existing accounts.</b> The form's rules (formats, lengths, password policy,
 * credit code check character) are answered first, and only they while any is broken: a wrong form never says
 * whether a login, an e-mail address or an enterprise is known. When the form is valid:
 *
 * <ul>
 *   <li>a taken <em>login name</em> is said ({@code person.error.login-taken}): the person has to choose another,
 *       so it cannot be hidden; a taken <em>credit code</em> too (enterprises' codes are public, and the person
 *       must ask the enterprise's administrator instead);
 *   <li>a registered <em>e-mail address</em> is never said: the answer is the same "check your mail" page as for
 *       a new account, and the address's owner receives a mail saying that someone tried to register with it
 *       ({@code mail.register-exists.*}), with the ways to sign in or reset the password. Nothing is stored.
 * </ul>
 *
 * Two registrations racing for one login, e-mail address or credit code meet the database's unique constraints;
 * the loser gets the same answer as if it had come second (a field error, or the "check your mail" page), never
 * an error page, and the winner keeps everything.
 *
 * <p>The verification mail leaves after the registration is committed ({@link EmailLinks}).
 */
@Service
@Transactional
public class Registrations {

    static final Duration VERIFY_VALIDITY = Duration.ofHours(48);

    private final PersonRepository people;
    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final EmailLinks links;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Registrations(
            PersonRepository people,
            OrganizationRepository organizations,
            MembershipRepository memberships,
            EmailLinks links,
            PasswordEncoder passwords,
            Mailer mailer,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.people = people;
        this.organizations = organizations;
        this.memberships = memberships;
        this.links = links;
        this.passwords = passwords;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * An enterprise user registers themselves and their enterprise: the account waits for e-mail verification,
     * the enterprise for the base office's approval. Nothing is written when any field is wrong. What the answer
     * reveals about existing accounts is described in the class comment: a registered e-mail address ends here
     * without an error (and with a mail to its owner), exactly like a successful registration.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void register(Registration r) {
        String login = trimLower(r.login());
        String email = trimLower(r.email());
        String code = UnifiedSocialCreditCode.normalize(r.creditCode());
        var errors = new InvalidInputException.Collector();
        PersonRules.check(errors, login, email, r.mobile(), r.displayNameZh(), r.displayNameEn());
        String pw = PasswordPolicy.problem(r.password(), login);
        errors.check(pw == null, "password", pw);
        errors.check(
                notBlank(r.organizationNameZh())
                        && r.organizationNameZh().strip().length() <= 200,
                "organizationNameZh",
                "organization.error.name");
        errors.check(UnifiedSocialCreditCode.isValid(code), "creditCode", "organization.error.credit-code");
        errors.throwIfAny();
        // the form is valid: only now say what is taken (never the e-mail address, see the class comment)
        if (people.existsByLoginIgnoreCase(login)) {
            errors.add("login", "person.error.login-taken");
        }
        if (organizations.findByCreditCode(code).isPresent()) {
            errors.add("creditCode", "organization.error.credit-code-taken");
        }
        errors.throwIfAny();
        if (people.existsByEmailIgnoreCase(email)) {
            tellOwnerOfRegistrationAttempt(email);
            return;
        }
        try {
            transactions.executeWithoutResult(status -> insertRegistration(r, login, email, code));
        } catch (DataIntegrityViolationException e) {
            // a registration running at the same moment took the login, the address or the credit code first
            switch (TakenKey.of(e)) {
                case "login" -> throw new InvalidInputException(Map.of("login", "person.error.login-taken"));
                case "creditCode" ->
                    throw new InvalidInputException(Map.of("creditCode", "organization.error.credit-code-taken"));
                case "email" -> tellOwnerOfRegistrationAttempt(email);
                default -> throw e;
            }
        }
    }

    private void insertRegistration(Registration r, String login, String email, String code) {
        Instant now = clock.instant();
        Organization org = organizations.save(new Organization(
                OrganizationKind.ENTERPRISE,
                r.organizationNameZh().strip(),
                null,
                code,
                null,
                Organization.Status.PENDING,
                now));
        Person person = people.save(new Person(
                login,
                email,
                blankToNull(r.mobile()),
                r.displayNameZh().strip(),
                blankToNull(r.displayNameEn()),
                passwords.encode(r.password()),
                Person.Status.PENDING,
                now));
        memberships.save(new Membership(person, org, Role.ENTERPRISE_USER, LocalDate.now(clock), null, now));
        // unique constraints answer here, before any event or mail
        people.flush();
        events.publishEvent(StateChanged.of("organization", org.getId(), "registered")
                .withChange("name", null, org.getNameZh())
                .withChange("creditCode", null, code)
                .withChange("status", null, org.getStatus()));
        events.publishEvent(StateChanged.of("person", login, "registered")
                .withChange("email", null, email)
                .withChange("status", null, person.getStatus()));
        events.publishEvent(new UserRegistered(person.getId(), login, org.getId()));
        links.send(
                person,
                EmailToken.Purpose.VERIFY,
                VERIFY_VALIDITY,
                "/register/verify?token=",
                "mail.verify.subject",
                "mail.verify.body");
    }

    /** Someone registered with an address that has an account: its owner hears of it, the registrant does not. */
    private void tellOwnerOfRegistrationAttempt(String email) {
        people.findByEmailIgnoreCase(email)
                .ifPresent(p -> links.mailAfterCommit(
                        p.getEmail(),
                        "mail.register-exists.subject",
                        "mail.register-exists.body",
                        p.getDisplayNameZh(),
                        p.getLogin(),
                        mailer.baseUrl() + "/login",
                        mailer.baseUrl() + "/password/forgot"));
    }

    /** Confirms an e-mail address from the link sent at registration; activates the account. */
    public String verifyEmail(String token) {
        EmailToken t = links.usable(token, EmailToken.Purpose.VERIFY);
        Instant now = clock.instant();
        t.use(now);
        Person p = t.getPerson();
        var before = p.getStatus();
        p.verifyEmail(now);
        events.publishEvent(
                StateChanged.of("person", p.getLogin(), "email-verified").withChange("status", before, p.getStatus()));
        return p.getLogin();
    }
}
