package org.stdhub.research.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.consulting.EnquiryProgressed;
import org.stdhub.platform.SystemActor;
import org.stdhub.talent.CertificateIssued;
import org.stdhub.talent.EnrolmentChanged;
import org.stdhub.talent.ExamResultRecorded;
import org.stdhub.verification.ConformityReportIssued;
import org.stdhub.verification.EvaluationIssued;
import org.stdhub.verification.Labs;
import org.stdhub.verification.VerificationCompleted;

/**
 * Keeps the facts of the verification, training and consulting workflows in the research read model, from their
 * modules' events (asynchronously, each in its own transaction, retried from the event publication registry when it
 * fails; {@code record} keeps one synchronously, for a replay by hand). Every fact has a key of its own (the task and lab, the report number, the enrolment …), so a replayed event
 * counts nothing twice.
 */
@Component
public class WorkflowFeeds {

    public static final String VERIFICATION = "verification";
    public static final String TRAINING = "training";
    public static final String ENQUIRIES = "enquiries";
    public static final List<String> SOURCES = List.of(VERIFICATION, TRAINING, ENQUIRIES);

    public static final String TASK = "task";
    public static final String CONFORMITY = "conformity";
    public static final String EVALUATION = "evaluation";
    public static final String ENROLMENT = "enrolment";
    public static final String EXAM = "exam";
    public static final String CERTIFICATE = "certificate";
    public static final String ENQUIRY = "enquiry";

    private final FactStore facts;
    private final FigureStore figures;
    private final Labs labs;
    private final Clock clock;

    WorkflowFeeds(FactStore facts, FigureStore figures, Labs labs, Clock clock) {
        this.facts = facts;
        this.figures = figures;
        this.labs = labs;
        this.clock = clock;
    }

    /** The modules exist: their figures show (zero until their first event) instead of "no data yet". */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void onStart() {
        for (String source : SOURCES) {
            if (figures.refreshedAt(source).isEmpty()) {
                figures.refreshed(source, "start", clock.instant());
            }
        }
    }

    @Transactional
    public void record(VerificationCompleted e) {
        Instant at = e.completedAt() == null ? clock.instant() : e.completedAt();
        for (Long lab : e.labIds()) {
            keep(new FactStore.Fact(
                    "verification-task:" + e.taskId() + ":lab:" + lab,
                    VERIFICATION,
                    TASK,
                    lab,
                    labName(lab),
                    at,
                    null,
                    null,
                    null,
                    null,
                    false,
                    at));
        }
    }

    @Transactional
    public void record(ConformityReportIssued e) {
        Instant at = startOf(e.issuedOn());
        keep(new FactStore.Fact(
                "conformity-report:" + e.reportNumber(),
                VERIFICATION,
                CONFORMITY,
                e.labId(),
                labName(e.labId()),
                at,
                null,
                null,
                null,
                null,
                false,
                at));
    }

    @Transactional
    public void record(EvaluationIssued e) {
        keep(new FactStore.Fact(
                "evaluation:" + e.evaluationId(),
                VERIFICATION,
                EVALUATION,
                null,
                null,
                e.issuedAt(),
                null,
                null,
                null,
                null,
                false,
                e.issuedAt()));
    }

    @Transactional
    public void record(EnrolmentChanged e) {
        keep(new FactStore.Fact(
                "enrolment:" + e.enrolmentId(),
                TRAINING,
                ENROLMENT,
                e.courseId(),
                e.courseTitleZh(),
                e.enrolledAt(),
                e.state().name(),
                null,
                null,
                null,
                false,
                e.at()));
    }

    @Transactional
    public void record(ExamResultRecorded e) {
        keep(new FactStore.Fact(
                "exam-attempt:" + e.attemptId(),
                TRAINING,
                EXAM,
                e.courseId(),
                e.courseTitleZh(),
                e.at(),
                e.passed() ? "PASSED" : "FAILED",
                null,
                null,
                null,
                false,
                e.at()));
    }

    @Transactional
    public void record(CertificateIssued e) {
        Instant at = startOf(e.issuedOn());
        keep(new FactStore.Fact(
                "certificate:" + e.number(),
                TRAINING,
                CERTIFICATE,
                e.courseId(),
                e.courseTitleZh(),
                at,
                null,
                null,
                null,
                null,
                false,
                at));
    }

    @Transactional
    public void record(EnquiryProgressed e) {
        Long seconds = e.answeredAt() == null
                ? null
                : Math.max(0, e.answeredAt().getEpochSecond() - e.submittedAt().getEpochSecond());
        keep(new FactStore.Fact(
                "enquiry:" + e.enquiryId(),
                ENQUIRIES,
                ENQUIRY,
                null,
                e.fieldScheme() + " " + e.fieldCode(),
                e.submittedAt(),
                e.state().name(),
                e.dueOn(),
                seconds,
                e.withinDeadline(),
                e.demo(),
                e.at()));
    }

    // ------------------------------------------------------------------ the events, asynchronously after commit

    @ApplicationModuleListener
    void on(VerificationCompleted e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(ConformityReportIssued e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(EvaluationIssued e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(EnrolmentChanged e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(ExamResultRecorded e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(CertificateIssued e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(EnquiryProgressed e) {
        record(e);
    }

    private void keep(FactStore.Fact f) {
        facts.keep(f);
        figures.refreshed(f.source(), f.key(), clock.instant());
    }

    private String labName(long lab) {
        try {
            return SystemActor.run("research", () -> labs.nameOf(lab));
        } catch (RuntimeException e) {
            return "#" + lab;
        }
    }

    private static Instant startOf(LocalDate day) {
        return (day == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")) : day)
                .atTime(LocalTime.NOON)
                .atZone(FactStore.ZONE)
                .toInstant();
    }
}
