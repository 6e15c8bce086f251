package org.stdhub.talent;

import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.Mailer;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.exam.AttemptAnswerRepository;
import org.stdhub.talent.exam.Exam;
import org.stdhub.talent.exam.ExamAttempt;
import org.stdhub.talent.exam.ExamAttemptRepository;
import org.stdhub.talent.training.CourseSession;

/**
 * An attempt's result: once every answer has points the total is recorded against the pass mark, a pass issues a
 * certificate, and the person is told the result by mail after the change is committed (a mail failure changes no
 * result). A re-score records the result again the same way ({@link ExamAttempts#rescore}).
 */
@Component
class ExamResults {

    private static final Logger log = LoggerFactory.getLogger(ExamResults.class);

    private final ExamAttemptRepository attempts;
    private final AttemptAnswerRepository answers;
    private final Courses courses;
    private final Certificates certificates;
    private final Recipients people;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExamResults(
            ExamAttemptRepository attempts,
            AttemptAnswerRepository answers,
            Courses courses,
            Certificates certificates,
            Recipients people,
            Mailer mailer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.attempts = attempts;
        this.answers = answers;
        this.courses = courses;
        this.certificates = certificates;
        this.people = people;
        this.mailer = mailer;
        this.events = events;
    }

    /** Records the result when every answer has its points: certificate on a pass, mail either way. */
    void finishIfScored(ExamAttempt a, Exam e) {
        boolean all = answers.findByAttemptId(a.getId()).stream().allMatch(x -> x.getPoints() != null);
        if (!all) {
            return;
        }
        int total = total(a);
        boolean passed = total >= e.getPassMark();
        a.result(total, passed);
        attempts.flush();
        events.publishEvent(StateChanged.of(ExamAttempts.AUDIT_TYPE, a.getId(), "result-recorded")
                .withChange("state", AttemptState.AWAITING_SCORING, AttemptState.SCORED)
                .withChange("score", null, total)
                .withChange("passed", null, passed));
        resultRecorded(a, e, passed);
        if (passed) {
            issueCertificate(a, e);
        }
        notifyResult(a, e);
    }

    /** Tells other modules (the research center's training figures) the attempt's result, per course. */
    void resultRecorded(ExamAttempt a, Exam e, boolean passed) {
        CourseSession session = courses.sessionOf(e.getSessionId());
        events.publishEvent(new ExamResultRecorded(
                a.getId(), e.getId(), session.getCourseId(), courses.courseTitle(session), passed, clock.instant()));
    }

    void issueCertificate(ExamAttempt a, Exam e) {
        String title = e.getCertificateTitle() != null
                ? e.getCertificateTitle()
                : courses.courseTitle(courses.sessionOf(e.getSessionId())) + " — " + e.getTitle();
        if (title.length() > 300) {
            title = title.substring(0, 300);
        }
        CourseSession session = courses.sessionOf(e.getSessionId());
        CertificateView c =
                certificates.issueOnPass(a.getPersonId(), title, session.getCourseId(), courses.courseTitle(session));
        a.certificate(c.number());
        attempts.flush();
    }

    /** Tells the person their result by mail once the change is committed; a mail failure changes no result. */
    void notifyResult(ExamAttempt a, Exam e) {
        var contact = people.ofPerson(a.getPersonId()).stream().findFirst();
        if (contact.isEmpty()) {
            return;
        }
        Object[] args = {
            contact.get().displayName(),
            e.getTitle(),
            a.getScore(),
            a.getMaxScore(),
            e.getPassMark(),
            mailer.baseUrl() + "/exams/attempts/" + a.getId()
        };
        String body = Boolean.TRUE.equals(a.getPassed()) ? "talent.mail.result.passed" : "talent.mail.result.failed";
        Runnable send = () -> {
            try {
                mailer.send(contact.get().email(), Locale.SIMPLIFIED_CHINESE, "talent.mail.result.subject", body, args);
            } catch (RuntimeException ex) {
                log.warn("exam result mail for attempt {} not sent: {}", a.getId(), ex.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    int total(ExamAttempt a) {
        return answers.findByAttemptId(a.getId()).stream()
                .mapToInt(x -> x.getPoints() == null ? 0 : x.getPoints())
                .sum();
    }
}
