package org.stdhub.consulting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.consulting.enquiry.EnquiryStore;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.Mailer;
import org.stdhub.platform.SystemActor;

/**
 * Reminds assignees of enquiries due within a working day or overdue: one e-mail per enquiry and day, whichever
 * instance runs first (the day is marked before the mail goes). Scheduled by {@code stdhub.consulting.reminder-cron}
 * (working days at 08:00; {@code -} switches it off, as the tests do: they call {@link #remind()}).
 */
@Component
public class EnquiryReminders {

    private static final Logger log = LoggerFactory.getLogger(EnquiryReminders.class);

    private final EnquiryStore store;
    private final Recipients recipients;
    private final Mailer mailer;
    private final Clock clock;

    EnquiryReminders(EnquiryStore store, Recipients recipients, Mailer mailer, Clock clock) {
        this.store = store;
        this.recipients = recipients;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(cron = "${stdhub.consulting.reminder-cron:0 0 8 * * MON-FRI}")
    @SchedulerLock(
            name = "consulting.enquiry-reminders",
            lockAtMostFor = "PT30M",
            lockAtLeastFor = "${stdhub.scheduling.lock-at-least-for:PT30S}")
    void scheduled() {
        SystemActor.run("enquiry-reminders", this::remind);
    }

    /** Sends today's reminders; returns how many. */
    @Transactional
    public int remind() {
        LocalDate today = LocalDate.now(clock);
        int sent = 0;
        for (EnquiryStore.Due due : store.toRemind(WorkingDays.after(today, 1), today)) {
            if (!store.markReminded(due.id(), today)) {
                continue;
            }
            boolean overdue = due.dueOn().isBefore(today);
            for (var contact : recipients.ofPerson(due.assigneePersonId())) {
                mailer.send(
                        contact.email(),
                        Locale.SIMPLIFIED_CHINESE,
                        overdue ? "consulting.mail.overdue.subject" : "consulting.mail.due.subject",
                        "consulting.mail.due.body",
                        contact.displayName(),
                        due.subject(),
                        due.dueOn().toString(),
                        mailer.baseUrl() + "/enquiries/" + due.id());
            }
            sent++;
        }
        if (sent > 0) {
            log.info("{} enquiry reminders sent", sent);
        }
        return sent;
    }
}
