package org.stdhub.talent;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.exam.Blueprint;
import org.stdhub.talent.exam.Exam;
import org.stdhub.talent.exam.ExamRepository;
import org.stdhub.talent.exam.Question;
import org.stdhub.talent.exam.QuestionBank;
import org.stdhub.talent.exam.QuestionRepository;
import org.stdhub.talent.training.CourseSession;

/**
 * Exams: the session's trainer sets an exam on one of their question banks ({@link QuestionBanks}) with a blueprint
 * (how many questions of which kind and topic a paper draws), a duration, a pass mark, the attempts allowed and the
 * certificate's title; the people enrolled in the session sit it ({@link ExamAttempts}). Audited as {@code exam}.
 */
@Service
@Transactional
public class Exams {

    private static final String TEACHERS = "hasAnyRole('ADMIN', 'BASE_OFFICER', 'TRAINER')";

    private final QuestionBanks banks;
    private final QuestionRepository questions;
    private final ExamRepository exams;
    private final Courses courses;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Exams(
            QuestionBanks banks,
            QuestionRepository questions,
            ExamRepository exams,
            Courses courses,
            ApplicationEventPublisher events,
            Clock clock) {
        this.banks = banks;
        this.questions = questions;
        this.exams = exams;
        this.courses = courses;
        this.events = events;
        this.clock = clock;
    }

    /** The session's trainer sets an exam; the bank must hold enough questions for the blueprint. */
    @PreAuthorize(TEACHERS)
    public ExamViews.ExamView createExam(ExamForms.NewExam f) {
        return createExam(f, personal());
    }

    /** {@link #createExam} by {@code viewer}, the session's trainer. */
    ExamViews.ExamView createExam(ExamForms.NewExam f, Viewer viewer) {
        var errors = new InvalidInputException.Collector();
        errors.check(f.sessionId() != null, "sessionId", "talent.error.no-session");
        errors.check(f.bankId() != null, "bankId", "talent.error.no-bank");
        String title = strip(f.title());
        errors.check(title != null && title.length() <= 300, "title", "talent.error.exam-title");
        var blueprint = Blueprint.parse(f.blueprint());
        errors.check(blueprint.isPresent(), "blueprint", "talent.error.blueprint");
        errors.check(
                f.durationMinutes() != null && f.durationMinutes() > 0 && f.durationMinutes() <= 600,
                "durationMinutes",
                "talent.error.duration");
        int attemptsAllowed = f.maxAttempts() == null ? 1 : f.maxAttempts();
        errors.check(attemptsAllowed >= 1 && attemptsAllowed <= 10, "maxAttempts", "talent.error.max-attempts");
        String certificateTitle = strip(f.certificateTitle());
        errors.check(
                certificateTitle == null || certificateTitle.length() <= 300,
                "certificateTitle",
                "talent.error.too-long");
        errors.throwIfAny();
        CourseSession s = courses.sessionOf(f.sessionId());
        if (!viewer.is(s.getTrainerPersonId())) {
            throw new NotPermittedException("talent.error.not-trainer");
        }
        QuestionBank b = banks.ownBank(f.bankId(), viewer);
        List<Question> bank = questions.findByBankIdOrderById(b.getId());
        if (!blueprint.get().fits(bank)) {
            throw new InvalidInputException(Map.of("blueprint", "talent.error.blueprint-too-large"));
        }
        int max = maxScore(blueprint.get(), bank);
        if (f.passMark() == null || f.passMark() < 1 || f.passMark() > max) {
            throw new InvalidInputException(Map.of("passMark", "talent.error.pass-mark"));
        }
        Exam e = exams.saveAndFlush(new Exam(
                s.getId(),
                b.getId(),
                title,
                f.blueprint().strip(),
                f.durationMinutes(),
                f.passMark(),
                attemptsAllowed,
                certificateTitle,
                clock.instant()));
        events.publishEvent(StateChanged.of("exam", e.getId(), "created")
                .withChange("session", null, s.getId())
                .withChange("bank", null, b.getId())
                .withChange("passMark", null, f.passMark())
                .withChange("durationMinutes", null, f.durationMinutes()));
        return view(e);
    }

    /** The exams of a session: for the people enrolled in it, its trainer and the base office. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ExamViews.ExamView> examsOf(long sessionId) {
        CourseSession s = courses.sessionOf(sessionId);
        Viewer viewer = Viewer.current();
        boolean enrolled = viewer.personId() != null
                && courses.examEnrolment(sessionId, viewer.personId()).isPresent();
        if (!enrolled && !Courses.mayManage(s, viewer)) {
            return List.of();
        }
        return exams.findBySessionIdOrderById(sessionId).stream()
                .map(this::view)
                .toList();
    }

    /** Exams set by the signed-in trainer (all, for the base office). */
    @PreAuthorize(TEACHERS)
    @Transactional(readOnly = true)
    public List<ExamViews.ExamView> managedExams() {
        Viewer viewer = Viewer.current();
        return exams.findAllByOrderByIdDesc().stream()
                .filter(e -> Courses.mayManage(courses.sessionOf(e.getSessionId()), viewer))
                .map(this::view)
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ExamViews.ExamView exam(long id) {
        Exam e = examOf(id);
        CourseSession s = courses.sessionOf(e.getSessionId());
        Viewer viewer = Viewer.current();
        if (!Courses.mayManage(s, viewer)
                && (viewer.personId() == null
                        || courses.examEnrolment(s.getId(), viewer.personId()).isEmpty())) {
            throw new NotPermittedException("talent.error.not-enrolled");
        }
        return view(e);
    }

    /** The exam {@code id} (404 when there is none). */
    Exam examOf(long id) {
        return exams.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-exam"));
    }

    /** The signed-in person (a system actor or token without a person may not sit or set exams). */
    static Viewer personal() {
        Viewer viewer = Viewer.current();
        if (viewer.personId() == null) {
            throw new NotPermittedException("talent.error.person-only");
        }
        return viewer;
    }

    private static int maxScore(Blueprint blueprint, List<Question> bank) {
        // the largest total a paper may reach: each line's highest-scoring questions
        int max = 0;
        for (Blueprint.Line line : blueprint.lines()) {
            max += bank.stream()
                    .filter(q -> q.getKind() == line.kind()
                            && ("*".equals(line.topic()) || line.topic().equals(q.getTopic())))
                    .map(Question::getPoints)
                    .sorted(java.util.Comparator.reverseOrder())
                    .limit(line.count())
                    .mapToInt(Integer::intValue)
                    .sum();
        }
        return max;
    }

    private ExamViews.ExamView view(Exam e) {
        CourseSession s = courses.sessionOf(e.getSessionId());
        return new ExamViews.ExamView(
                e.getId(),
                e.getSessionId(),
                courses.courseTitle(s),
                e.getBankId(),
                e.getTitle(),
                e.getBlueprint(),
                e.getDurationMinutes(),
                e.getPassMark(),
                e.getMaxAttempts(),
                e.getCertificateTitle(),
                Courses.mayManage(s, Viewer.current()));
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
