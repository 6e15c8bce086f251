package org.stdhub.identity;

import static org.stdhub.identity.PersonRules.trimLower;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/**
 * A person's password: reset by a link mailed to their address, or changed while signed in; every new password
 * meets the {@link PasswordPolicy}.
 *
 * <p><b>Reset links.</b> A reset link works once, for one hour, and only while it is the account's newest: asking
 * for a new link, resetting and changing the password withdraw every outstanding one. The mail leaves after the
 * request is committed ({@link EmailLinks}).
 *
 * <p>Changing or resetting the password bumps the person's {@linkplain Person#getSecurityVersion() security
 * version}: their other open sessions end.
 */
@Service
@Transactional
public class Passwords {

    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    private final PersonRepository people;
    private final EmailLinks links;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Passwords(
            PersonRepository people,
            EmailLinks links,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            Clock clock) {
        this.people = people;
        this.links = links;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    /** Sends a reset link if the address belongs to an account; says nothing either way (no account probing). */
    public void requestReset(String email) {
        if (email == null || !PersonRules.EMAIL.matcher(trimLower(email)).matches()) {
            throw new InvalidInputException(Map.of("email", "person.error.email"));
        }
        people.findByEmailIgnoreCase(trimLower(email))
                .filter(p -> p.getStatus() != Person.Status.SUSPENDED)
                .ifPresent(p -> {
                    // only the newest link works
                    links.withdraw(p.getId(), EmailToken.Purpose.RESET);
                    links.send(
                            p,
                            EmailToken.Purpose.RESET,
                            RESET_VALIDITY,
                            "/password/reset?token=",
                            "mail.reset.subject",
                            "mail.reset.body");
                    events.publishEvent(StateChanged.of("person", p.getLogin(), "password-reset-requested"));
                });
    }

    /** Sets a new password with a reset link; the link also proves the address. */
    public void reset(String token, String newPassword) {
        EmailToken t = links.usable(token, EmailToken.Purpose.RESET);
        Person p = t.getPerson();
        String problem = PasswordPolicy.problem(newPassword, p.getLogin());
        if (problem != null) {
            throw new InvalidInputException(Map.of("password", problem));
        }
        t.use(clock.instant());
        p.changePassword(encoder.encode(newPassword));
        links.withdraw(p.getId(), EmailToken.Purpose.RESET);
        if (p.getEmailVerifiedAt() == null) {
            p.verifyEmail(clock.instant()); // the link proves the address
        }
        events.publishEvent(StateChanged.of("person", p.getLogin(), "password-reset"));
    }

    /** A signed-in person changes their own password (also the forced change of a one-time password). */
    @PreAuthorize("isAuthenticated() and #login == authentication.name")
    public void change(String login, String currentPassword, String newPassword) {
        Person p = people.findByLoginIgnoreCase(login)
                .orElseThrow(() -> new NotFoundException("person.error.not-found", login));
        var errors = new InvalidInputException.Collector();
        errors.check(
                currentPassword != null && encoder.matches(currentPassword, p.getPasswordHash()),
                "currentPassword",
                "password.error.current");
        String problem = PasswordPolicy.problem(newPassword, p.getLogin());
        errors.check(problem == null, "password", problem);
        errors.check(newPassword == null || !newPassword.equals(currentPassword), "password", "password.error.same");
        errors.throwIfAny();
        p.changePassword(encoder.encode(newPassword));
        links.withdraw(p.getId(), EmailToken.Purpose.RESET);
        events.publishEvent(StateChanged.of("person", p.getLogin(), "password-changed"));
    }
}
