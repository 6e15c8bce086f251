package org.stdhub.development;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.platform.Mailer;
import org.stdhub.platform.SystemActor;

/**
 * Delivers the outbox: queues the reminders that are due, then sends every pending e-mail whose next attempt has
 * come, each in its own transaction. A failed delivery is recorded with its error and tried again later with
 * back-off ({@link Notification}); after the last attempt it stays visible as failed. Mails are in Chinese (accounts
 * keep no language yet).
 */
@Component
class NotificationSender {

    static final String ACTOR = "development-notifications";

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    /** What one run did. */
    record Delivery(int reminded, int sent, int failed) {}

    private final Notifications notifications;
    private final NotificationRepository outbox;
    private final Mailer mailer;
    private final TransactionTemplate tx;
    private final Clock clock;

    NotificationSender(
            Notifications notifications,
            NotificationRepository outbox,
            Mailer mailer,
            TransactionTemplate tx,
            Clock clock) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.mailer = mailer;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Every minute by default; {@code stdhub.development.notification-cron=-} switches it off, and so does switching
     * off the deadline job (tests run both by hand).
     */
    @Scheduled(cron = "${stdhub.development.notification-cron:${stdhub.development.deadline-cron:0 * * * * *}}")
    @SchedulerLock(
            name = "development.notifications",
            lockAtMostFor = "PT10M",
            lockAtLeastFor = "${stdhub.scheduling.lock-at-least-for:PT30S}")
    void run() {
        Delivery d = SystemActor.run(ACTOR, this::deliver);
        if (d.sent() + d.failed() > 0) {
            log.info("development mail: {} sent, {} failed, {} reminders queued", d.sent(), d.failed(), d.reminded());
        }
    }

    /** Queues due reminders and sends what is due; run as the system. */
    Delivery deliver() {
        Integer reminded = tx.execute(status -> notifications.remindDue());
        int sent = 0;
        int failed = 0;
        List<Long> due = tx.execute(status -> outbox
                .findTop200ByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(
                        Notification.Status.PENDING, clock.instant())
                .stream()
                .map(Notification::getId)
                .toList());
        for (long id : due) {
            Boolean ok = tx.execute(status -> {
                Notification n = outbox.findById(id).orElseThrow();
                if (n.getStatus() != Notification.Status.PENDING) {
                    return null;
                }
                try {
                    mailer.send(
                            n.getRecipientEmail(),
                            Locale.SIMPLIFIED_CHINESE,
                            n.getSubjectKey(),
                            n.getBodyKey(),
                            n.arguments());
                    n.sent(clock.instant());
                    return true;
                } catch (RuntimeException e) {
                    log.warn("development mail {} to {} failed: {}", id, n.getRecipientEmail(), e.getMessage());
                    n.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
                    return false;
                }
            });
            if (Boolean.TRUE.equals(ok)) {
                sent++;
            } else if (Boolean.FALSE.equals(ok)) {
                failed++;
            }
        }
        return new Delivery(reminded == null ? 0 : reminded, sent, failed);
    }
}
