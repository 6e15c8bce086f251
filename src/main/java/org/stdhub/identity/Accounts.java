package org.stdhub.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.Mailer;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.UserFacingException;

/**
 * People's accounts: self-registration with e-mail verification, passwords, administration of accounts.
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
 * <p><b>Password-reset links.</b> A reset link works once, for one hour, and only while it is the account's
 * newest: asking for a new link, resetting and changing the password withdraw every outstanding one.
 *
 * <p><b>Sessions.</b> Suspending, reactivating, changing or resetting the password and granting or ending a role
 * bump the person's {@linkplain Person#getSecurityVersion() security version}; open sessions compare it on each
 * request ({@link #securityVersion(long)}) and are reloaded or ended.
 */
@Service
@Transactional
public class Accounts {

    static final Pattern LOGIN = Pattern.compile("^[a-z0-9][a-z0-9_.-]{2,31}$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    static final Pattern MOBILE = Pattern.compile("^\\+?[0-9 -]{6,20}$");
    static final Duration VERIFY_VALIDITY = Duration.ofHours(48);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    private final PersonRepository people;
    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final EmailTokenRepository emailTokens;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Accounts(
            PersonRepository people,
            OrganizationRepository organizations,
            MembershipRepository memberships,
            EmailTokenRepository emailTokens,
            PasswordEncoder passwords,
            Mailer mailer,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.people = people;
        this.organizations = organizations;
        this.memberships = memberships;
        this.emailTokens = emailTokens;
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
        checkPersonFields(errors, login, email, r.mobile(), r.displayNameZh(), r.displayNameEn());
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
            switch (violatedUniqueKey(e)) {
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
        sendToken(
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
                .ifPresent(p -> mailer.send(
                        p.getEmail(),
                        LocaleContextHolder.getLocale(),
                        "mail.register-exists.subject",
                        "mail.register-exists.body",
                        p.getDisplayNameZh(),
                        p.getLogin(),
                        mailer.baseUrl() + "/login",
                        mailer.baseUrl() + "/password/forgot"));
    }

    /** Which of the account's unique keys a failed insert broke: "login", "email", "creditCode" or "". */
    static String violatedUniqueKey(DataIntegrityViolationException e) {
        String text = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null) {
                text = c.getConstraintName();
                break;
            }
        }
        if (text.isEmpty()) {
            text = String.valueOf(e.getMostSpecificCause().getMessage());
        }
        text = text.toLowerCase(Locale.ROOT);
        int values = text.indexOf(" values"); // H2 quotes the offending values after the index name
        if (values >= 0) {
            text = text.substring(0, values);
        }
        if (text.contains("person_login")) {
            return "login";
        }
        if (text.contains("person_email")) {
            return "email";
        }
        if (text.contains("organization_credit_code")) {
            return "creditCode";
        }
        return "";
    }

    /** Confirms an e-mail address from the link sent at registration; activates the account. */
    public String verifyEmail(String token) {
        EmailToken t = usableToken(token, EmailToken.Purpose.VERIFY);
        Instant now = clock.instant();
        t.use(now);
        Person p = t.getPerson();
        var before = p.getStatus();
        p.verifyEmail(now);
        events.publishEvent(
                StateChanged.of("person", p.getLogin(), "email-verified").withChange("status", before, p.getStatus()));
        return p.getLogin();
    }

    /** Sends a reset link if the address belongs to an account; says nothing either way (no account probing). */
    public void requestPasswordReset(String email) {
        if (email == null || !EMAIL.matcher(trimLower(email)).matches()) {
            throw new InvalidInputException(Map.of("email", "person.error.email"));
        }
        people.findByEmailIgnoreCase(trimLower(email))
                .filter(p -> p.getStatus() != Person.Status.SUSPENDED)
                .ifPresent(p -> {
                    // only the newest link works
                    emailTokens.withdraw(p.getId(), EmailToken.Purpose.RESET, clock.instant());
                    sendToken(
                            p,
                            EmailToken.Purpose.RESET,
                            RESET_VALIDITY,
                            "/password/reset?token=",
                            "mail.reset.subject",
                            "mail.reset.body");
                    events.publishEvent(StateChanged.of("person", p.getLogin(), "password-reset-requested"));
                });
    }

    public void resetPassword(String token, String newPassword) {
        EmailToken t = usableToken(token, EmailToken.Purpose.RESET);
        Person p = t.getPerson();
        String problem = PasswordPolicy.problem(newPassword, p.getLogin());
        if (problem != null) {
            throw new InvalidInputException(Map.of("password", problem));
        }
        t.use(clock.instant());
        p.changePassword(passwords.encode(newPassword));
        emailTokens.withdraw(p.getId(), EmailToken.Purpose.RESET, clock.instant());
        if (p.getEmailVerifiedAt() == null) {
            p.verifyEmail(clock.instant()); // the link proves the address
        }
        events.publishEvent(StateChanged.of("person", p.getLogin(), "password-reset"));
    }

    /** A signed-in person changes their own password (also the forced change of a one-time password). */
    @PreAuthorize("isAuthenticated() and #login == authentication.name")
    public void changePassword(String login, String currentPassword, String newPassword) {
        Person p = people.findByLoginIgnoreCase(login)
                .orElseThrow(() -> new NotFoundException("person.error.not-found", login));
        var errors = new InvalidInputException.Collector();
        errors.check(
                currentPassword != null && passwords.matches(currentPassword, p.getPasswordHash()),
                "currentPassword",
                "password.error.current");
        String problem = PasswordPolicy.problem(newPassword, p.getLogin());
        errors.check(problem == null, "password", problem);
        errors.check(newPassword == null || !newPassword.equals(currentPassword), "password", "password.error.same");
        errors.throwIfAny();
        p.changePassword(passwords.encode(newPassword));
        emailTokens.withdraw(p.getId(), EmailToken.Purpose.RESET, clock.instant());
        events.publishEvent(StateChanged.of("person", p.getLogin(), "password-changed"));
    }

    /** An administrator creates an account (active at once). Returns the one-time password when none was given. */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public CreatedPerson createPerson(NewPerson n) {
        return createPersonUnchecked(n);
    }

    /** For start-up and the command line, which act as the system itself. */
    CreatedPerson createPersonUnchecked(NewPerson n) {
        String login = trimLower(n.login());
        String email = trimLower(n.email());
        var errors = new InvalidInputException.Collector();
        checkPersonFields(errors, login, email, n.mobile(), n.displayNameZh(), n.displayNameEn());
        // an administrator (or the operator) may know which accounts exist
        if (!errors.has("login") && people.existsByLoginIgnoreCase(login)) {
            errors.add("login", "person.error.login-taken");
        }
        if (!errors.has("email") && people.existsByEmailIgnoreCase(email)) {
            errors.add("email", "person.error.email-taken");
        }
        boolean generated = n.password() == null || n.password().isEmpty();
        String password = generated ? Secrets.newPassword() : n.password();
        String problem = PasswordPolicy.problem(password, login);
        errors.check(problem == null, "password", problem);
        errors.throwIfAny();
        Instant now = clock.instant();
        Person p = new Person(
                login,
                email,
                blankToNull(n.mobile()),
                n.displayNameZh().strip(),
                blankToNull(n.displayNameEn()),
                passwords.encode(password),
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
            switch (violatedUniqueKey(e)) {
                case "login" -> throw new InvalidInputException(Map.of("login", "person.error.login-taken"));
                case "email" -> throw new InvalidInputException(Map.of("email", "person.error.email-taken"));
                default -> throw e;
            }
        }
        events.publishEvent(StateChanged.of("person", login, "created")
                .withChange("email", null, email)
                .withChange("status", null, p.getStatus()));
        return new CreatedPerson(p.getId(), login, generated ? password : null);
    }

    /** The result of creating an account; {@code oneTimePassword} is shown once and never stored in clear. */
    public record CreatedPerson(long personId, String login, String oneTimePassword) {}

    @PreAuthorize("hasRole('ADMIN')")
    public void suspend(long personId, String reason) {
        Person p = person(personId);
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
    public Person find(long personId) {
        return person(personId);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER') or #personId == principal.personId()")
    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(long personId) {
        return memberships.findByPerson(personId);
    }

    // --- used by the security layer ---------------------------------------------------------

    /** The principal for a login name or e-mail address, with today's roles. */
    @Transactional(readOnly = true)
    public Optional<StdHubUser> principal(String loginOrEmail, Set<String> scopes) {
        String key = trimLower(loginOrEmail);
        Optional<Person> person =
                key.contains("@") ? people.findByEmailIgnoreCase(key) : people.findByLoginIgnoreCase(key);
        return person.map(p -> principal(p, scopes));
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
        String name = p.getDisplayNameZh();
        return new StdHubUser(
                p.getId(),
                p.getLogin(),
                name,
                p.getPasswordHash(),
                p.getStatus() == Person.Status.ACTIVE,
                p.isMustChangePassword(),
                p.getSecurityVersion(),
                roles,
                scopes);
    }

    /** The principal of a password login for a person, as the account is now (for refreshing a session). */
    @Transactional(readOnly = true)
    public Optional<StdHubUser> principal(long personId) {
        return people.findById(personId).map(p -> principal(p, Set.of()));
    }

    /**
     * The person's security version, checked by every request of a session: one primary-key read of one column,
     * empty when the person no longer exists.
     */
    @Transactional(readOnly = true)
    public OptionalInt securityVersion(long personId) {
        return people.findSecurityVersion(personId).map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    /** A role was granted or ended: the person's open sessions must pick up their new roles. */
    @EventListener
    void membershipChanged(MembershipChanged event) {
        people.findById(event.personId()).ifPresent(Person::securityChanged);
    }

    boolean anyAdmin() {
        return memberships.existsWithRole(Role.ADMIN);
    }

    // --- helpers ------------------------------------------------------------------------------

    /** The rules of a person's fields; says nothing about which accounts exist. */
    private void checkPersonFields(
            InvalidInputException.Collector errors,
            String login,
            String email,
            String mobile,
            String displayNameZh,
            String displayNameEn) {
        errors.check(login != null && LOGIN.matcher(login).matches(), "login", "person.error.login");
        errors.check(
                email != null && email.length() <= 254 && EMAIL.matcher(email).matches(),
                "email",
                "person.error.email");
        errors.check(
                mobile == null
                        || mobile.isBlank()
                        || (mobile.strip().length() <= 20
                                && MOBILE.matcher(mobile.strip()).matches()),
                "mobile",
                "person.error.mobile");
        errors.check(
                notBlank(displayNameZh) && displayNameZh.strip().length() <= 100,
                "displayNameZh",
                "person.error.display-name");
        errors.check(
                displayNameEn == null || displayNameEn.strip().length() <= 100,
                "displayNameEn",
                "person.error.display-name-en");
    }

    private void sendToken(
            Person person,
            EmailToken.Purpose purpose,
            Duration validity,
            String path,
            String subjectKey,
            String bodyKey) {
        String token = Secrets.newToken("");
        Instant now = clock.instant();
        emailTokens.save(new EmailToken(person, purpose, Secrets.sha256(token), now, now.plus(validity)));
        String link = mailer.baseUrl() + path + token;
        mailer.send(
                person.getEmail(),
                LocaleContextHolder.getLocale(),
                subjectKey,
                bodyKey,
                person.getDisplayNameZh(),
                link,
                validity.toHours());
    }

    private EmailToken usableToken(String token, EmailToken.Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new UserFacingException("token.error.invalid");
        }
        EmailToken t = emailTokens
                .findByTokenHash(Secrets.sha256(token.strip()))
                .filter(x -> x.getPurpose() == purpose)
                .orElseThrow(() -> new UserFacingException("token.error.invalid"));
        if (!t.isUsable(clock.instant())) {
            throw new UserFacingException("token.error.expired");
        }
        return t;
    }

    private Person person(long id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("person.error.not-found", id));
    }

    private static String trimLower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
