package org.stdhub.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.stdhub.platform.Mailer;
import org.stdhub.platform.UserFacingException;

/**
 * Links mailed to a person's address (e-mail verification, password reset): a random token of which only the hash
 * is kept, usable once and for a while. The mail leaves <em>after</em> the transaction that stored the token commits
 * (at once outside a transaction): a registration or request that rolls back mails nothing, and a slow mail server
 * never holds a transaction open. The transaction is not undone when the mail then fails: the failure is logged, and
 * the person can ask for a new link ("forgot password" also proves the address).
 */
@Component
class EmailLinks {

    private static final Logger log = LoggerFactory.getLogger(EmailLinks.class);

    private final EmailTokenRepository tokens;
    private final Mailer mailer;
    private final Clock clock;

    EmailLinks(EmailTokenRepository tokens, Mailer mailer, Clock clock) {
        this.tokens = tokens;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Stores a new token for the person and mails its link ({@code path} + token) once the transaction commits. */
    void send(
            Person person,
            EmailToken.Purpose purpose,
            Duration validity,
            String path,
            String subjectKey,
            String bodyKey) {
        String token = Secrets.newToken("");
        Instant now = clock.instant();
        tokens.save(new EmailToken(person, purpose, Secrets.sha256(token), now, now.plus(validity)));
        String link = mailer.baseUrl() + path + token;
        mailAfterCommit(person.getEmail(), subjectKey, bodyKey, person.getDisplayNameZh(), link, validity.toHours());
    }

    /** The stored token of a link, if it is known, of that purpose and still usable; else a message for the page. */
    EmailToken usable(String token, EmailToken.Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new UserFacingException("token.error.invalid");
        }
        EmailToken t = tokens.findByTokenHash(Secrets.sha256(token.strip()))
                .filter(x -> x.getPurpose() == purpose)
                .orElseThrow(() -> new UserFacingException("token.error.invalid"));
        if (!t.isUsable(clock.instant())) {
            throw new UserFacingException("token.error.expired");
        }
        return t;
    }

    /** Every outstanding link of the person for that purpose stops working. */
    void withdraw(long personId, EmailToken.Purpose purpose) {
        tokens.withdraw(personId, purpose, clock.instant());
    }

    /** Mails a message (in the current request's language) once the current transaction commits, or now. */
    void mailAfterCommit(String to, String subjectKey, String bodyKey, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        Runnable mail = () -> {
            try {
                mailer.send(to, locale, subjectKey, bodyKey, args);
            } catch (RuntimeException e) {
                log.warn("account mail {} could not be sent: {}", subjectKey, e.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    mail.run();
                }
            });
        } else {
            mail.run();
        }
    }
}
