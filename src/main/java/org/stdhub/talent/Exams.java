package org.stdhub.talent;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.Mailer;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.exam.AttemptAnswer;
import org.stdhub.talent.exam.AttemptAnswerRepository;
import org.stdhub.talent.exam.AttemptRescore;
import org.stdhub.talent.exam.AttemptRescoreRepository;
import org.stdhub.talent.exam.Blueprint;
import org.stdhub.talent.exam.Exam;
import org.stdhub.talent.exam.ExamAttempt;
import org.stdhub.talent.exam.ExamAttemptRepository;
import org.stdhub.talent.exam.ExamRepository;
import org.stdhub.talent.exam.Question;
import org.stdhub.talent.exam.QuestionBank;
import org.stdhub.talent.exam.QuestionBankRepository;
import org.stdhub.talent.exam.QuestionRepository;
import org.stdhub.talent.training.CourseSession;
import org.stdhub.talent.training.Enrolment;

/**
 * Exams: trainers keep question banks and set exams for their sessions; a person enrolled in the session sits it in a
 * timed attempt whose paper is drawn from a stored seed and whose deadline the server fixes at the start. Answers are
 * saved as they are given, so a dropped connection resumes the same attempt; nothing is accepted after the deadline,
 * and an attempt found past it is closed. Objective questions are scored at once, short answers by the session's
 * trainer; a recorded result changes only by the trainer's re-score with a reason. The person is told the result by
 * mail, and a pass issues a certificate. Audited as {@value #AUDIT_TYPE}.
 */
@Service
@Transactional
public class Exams {

    static final String AUDIT_TYPE = "exam-attempt";
    private static final String TEACHERS = "hasAnyRole('ADMIN', 'BASE_OFFICER', 'TRAINER')";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(Exams.class);

