package org.stdhub.talent;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
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
import org.stdhub.talent.exam.Question;
import org.stdhub.talent.exam.QuestionRepository;
import org.stdhub.talent.training.Enrolment;

/**
 * Exam attempts: a person enrolled in the session sits its exam in a timed attempt whose paper is drawn from a
 * stored seed and whose deadline the server fixes at the start. Answers are saved as they are given, so a dropped
 * connection resumes the same attempt; nothing is accepted after the deadline, and an attempt found past it is
 * closed. Objective questions are scored at once, short answers by the session's trainer; a recorded result changes
 * only by the trainer's re-score with a reason ({@link ExamResults} records it). Audited as {@value #AUDIT_TYPE}.
 */
@Service
@Transactional
public class ExamAttempts {

    static final String AUDIT_TYPE = "exam-attempt";
    private static final String TEACHERS = "hasAnyRole('ADMIN', 'BASE_OFFICER', 'TRAINER')";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final QuestionRepository questions;
    private final ExamAttemptRepository attempts;
    private final AttemptAnswerRepository answers;
    private final AttemptRescoreRepository rescores;
    private final Exams exams;
    private final ExamResults results;
    private final Courses courses;
    private final Certificates certificates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExamAttempts(
            QuestionRepository questions,
            ExamAttemptRepository attempts,
            AttemptAnswerRepository answers,
            AttemptRescoreRepository rescores,
            Exams exams,
            ExamResults results,
            Courses courses,
            Certificates certificates,
            ApplicationEventPublisher events,
            Clock clock) {
        this.questions = questions;
        this.attempts = attempts;
        this.answers = answers;
        this.rescores = rescores;
        this.exams = exams;
        this.results = results;
        this.courses = courses;
        this.certificates = certificates;
        this.events = events;
        this.clock = clock;
    }

    /** The attempts at an exam, for its trainer and the base office. */
    @PreAuthorize(TEACHERS)
    public List<ExamViews.AttemptView> attemptsAt(long examId) {
        Exam e = exams.examOf(examId);
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

    /**
     * The signed-in person starts the exam, or resumes their attempt in progress. A new attempt needs an enrolment
     * in the session (enrolled or attended) with attempts left; its paper and deadline are fixed now.
     */
    @PreAuthorize("isAuthenticated()")
    public ExamViews.AttemptView start(long examId) {
        Viewer viewer = Exams.personal();
        Exam e = exams.examOf(examId);
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
        Exam e = exams.examOf(a.getExamId());
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
        Exam e = exams.examOf(a.getExamId());
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
            given = QuestionBanks.normalize(q.getKind(), given, q.choiceList().size());
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
        Exam e = exams.examOf(a.getExamId());
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
        results.finishIfScored(a, e);
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
        int total = results.total(a);
        boolean passed = total >= e.getPassMark();
        a.result(total, passed);
        attempts.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, a.getId(), "rescored")
                .withChange("question", null, q.getId())
                .withChange("points", before, points)
                .withChange("score", scoreBefore, total)
                .withChange("passed", passedBefore, passed)
                .withComment(reason));
        results.resultRecorded(a, e, passed);
        if (passed && a.getCertificateNumber() == null) {
            results.issueCertificate(a, e);
        } else if (!passed && a.getCertificateNumber() != null) {
            certificates.revokeOnRescore(a.getCertificateNumber(), reason);
        }
        results.notifyResult(a, e);
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
            Exam e = exams.examOf(a.getExamId());
            closeIfOverdue(a, e);
            list.add(view(a, e, true));
        }
        return list;
    }

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
        results.finishIfScored(a, e);
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
        Exam e = exams.examOf(a.getExamId());
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
