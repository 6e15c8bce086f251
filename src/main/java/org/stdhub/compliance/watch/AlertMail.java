package org.stdhub.compliance.watch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;
import org.stdhub.identity.Contact;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.Mailer;

/**
 * E-mails alerts: at once (after the transaction that raised them commits) for lists that want that, and as one
 * daily digest per person of everything not e-mailed yet. Each alert is marked e-mailed by an update that only
 * succeeds if nobody marked it first, so several instances running the job never send one alert twice. Whom to
 * write to (the list's owner, or everyone holding a role in the owning organization today, with active accounts
 * only) comes from identity's {@link Recipients}. A person's language is not known: mails are in Chinese.
 */
@Component
public class AlertMail {

    private static final Logger log = LoggerFactory.getLogger(AlertMail.class);
    static final Locale MAIL_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final AlertStore store;
    private final AlertTexts texts;
    private final Mailer mailer;
    private final Recipients recipients;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    AlertMail(
            AlertStore store,
            AlertTexts texts,
            Mailer mailer,
            Recipients recipients,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.texts = texts;
        this.mailer = mailer;
        this.recipients = recipients;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** After the current transaction commits (or now, outside one): e-mails the new alerts of immediate lists. */
    void sendImmediatelyAfterCommit(Set<Long> watchlistIds) {
        Set<Long> ids = Set.copyOf(watchlistIds);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sendImmediate(ids);
                }
            });
        } else {
            sendImmediate(ids);
        }
    }

    /** E-mails the alerts not e-mailed yet of those of {@code watchlistIds} that want them at once. */
    public int sendImmediate(Collection<Long> watchlistIds) {
        try {
            return deliver(List.of(Digest.IMMEDIATE), watchlistIds, "alert.mail.subject.immediate");
        } catch (RuntimeException e) {
            // the alerts stay unsent: the daily digest picks them up
            log.warn("immediate alert mail failed: {}", e.toString());
            return 0;
        }
    }

    /**
     * The daily digest: one e-mail per person of every alert not e-mailed yet (of daily lists, and of immediate
     * ones whose mail did not go out). Returns the number of e-mails sent.
     */
    public int sendDailyDigest() {
        return deliver(List.of(Digest.DAILY, Digest.IMMEDIATE), null, "alert.mail.subject.daily");
    }

    /** The daily digest at {@code stdhub.alerts.digest-cron}, on one instance at a time. */
    @Scheduled(cron = "${stdhub.alerts.digest-cron:0 0 7 * * *}")
    @SchedulerLock(
            name = "alerts.daily-digest",
            lockAtMostFor = "PT1H",
            lockAtLeastFor = "${stdhub.scheduling.lock-at-least-for:PT30S}")
    void scheduledDigest() {
        sendDailyDigest();
    }

    /** One e-mail to write: to whom, about which alerts. */
    private record Letter(Contact to, Map<Long, Alert> alerts) {}

    private int deliver(List<Digest> digests, Collection<Long> watchlistIds, String subjectKey) {
        Integer sent = newTransaction.execute(status -> {
            Instant now = clock.instant();
            List<AlertStore.Unsent> unsent = store.unsent(digests, now, watchlistIds);
            if (unsent.isEmpty()) {
                return 0;
            }
            Set<Long> mine =
                    store.claim(unsent.stream().map(u -> u.alert().id()).toList(), now);
            Map<Long, Letter> letters = new LinkedHashMap<>();
            Map<Long, List<Contact>> members = new LinkedHashMap<>();
            for (AlertStore.Unsent u : unsent) {
                if (!mine.contains(u.alert().id())) {
                    continue;
                }
                List<Contact> people = u.ownerPersonId() != null
                        ? recipients.ofPerson(u.ownerPersonId())
                        : members.computeIfAbsent(u.ownerOrganizationId(), recipients::ofOrganization);
                for (Contact c : people) {
                    letters.computeIfAbsent(c.personId(), id -> new Letter(c, new LinkedHashMap<>()))
                            .alerts()
                            .put(u.alert().id(), u.alert());
                }
            }
            int mails = 0;
            for (Letter letter : letters.values()) {
                try {
                    mailer.send(
                            letter.to().email(),
                            MAIL_LOCALE,
                            subjectKey,
                            "alert.mail.body",
                            letter.to().displayName(),
                            body(letter.alerts().values()),
                            mailer.baseUrl() + "/alerts",
                            mailer.baseUrl() + "/watchlists");
                    mails++;
                } catch (RuntimeException e) {
                    // marked e-mailed all the same: the alerts stay in the app and the feed; never sent twice
                    log.warn("alert mail to person could not be sent: {}", e.toString());
                }
            }
            return mails;
        });
        return sent == null ? 0 : sent;
    }

    /** The alerts grouped by list, each with a link to the standard. */
    private String body(Collection<Alert> alerts) {
        Map<String, List<Alert>> byList = new LinkedHashMap<>();
        for (Alert a : alerts) {
            byList.computeIfAbsent(a.watchlistName(), k -> new ArrayList<>()).add(a);
        }
        StringBuilder out = new StringBuilder();
        byList.forEach((list, items) -> {
            out.append("【").append(list).append("】\n");
            for (Alert a : items) {
                out.append("· ").append(texts.text(a, MAIL_LOCALE)).append('\n');
                out.append("  ")
                        .append(mailer.baseUrl())
                        .append("/standards/")
                        .append(UriUtils.encodePathSegment(a.standardDesignation(), StandardCharsets.UTF_8))
                        .append('\n');
            }
            out.append('\n');
        });
        return out.toString().stripTrailing();
    }
}
