package org.stdhub.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.Mailer;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.UserFacingException;

/** People's accounts: self-registration with e-mail verification, passwords, administration of accounts. */
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

    Accounts(
            PersonRepository people,
            OrganizationRepository organizations,
            MembershipRepository memberships,
            EmailTokenRepository emailTokens,
            PasswordEncoder passwords,
            Mailer mailer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.people = people;
        this.organizations = organizations;
        this.memberships = memberships;
        this.emailTokens = emailTokens;
        this.passwords = passwords;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
    }

    /**
     * An enterprise user registers themselves and their enterprise: the account waits for e-mail verification,
     * the enterprise for the base office's approval. Nothing is written when any field is wrong.
     */
    public long register(Registration r) {
        String login = trimLower(r.login());
        String email = trimLower(r.email());
        String code = UnifiedSocialCreditCode.normalize(r.creditCode());
        var errors = new InvalidInputException.Collector();
        checkPersonFields(errors, login, email, r.mobile(), r.displayNameZh());
        String pw = PasswordPolicy.problem(r.password(), login);
        errors.check(pw == null, "password", pw);
        errors.check(
                notBlank(r.organizationNameZh())
                        && r.organizationNameZh().strip().length() <= 200,
                "organizationNameZh",
                "organization.error.name");
        errors.check(UnifiedSocialCreditCode.isValid(code), "creditCode", "organization.error.credit-code");
        if (!errors.has("creditCode") && organizations.findByCreditCode(code).isPresent()) {
            errors.add("creditCode", "organization.error.credit-code-taken");
        }
        errors.throwIfAny();

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
        return person.getId();
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
        checkPersonFields(errors, login, email, n.mobile(), n.displayNameZh());
        errors.check(
                blankToNull(n.displayNameEn()) == null
                        || n.displayNameEn().strip().length() <= 100,
                "displayNameEn",
                "person.error.display-name-en");
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
        people.save(p);
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
                p.isLocked(clock.instant()),
                p.isMustChangePassword(),
                roles,
                scopes);
    }

    /** Records a failed password for the account; returns true when the account has just been locked. */
    public boolean loginFailed(String loginOrEmail) {
        String key = trimLower(loginOrEmail);
        Optional<Person> person =
                key.contains("@") ? people.findByEmailIgnoreCase(key) : people.findByLoginIgnoreCase(key);
        return person.map(p -> {
                    boolean locked = p.loginFailed(clock.instant());
                    if (locked) {
                        events.publishEvent(StateChanged.of("person", p.getLogin(), "locked")
                                .withChange("lockedUntil", null, p.getLockedUntil())
                                .withComment(Person.MAX_FAILED_LOGINS + " failed logins"));
                    }
                    return locked;
                })
                .orElse(false);
    }

    public void loginSucceeded(String login) {
        people.findByLoginIgnoreCase(login).ifPresent(Person::loginSucceeded);
    }

    boolean anyAdmin() {
        return memberships.existsWithRole(Role.ADMIN);
    }

    // --- helpers ------------------------------------------------------------------------------

    private void checkPersonFields(
            InvalidInputException.Collector errors, String login, String email, String mobile, String displayNameZh) {
        errors.check(login != null && LOGIN.matcher(login).matches(), "login", "person.error.login");
        if (!errors.has("login") && people.existsByLoginIgnoreCase(login)) {
            errors.add("login", "person.error.login-taken");
        }
        errors.check(
                email != null && email.length() <= 254 && EMAIL.matcher(email).matches(),
                "email",
                "person.error.email");
        if (!errors.has("email") && people.existsByEmailIgnoreCase(email)) {
            errors.add("email", "person.error.email-taken");
        }
        errors.check(
                mobile == null
                        || mobile.isBlank()
                        || (MOBILE.matcher(mobile.strip()).matches()
                                && mobile.strip().length() <= 20),
                "mobile",
                "person.error.mobile");
        errors.check(
                notBlank(displayNameZh) && displayNameZh.strip().length() <= 100,
                "displayNameZh",
                "person.error.display-name");
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