    private final QuestionBankRepository banks;
    private final QuestionRepository questions;
    private final ExamRepository exams;
    private final ExamAttemptRepository attempts;
    private final AttemptAnswerRepository answers;
    private final AttemptRescoreRepository rescores;
    private final Courses courses;
    private final Certificates certificates;
    private final Recipients people;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Exams(
            QuestionBankRepository banks,
            QuestionRepository questions,
            ExamRepository exams,
            ExamAttemptRepository attempts,
            AttemptAnswerRepository answers,
            AttemptRescoreRepository rescores,
            Courses courses,
            Certificates certificates,
            Recipients people,
            Mailer mailer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.banks = banks;
        this.questions = questions;
        this.exams = exams;
        this.attempts = attempts;
        this.answers = answers;
        this.rescores = rescores;
        this.courses = courses;
        this.certificates = certificates;
        this.people = people;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ banks

    @PreAuthorize(TEACHERS)
    public ExamViews.BankView createBank(ExamForms.NewBank f) {
        return createBank(f, personal());
    }

    /** {@link #createBank} owned by {@code viewer} (the demo data names its trainer so). */
    ExamViews.BankView createBank(ExamForms.NewBank f, Viewer viewer) {
        String title = strip(f == null ? null : f.title());
        if (title == null || title.length() > 300) {
            throw new InvalidInputException(Map.of("title", "talent.error.bank-title"));
        }
        QuestionBank b = banks.saveAndFlush(new QuestionBank(title, viewer.personId(), clock.instant()));
        events.publishEvent(
                StateChanged.of("question-bank", b.getId(), "created").withChange("title", null, title));
        return view(b);
    }

    @PreAuthorize(TEACHERS)
    public ExamViews.QuestionView addQuestion(long bankId, ExamForms.NewQuestion f) {
        return addQuestion(bankId, f, Viewer.current());
    }

    /** {@link #addQuestion} by {@code viewer}, the bank's owner. */
    ExamViews.QuestionView addQuestion(long bankId, ExamForms.NewQuestion f, Viewer viewer) {
        QuestionBank b = ownBank(bankId, viewer);
        var errors = new InvalidInputException.Collector();
        errors.check(f.kind() != null, "kind", "talent.error.question-kind");
        String topic = strip(f.topic());
        errors.check(topic != null && topic.length() <= 100 && !topic.contains(" "), "topic", "talent.error.topic");
        String text = strip(f.text());
        errors.check(text != null && text.length() <= 4000, "text", "talent.error.question-text");
        errors.check(f.points() != null && f.points() > 0 && f.points() <= 100, "points", "talent.error.points");
        String choices = null;
        String key = strip(f.answerKey());
        if (f.kind() == QuestionKind.SINGLE || f.kind() == QuestionKind.MULTIPLE) {
            List<String> list = f.choices() == null
                    ? List.of()
                    : f.choices()
                            .lines()
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
            errors.check(list.size() >= 2 && list.size() <= 26, "choices", "talent.error.choices");
            choices = String.join("\n", list);
            String normalized = normalize(f.kind(), key, list.size());
            errors.check(
                    normalized != null && (f.kind() == QuestionKind.MULTIPLE || normalized.length() == 1),
                    "answerKey",
                    "talent.error.answer-key");
            key = normalized;
        } else if (f.kind() == QuestionKind.TRUE_FALSE) {
            key = normalize(f.kind(), key, 0);
            errors.check(key != null, "answerKey", "talent.error.answer-key");
        }
        errors.check(key == null || key.length() <= 4000, "answerKey", "talent.error.too-long");
        errors.throwIfAny();
        Question q = questions.saveAndFlush(new Question(b.getId(), f.kind(), topic, text, choices, key, f.points()));
        events.publishEvent(StateChanged.of("question-bank", b.getId(), "question-added")
                .withChange("question", null, q.getId())
                .withChange("kind", null, f.kind()));
        return view(q);
    }

    /** The banks the signed-in trainer owns (all, for the base office). */
    @PreAuthorize(TEACHERS)
    @Transactional(readOnly = true)
    public List<ExamViews.BankView> banks() {
        Viewer viewer = Viewer.current();
        List<QuestionBank> list = viewer.office()
                ? banks.findAllByOrderByIdDesc()
                : viewer.personId() == null ? List.of() : banks.findByOwnerPersonIdOrderByIdDesc(viewer.personId());
        return list.stream().map(this::view).toList();
    }

    @PreAuthorize(TEACHERS)
    @Transactional(readOnly = true)
    public ExamViews.BankView bank(long id) {
        QuestionBank b = banks.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-bank"));
        Viewer viewer = Viewer.current();
        if (!viewer.office() && !viewer.is(b.getOwnerPersonId())) {
            throw new NotPermittedException("talent.error.not-yours");
        }
        return view(b);
    }

    // ------------------------------------------------------------------ exams

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
        QuestionBank b = ownBank(f.bankId(), viewer);
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

    /** The attempts at an exam, for its trainer and the base office. */
    @PreAuthorize(TEACHERS)
    public List<ExamViews.AttemptView> attemptsAt(long examId) {
        Exam e = examOf(examId);
        if (!Courses.mayManage(courses.sessionOf(e.getSessionId()), Viewer.current())) {
            throw new NotPermittedException("talent.error.not-trainer");
        }
        List<ExamViews.AttemptView> list = new ArrayList<>();
        for (ExamAttempt a : attempts.findByExamIdOrderById(examId)) {
            closeIfOverdue(a, e);
            list.add(view(a, e, false));
        }
        return list;
    }

    // ------------------------------------------------------------------ attempts

    /**
     * The signed-in person starts the exam, or resumes their attempt in progress. A new attempt needs an enrolment
     * in the session (enrolled or attended) with attempts left; its paper and deadline are fixed now.
     */
    @PreAuthorize("isAuthenticated()")
    public ExamViews.AttemptView start(long examId) {
        Viewer viewer = personal();
        Exam e = examOf(examId);
        Enrolment enrolment = courses.examEnrolment(e.getSessionId(), viewer.personId())
                .orElseThrow(() -> new NotPermittedException("talent.error.not-enrolled"));
        List<ExamAttempt> earlier = attempts.findByExamIdAndEnrolmentIdOrderById(examId, enrolment.getId());
        for (ExamAttempt a : earlier) {
            closeIfOverdue(a, e);
            if (a.getState() == AttemptState.IN_PROGRESS) {
                return view(a, e, true);
            }
        }
        if (earlier.size() >= e.getMaxAttempts()) {
            throw new ConflictException("talent.error.no-attempts-left");
        }
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        String seedHex = HexFormat.of().formatHex(seed);
        List<Question> bank = questions.findByBankIdOrderById(e.getBankId());
        Blueprint blueprint = Blueprint.parse(e.getBlueprint()).orElseThrow();
        List<Long> paper = blueprint.draw(bank, seedHex);
        Map<Long, Question> byId = bank.stream().collect(Collectors.toMap(Question::getId, Function.identity()));
        int max = paper.stream().mapToInt(id -> byId.get(id).getPoints()).sum();
        Instant now = clock.instant();
        ExamAttempt a = attempts.saveAndFlush(new ExamAttempt(
                examId,
                enrolment.getId(),
                viewer.personId(),
                seedHex,
                paper,
                max,
                now,
                now.plus(Duration.ofMinutes(e.getDurationMinutes()))));
        events.publishEvent(StateChanged.of(AUDIT_TYPE, a.getId(), "started")
                .withChange("exam", null, examId)
                .withChange("person", null, viewer.personId())
                .withChange("seed", null, seedHex)
                .withChange("deadline", null, a.getDeadline()));
        return view(a, e, true);
    }

    /** An attempt: its person sees it without keys, its exam's trainer and the base office see everything. */
    @PreAuthorize("isAuthenticated()")
    public ExamViews.AttemptView attempt(long attemptId) {
        ExamAttempt a = attemptOf(attemptId);
        Exam e = examOf(a.getExamId());
        Viewer viewer = Viewer.current();
        boolean own = viewer.is(a.getPersonId());
        if (!own && !Courses.mayManage(courses.sessionOf(e.getSessionId()), viewer)) {
            throw new NotPermittedException("talent.error.not-yours");
        }
        closeIfOverdue(a, e);
        return view(a, e, own);
    }

    /** The person saves an answer; refused once the attempt is closed or its deadline has passed. */
    @PreAuthorize("isAuthenticated()")
    public ExamViews.AttemptView answer(long attemptId, ExamForms.Answer f) {
        ExamAttempt a = ownAttempt(attemptId);
        Exam e = examOf(a.getExamId());
        if (closeIfOverdue(a, e)) {
            throw new ConflictException("talent.error.time-up");
        }
        if (a.getState() != AttemptState.IN_PROGRESS) {
            throw new ConflictException("talent.error.attempt-closed");
        }
        if (f == null || f.questionId() == null || !a.questionIds().contains(f.questionId())) {
            throw new InvalidInputException(Map.of("questionId", "talent.error.not-on-paper"));
        }
        Question q = questions.findById(f.questionId()).orElseThrow();
        String given = f.answer() == null ? null : f.answer().strip();
        if (given != null && !given.isEmpty() && q.getKind().objective()) {
            given = normalize(q.getKind(), given, q.choiceList().size());
            if (given == null) {
                throw new InvalidInputException(Map.of("answer", "talent.error.answer"));
            }
        }
        if (given != null && given.length() > 4000) {
            throw new InvalidInputException(Map.of("answer", "talent.error.too-long"));
        }
        Instant now = clock.instant();
        String value = given == null || given.isEmpty() ? null : given;
        answers.findByAttemptIdAndQuestionId(a.getId(), q.getId())
                .ifPresentOrElse(
                        saved -> saved.answer(value, now),
                        () -> answers.save(new AttemptAnswer(a.getId(), q.getId(), value, now)));
        answers.flush();
        return view(a, e, true);
    }

    /** The person hands in; after the deadline the attempt is closed with what was saved in time. */
    @PreAuthorize("isAuthenticated()")
    public ExamViews.AttemptView submit(long attemptId) {
        ExamAttempt a = ownAttempt(attemptId);
        Exam e = examOf(a.getExamId());
        if (closeIfOverdue(a, e)) {
            throw new ConflictException("talent.error.time-up");
        }
        if (a.getState() != AttemptState.IN_PROGRESS) {
            throw new ConflictException("talent.error.attempt-closed");
        }
        close(a, e, false);
        return view(a, e, true);
    }

    /** The exam's trainer scores a short answer of a closed attempt; the last one records the result. */
    @PreAuthorize("hasRole('TRAINER')")
    public ExamViews.AttemptView score(long attemptId, ExamForms.Score f) {
        ExamAttempt a = attemptOf(attemptId);
        Exam e = trainerOf(a);
        closeIfOverdue(a, e);
        if (a.getState() == AttemptState.SCORED) {
            throw new ConflictException("talent.error.result-recorded");
        }
        if (a.getState() != AttemptState.AWAITING_SCORING) {
            throw new ConflictException("talent.error.attempt-open");
        }
        Question q = shortQuestion(a, f == null ? null : f.questionId());
        int points = points(f == null ? null : f.points(), q);
        AttemptAnswer answer = answerOf(a, q);
        answer.score(points);
        answers.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, a.getId(), "scored")
                .withChange("question", null, q.getId())
                .withChange("points", null, points));
        finishIfScored(a, e);
        return view(a, e, false);
    }

    /**
     * The exam's trainer changes a recorded result: one question's points, with a reason, recorded and audited. A pass
     * that becomes a fail revokes the certificate; a fail that becomes a pass issues one.
     */
    @PreAuthorize("hasRole('TRAINER')")
    public ExamViews.AttemptView rescore(long attemptId, ExamForms.Rescore f) {
        ExamAttempt a = attemptOf(attemptId);
        Exam e = trainerOf(a);
        if (a.getState() != AttemptState.SCORED) {
            throw new ConflictException("talent.error.not-scored");
        }
        String reason = strip(f == null ? null : f.reason());
        if (reason == null || reason.length() > 1000) {
            throw new InvalidInputException(Map.of("reason", "talent.error.reason-required"));
        }
        if (f.questionId() == null || !a.questionIds().contains(f.questionId())) {
            throw new InvalidInputException(Map.of("questionId", "talent.error.not-on-paper"));
        }
        Question q = questions.findById(f.questionId()).orElseThrow();
        int points = points(f.points(), q);
        AttemptAnswer answer = answerOf(a, q);
        Integer before = answer.getPoints();
        answer.score(points);
        answers.flush();
        Viewer viewer = Viewer.current();
        rescores.save(
                new AttemptRescore(a.getId(), q.getId(), before, points, reason, viewer.personId(), clock.instant()));
        Integer scoreBefore = a.getScore();
        Boolean passedBefore = a.getPassed();
        int total = total(a);
        boolean passed = total >= e.getPassMark();
        a.result(total, passed);
        attempts.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, a.getId(), "rescored")
                .withChange("question", null, q.getId())
                .withChange("points", before, points)
                .withChange("score", scoreBefore, total)
                .withChange("passed", passedBefore, passed)
                .withComment(reason));
        resultRecorded(a, e, passed);
        if (passed && a.getCertificateNumber() == null) {
            issueCertificate(a, e);
        } else if (!passed && a.getCertificateNumber() != null) {
            certificates.revokeOnRescore(a.getCertificateNumber(), reason);
        }
        notifyResult(a, e);
        return view(a, e, false);
    }

    /** The signed-in person's own attempts (a trainee sees only theirs). */
    @PreAuthorize("isAuthenticated()")
    public List<ExamViews.AttemptView> myAttempts() {
        Viewer viewer = Viewer.current();
        if (viewer.personId() == null) {
            return List.of();
        }
        List<ExamViews.AttemptView> list = new ArrayList<>();
        for (ExamAttempt a : attempts.findByPersonIdOrderByIdDesc(viewer.personId())) {
            Exam e = examOf(a.getExamId());
            closeIfOverdue(a, e);
            list.add(view(a, e, true));
        }
        return list;
    }

    // ------------------------------------------------------------------ internals

    /** Closes an attempt found past its deadline (what was saved in time counts); true when it did. */
    private boolean closeIfOverdue(ExamAttempt a, Exam e) {
        if (a.getState() == AttemptState.IN_PROGRESS && !clock.instant().isBefore(a.getDeadline())) {
            close(a, e, true);
            return true;
        }
        return false;
    }

    private void close(ExamAttempt a, Exam e, boolean byDeadline) {
        a.close(clock.instant(), byDeadline);
        Map<Long, Question> byId = paper(a);
        Map<Long, AttemptAnswer> given = answers.findByAttemptId(a.getId()).stream()
                .collect(Collectors.toMap(AttemptAnswer::getQuestionId, Function.identity()));
        for (Long id : a.questionIds()) {
            Question q = byId.get(id);
            AttemptAnswer answer = given.get(id);
            if (answer == null) {
                answer = answers.save(new AttemptAnswer(a.getId(), id, null, clock.instant()));
            }
            if (q.getKind().objective()) {
                answer.score(q.getAnswerKey().equals(answer.getAnswer()) ? q.getPoints() : 0);
            } else if (answer.getAnswer() == null) {
                answer.score(0);
            }
        }
        answers.flush();
        attempts.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, a.getId(), byDeadline ? "closed-at-deadline" : "submitted")
                .withChange("state", AttemptState.IN_PROGRESS, AttemptState.AWAITING_SCORING));
        finishIfScored(a, e);
    }

    private void finishIfScored(ExamAttempt a, Exam e) {
        boolean all = answers.findByAttemptId(a.getId()).stream().allMatch(x -> x.getPoints() != null);
        if (!all) {
            return;
        }
        int total = total(a);
        boolean passed = total >= e.getPassMark();
        a.result(total, passed);
        attempts.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, a.getId(), "result-recorded")
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
    private void resultRecorded(ExamAttempt a, Exam e, boolean passed) {
        CourseSession session = courses.sessionOf(e.getSessionId());
        events.publishEvent(new ExamResultRecorded(
                a.getId(), e.getId(), session.getCourseId(), courses.courseTitle(session), passed, clock.instant()));
    }

    private void issueCertificate(ExamAttempt a, Exam e) {
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
    private void notifyResult(ExamAttempt a, Exam e) {
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

    private int total(ExamAttempt a) {
        return answers.findByAttemptId(a.getId()).stream()
                .mapToInt(x -> x.getPoints() == null ? 0 : x.getPoints())
                .sum();
    }

    private Map<Long, Question> paper(ExamAttempt a) {
        return questions.findAllById(a.questionIds()).stream()
                .collect(Collectors.toMap(Question::getId, Function.identity()));
    }

    private Question shortQuestion(ExamAttempt a, Long questionId) {
        if (questionId == null || !a.questionIds().contains(questionId)) {
            throw new InvalidInputException(Map.of("questionId", "talent.error.not-on-paper"));
        }
        Question q = questions.findById(questionId).orElseThrow();
        if (q.getKind().objective()) {
            throw new ConflictException("talent.error.objective-scored");
        }
        return q;
    }

    private AttemptAnswer answerOf(ExamAttempt a, Question q) {
        return answers.findByAttemptIdAndQuestionId(a.getId(), q.getId()).orElseThrow();
    }

    private static int points(Integer points, Question q) {
        if (points == null || points < 0 || points > q.getPoints()) {
            throw new InvalidInputException(Map.of("points", "talent.error.points-range"));
        }
        return points;
    }

    private Exam trainerOf(ExamAttempt a) {
        Exam e = examOf(a.getExamId());
        if (!Viewer.current().is(courses.sessionOf(e.getSessionId()).getTrainerPersonId())) {
            throw new NotPermittedException("talent.error.not-trainer");
        }
        return e;
    }

    private ExamAttempt ownAttempt(long id) {
        ExamAttempt a = attemptOf(id);
        if (!Viewer.current().is(a.getPersonId())) {
            throw new NotPermittedException("talent.error.not-yours");
        }
        return a;
    }

    private ExamAttempt attemptOf(long id) {
        return attempts.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-attempt"));
    }

    private Exam examOf(long id) {
        return exams.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-exam"));
    }

    private QuestionBank ownBank(long id, Viewer viewer) {
        QuestionBank b = banks.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-bank"));
        if (!viewer.is(b.getOwnerPersonId())) {
            throw new NotPermittedException("talent.error.not-yours");
        }
        return b;
    }

    private static Viewer personal() {
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

    /** An objective answer in its one spelling ("A", "A,C", "true"), or null when it is not one. */
    static String normalize(QuestionKind kind, String given, int choices) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String s = given.strip().toUpperCase(Locale.ROOT);
        return switch (kind) {
            case TRUE_FALSE ->
                switch (s) {
                    case "TRUE", "T", "对", "是", "√" -> "true";
                    case "FALSE", "F", "错", "否", "×" -> "false";
                    default -> null;
                };
            case SINGLE, MULTIPLE -> {
                TreeSet<Character> letters = new TreeSet<>();
                for (String part : s.split("[\\s,，、;]+")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    for (char c : part.toCharArray()) {
                        if (c < 'A' || c >= 'A' + choices) {
                            yield null;
                        }
                        letters.add(c);
                    }
                }
                if (letters.isEmpty() || kind == QuestionKind.SINGLE && letters.size() != 1) {
                    yield null;
                }
                yield letters.stream().map(String::valueOf).collect(Collectors.joining(","));
            }
            case SHORT -> given.strip();
        };
    }

    private ExamViews.BankView view(QuestionBank b) {
        return new ExamViews.BankView(
                b.getId(),
                b.getTitle(),
                b.getOwnerPersonId(),
                questions.findByBankIdOrderById(b.getId()).stream()
                        .map(Exams::view)
                        .toList());
    }

    private static ExamViews.QuestionView view(Question q) {
        return new ExamViews.QuestionView(
                q.getId(), q.getKind(), q.getTopic(), q.getText(), q.choiceList(), q.getAnswerKey(), q.getPoints());
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

    /** {@code forTrainee}: without keys; the points of each question only once the result is recorded. */
    private ExamViews.AttemptView view(ExamAttempt a, Exam e, boolean forTrainee) {
        Map<Long, Question> byId = paper(a);
        Map<Long, AttemptAnswer> given = answers.findByAttemptId(a.getId()).stream()
                .collect(Collectors.toMap(AttemptAnswer::getQuestionId, Function.identity()));
        boolean scored = a.getState() == AttemptState.SCORED;
        List<ExamViews.PaperQuestion> paper = new ArrayList<>();
        for (Long id : a.questionIds()) {
            Question q = byId.get(id);
            AttemptAnswer answer = given.get(id);
            paper.add(new ExamViews.PaperQuestion(
                    q.getId(),
                    q.getKind(),
                    q.getText(),
                    q.choiceList(),
                    q.getPoints(),
                    answer == null ? null : answer.getAnswer(),
                    answer == null || (forTrainee && !scored) ? null : answer.getPoints(),
                    forTrainee ? null : q.getAnswerKey()));
        }
        long left = a.getState() == AttemptState.IN_PROGRESS
                ? Math.max(0, Duration.between(clock.instant(), a.getDeadline()).toSeconds())
                : 0;
        return new ExamViews.AttemptView(
                a.getId(),
                e.getId(),
                e.getTitle(),
                a.getPersonId(),
                a.getState(),
                a.getStartedAt(),
                a.getDeadline(),
                left,
                a.getClosedAt(),
                a.isClosedByDeadline(),
                scored ? a.getScore() : null,
                a.getMaxScore(),
                e.getPassMark(),
                scored ? a.getPassed() : null,
                a.getCertificateNumber(),
                paper,
                rescores.findByAttemptIdOrderById(a.getId()).stream()
                        .map(r -> new ExamViews.RescoreView(
                                r.getQuestionId(), r.getPointsBefore(), r.getPointsAfter(), r.getReason(), r.getAt()))
                        .toList());
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
