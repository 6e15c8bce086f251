package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;
import org.stdhub.talent.exam.Blueprint;
import org.stdhub.talent.exam.ExamAttemptRepository;
import org.stdhub.talent.exam.QuestionRepository;

/**
 * Exams: the paper drawn from a stored seed, the server's deadline (answers saved as given, the attempt resumed after
 * a dropped connection, nothing taken after the deadline), automatic and manual scoring, the certificate on a pass
 * (its PDF carries the number), and who sees and changes what.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    static final String MIXED = "SINGLE * 2\nTRUE_FALSE * 1\nSHORT * 1";
    static final String OBJECTIVE = "SINGLE * 2\nTRUE_FALSE * 1";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Experts experts;

    @Autowired
    Courses courses;

    @Autowired
    Exams exams;

    @Autowired
    QuestionBanks questionBanks;

    @Autowired
    ExamAttempts attempts;

    @Autowired
    Certificates certificates;

    @Autowired
    ExamAttemptRepository attemptRecords;

    @Autowired
    QuestionRepository questionRecords;

    @Autowired
    MutableClock clock;

    TalentFixtures f;
    String trainer;
    String otherTrainer;
    String officer;
    long bank;

    @BeforeAll
    void setUp() {
        f = new TalentFixtures(accounts, organizations, principals, experts);
        trainer = trainer();
        otherTrainer = trainer();
        officer = f.officer();
        f.signIn(trainer);
        bank = questionBanks.createBank(new ExamForms.NewBank("标准化基础题库")).id();
        for (int i = 1; i <= 4; i++) {
            questionBanks.addQuestion(
                    bank, new ExamForms.NewQuestion(QuestionKind.SINGLE, "基础", "单选题 " + i, "甲\n乙\n丙", "a", 2));
        }
        questionBanks.addQuestion(
                bank, new ExamForms.NewQuestion(QuestionKind.TRUE_FALSE, "基础", "判断题 1", null, "对", 1));
        questionBanks.addQuestion(
                bank, new ExamForms.NewQuestion(QuestionKind.TRUE_FALSE, "基础", "判断题 2", null, "true", 1));
        questionBanks.addQuestion(
                bank, new ExamForms.NewQuestion(QuestionKind.MULTIPLE, "起草", "多选题", "甲\n乙\n丙\n丁", "c, a", 2));
        questionBanks.addQuestion(bank, new ExamForms.NewQuestion(QuestionKind.SHORT, "起草", "简述标准的结构。", null, "要素", 4));
        TestPeople.signOut();
    }

    String trainer() {
        String login = f.person("etr");
        long office = f.people.officeId();
        SystemActor.run("test", () -> organizations.grant(f.people.personId(login), office, Role.TRAINER, null, null));
        return login;
    }

    @AfterEach
    void tearDown() {
        TestPeople.signOut();
        clock.reset();
    }

    /** A session of the trainer's with an exam; the trainees are enrolled. Returns the exam. */
    ExamViews.ExamView exam(String blueprint, int passMark, int maxAttempts, String... trainees) {
        f.signIn(trainer);
        CourseView c = courses.createCourse(new CourseForms.NewCourse("考试课程", null, null));
        LocalDateTime start = LocalDateTime.now(clock.withZone(Courses.ZONE)).plusDays(3);
        SessionView s = courses.addSession(
                c.id(), new CourseForms.NewSession("线上", start, start.plusHours(2), 10, BigDecimal.ZERO));
        ExamViews.ExamView e = exams.createExam(
                new ExamForms.NewExam(s.id(), bank, "结业考试", blueprint, 30, passMark, maxAttempts, "标准化基础知识培训合格"));
        for (String t : trainees) {
            f.signIn(t);
            courses.enrol(s.id());
        }
        return e;
    }

    @Test
    void anAttemptRunsOnTheServersClockResumesAndTakesNothingAfterTheDeadline() {
        String ann = f.person("ean");
        // a stopped clock, after the accounts and roles were made (a role holds from the day it was granted)
        Instant t0 =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofHours(1));
        clock.set(t0);
        ExamViews.ExamView e = exam(MIXED, 5, 1, ann);
        f.signIn(ann);
        ExamViews.AttemptView a = attempts.start(e.id());
        assertThat(a.deadline()).isEqualTo(t0.plus(Duration.ofMinutes(30)));
        assertThat(a.secondsLeft()).isEqualTo(1800);
        assertThat(a.questions())
                .hasSize(4)
                .allSatisfy(q -> assertThat(q.answerKey()).isNull());
        ExamViews.PaperQuestion first = a.questions().getFirst();
        attempts.answer(a.id(), new ExamForms.Answer(first.id(), "b"));

        // the connection drops; starting again resumes the same attempt with the saved answer and the same deadline
        clock.advance(Duration.ofMinutes(29));
        ExamViews.AttemptView resumed = attempts.start(e.id());
        assertThat(resumed.id()).isEqualTo(a.id());
        assertThat(resumed.deadline()).isEqualTo(a.deadline());
        assertThat(resumed.secondsLeft()).isEqualTo(60);
        assertThat(resumed.questions().getFirst().answer()).isEqualTo("B");
        ExamViews.PaperQuestion shortOne = resumed.questions().stream()
                .filter(q -> q.kind() == QuestionKind.SHORT)
                .findFirst()
                .orElseThrow();
        attempts.answer(a.id(), new ExamForms.Answer(shortOne.id(), "范围、规范性引用文件、术语和定义……"));
        // bad answers are refused, the attempt stays as it is
        assertThatThrownBy(() -> attempts.answer(a.id(), new ExamForms.Answer(first.id(), "Z")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> attempts.answer(a.id(), new ExamForms.Answer(987_654L, "A")))
                .isInstanceOf(InvalidInputException.class);

        // past the deadline: the answer is refused and the attempt closed with what was saved in time
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> attempts.answer(a.id(), new ExamForms.Answer(first.id(), "A")))
                .isInstanceOfSatisfying(
                        ConflictException.class, x -> assertThat(x.messageKey()).isEqualTo("talent.error.time-up"));
        ExamViews.AttemptView closed = attempts.attempt(a.id());
        assertThat(closed.state()).isEqualTo(AttemptState.AWAITING_SCORING);
        assertThat(closed.closedByDeadline()).isTrue();
        assertThat(closed.closedAt()).isEqualTo(a.deadline());
        assertThat(closed.questions().getFirst().answer()).isEqualTo("B");
        assertThatThrownBy(() -> attempts.submit(a.id())).isInstanceOf(ConflictException.class);
        // one attempt per enrolment
        assertThatThrownBy(() -> attempts.start(e.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        x -> assertThat(x.messageKey()).isEqualTo("talent.error.no-attempts-left"));

        // the trainer scores the short answer: the result is recorded
        f.signIn(trainer);
        assertThatThrownBy(() -> attempts.score(a.id(), new ExamForms.Score(first.id(), 2)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> attempts.score(a.id(), new ExamForms.Score(shortOne.id(), 5)))
                .isInstanceOf(InvalidInputException.class);
        ExamViews.AttemptView scored = attempts.score(a.id(), new ExamForms.Score(shortOne.id(), 3));
        assertThat(scored.state()).isEqualTo(AttemptState.SCORED);
        assertThat(scored.score())
                .isEqualTo(scored.questions().stream()
                        .mapToInt(q -> q.awarded() == null ? 0 : q.awarded())
                        .sum());
        assertThat(scored.questions().getFirst().awarded()).isZero();
    }

    /** One trainee's attempt at a paper of the one multiple-choice question: the answer given, then handed in. */
    ExamViews.AttemptView answerTheMultipleChoice(String trainee, long examId, String answer) {
        f.signIn(trainee);
        ExamViews.AttemptView a = attempts.start(examId);
        assertThat(a.questions()).singleElement().satisfies(q -> {
            assertThat(q.kind()).isEqualTo(QuestionKind.MULTIPLE);
            assertThat(q.points()).isEqualTo(2);
        });
        attempts.answer(a.id(), new ExamForms.Answer(a.questions().getFirst().id(), answer));
        return attempts.submit(a.id());
    }

    @Test
    void aMultipleChoiceQuestionScoresItsPointsOnlyForExactlyTheKeysSet() {
        // the key is "c, a": A and C, in any order and spelling; anything else (fewer, more, other) scores nothing
        String exact = f.person("emx");
        String spelled = f.person("ems");
        String partial = f.person("emp");
        String superset = f.person("emu");
        String other = f.person("emo");
        ExamViews.ExamView e = exam("MULTIPLE * 1", 2, 1, exact, spelled, partial, superset, other);

        ExamViews.AttemptView right = answerTheMultipleChoice(exact, e.id(), "A,C");
        assertThat(right.state()).isEqualTo(AttemptState.SCORED);
        assertThat(right.score()).isEqualTo(2);
        assertThat(right.passed()).isTrue();
        assertThat(right.questions().getFirst().awarded()).isEqualTo(2);
        ExamViews.AttemptView rightToo = answerTheMultipleChoice(spelled, e.id(), "c、 a");
        assertThat(rightToo.questions().getFirst().answer()).isEqualTo("A,C");
        assertThat(rightToo.score()).isEqualTo(2);

        for (var wrong : List.of(
                answerTheMultipleChoice(partial, e.id(), "A"),
                answerTheMultipleChoice(superset, e.id(), "A B C"),
                answerTheMultipleChoice(other, e.id(), "B,D"))) {
            assertThat(wrong.state()).isEqualTo(AttemptState.SCORED);
            assertThat(wrong.score()).isZero();
            assertThat(wrong.passed()).isFalse();
            assertThat(wrong.questions().getFirst().awarded()).isZero();
        }
        // a letter beyond the four choices is no answer at all
        String beyond = f.person("emb");
        ExamViews.ExamView e2 = exam("MULTIPLE * 1", 2, 1, beyond);
        f.signIn(beyond);
        ExamViews.AttemptView a = attempts.start(e2.id());
        assertThatThrownBy(() -> attempts.answer(
                        a.id(), new ExamForms.Answer(a.questions().getFirst().id(), "A,E")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anExamAllowingTwoAttemptsTakesASecondAndRefusesAThird() {
        String ann = f.person("eat");
        ExamViews.ExamView e = exam("MULTIPLE * 1", 2, 2, ann);
        ExamViews.AttemptView first = answerTheMultipleChoice(ann, e.id(), "A");
        assertThat(first.passed()).isFalse();
        // the second attempt is a new one with a paper and deadline of its own
        ExamViews.AttemptView second = answerTheMultipleChoice(ann, e.id(), "A,C");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.passed()).isTrue();
        assertThat(second.certificateNumber()).isNotNull();
        assertThatThrownBy(() -> attempts.start(e.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        x -> assertThat(x.messageKey()).isEqualTo("talent.error.no-attempts-left"));
        assertThat(attempts.myAttempts())
                .filteredOn(a -> a.examId() == e.id())
                .extracting(ExamViews.AttemptView::id)
                .containsExactlyInAnyOrder(first.id(), second.id());
        // on the page: back to the exam with the refusal, no third attempt
        assertThat(mvc.post()
                        .uri("/exams/" + e.id() + "/start")
                        .with(user(f.user(ann)))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/exams/" + e.id());
        f.signIn(ann);
        assertThat(attempts.myAttempts()).filteredOn(a -> a.examId() == e.id()).hasSize(2);
    }

    @Test
    void thePaperIsReproducedFromItsStoredSeed() {
        String ann = f.person("esd");
        ExamViews.ExamView e = exam(MIXED, 5, 1, ann);
        f.signIn(ann);
        ExamViews.AttemptView a = attempts.start(e.id());
        var record = attemptRecords.findById(a.id()).orElseThrow();
        List<Long> again = Blueprint.parse(MIXED)
                .orElseThrow()
                .draw(questionRecords.findByBankIdOrderById(bank), record.getSeed());
        assertThat(again).isEqualTo(record.questionIds());
        assertThat(a.questions()).extracting(ExamViews.PaperQuestion::id).isEqualTo(again);
        assertThat(a.questions())
                .extracting(ExamViews.PaperQuestion::kind)
                .containsExactly(QuestionKind.SINGLE, QuestionKind.SINGLE, QuestionKind.TRUE_FALSE, QuestionKind.SHORT);
    }

    @Test
    void aPassIssuesACertificateWhosePdfCarriesItsNumber() throws Exception {
        String ann = f.person("epa");
        ExamViews.ExamView e = exam(OBJECTIVE, 3, 1, ann);
        f.signIn(ann);
        ExamViews.AttemptView a = attempts.start(e.id());
        for (ExamViews.PaperQuestion q : a.questions()) {
            attempts.answer(a.id(), new ExamForms.Answer(q.id(), q.kind() == QuestionKind.TRUE_FALSE ? "√" : "A"));
        }
        ExamViews.AttemptView done = attempts.submit(a.id());
        assertThat(done.state()).isEqualTo(AttemptState.SCORED);
        assertThat(done.score()).isEqualTo(5);
        assertThat(done.passed()).isTrue();
        assertThat(done.certificateNumber()).isNotNull();
        assertThat(certificates.mine()).extracting(CertificateView::number).contains(done.certificateNumber());
        // the result is mailed to the person once it is recorded
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessagesForDomain(ann + "@example.com")[0];
        assertThat(message.getSubject()).isEqualTo("StdHub：考试成绩");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(message)).isNotBlank();
        TestPeople.signOut();
        assertThat(certificates.verify(done.certificateNumber()).titleZh()).isEqualTo("标准化基础知识培训合格");

        var pdf = mvc.get()
                .uri("/certificates/" + done.certificateNumber() + "/pdf")
                .exchange();
        assertThat(pdf).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_PDF);
        try (PDDocument doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(done.certificateNumber(), "/certificates/" + done.certificateNumber());
            assertThat(doc.getPage(0).getResources().getXObjectNames())
                    .as("the QR code image")
                    .isNotEmpty();
        }
        assertThat(mvc.get().uri("/certificates/STH-2026-ZZZZ-ZZZZ/pdf")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTraineeSeesOnlyTheirOwnAndOnlyTheTrainerChangesARecordedResultWithAReason() {
        String ann = f.person("ero");
        String bob = f.person("erp");
        String stranger = f.person("erq");
        ExamViews.ExamView e = exam(OBJECTIVE, 3, 1, ann, bob);
        f.signIn(stranger);
        assertThatThrownBy(() -> attempts.start(e.id())).isInstanceOf(NotPermittedException.class);
        f.signIn(bob);
        ExamViews.AttemptView bobs = attempts.start(e.id());
        f.signIn(ann);
        ExamViews.AttemptView a = attempts.start(e.id());
        for (ExamViews.PaperQuestion q : a.questions()) {
            attempts.answer(a.id(), new ExamForms.Answer(q.id(), q.kind() == QuestionKind.TRUE_FALSE ? "true" : "A"));
        }
        ExamViews.AttemptView done = attempts.submit(a.id());
        assertThat(done.passed()).isTrue();

        // ann sees her own attempts only
        assertThat(attempts.myAttempts())
                .extracting(ExamViews.AttemptView::id)
                .contains(a.id())
                .doesNotContain(bobs.id());
        assertThatThrownBy(() -> attempts.attempt(bobs.id())).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> attempts.answer(
                        bobs.id(),
                        new ExamForms.Answer(bobs.questions().getFirst().id(), "A")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> attempts.attemptsAt(e.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(mvc.get().uri("/api/v1/exams/attempts/" + bobs.id()).with(user(f.user(ann))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/exams/attempts/" + bobs.id()).with(user(f.user(ann))))
                .hasStatus(HttpStatus.FORBIDDEN);
        // she cannot change her own result either
        f.signIn(ann);
        long firstQuestion = done.questions().getFirst().id();
        assertThatThrownBy(() -> attempts.rescore(a.id(), new ExamForms.Rescore(firstQuestion, 2, "我觉得对")))
                .isInstanceOf(AccessDeniedException.class);

        // the base office sees the result but cannot change it; nor can another trainer
        f.signIn(officer);
        assertThat(attempts.attempt(a.id()).score()).isEqualTo(5);
        assertThatThrownBy(() -> attempts.rescore(a.id(), new ExamForms.Rescore(firstQuestion, 0, "办公室改分")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(mvc.post()
                        .uri("/api/v1/exams/attempts/" + a.id() + "/rescores")
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"questionId\":" + firstQuestion + ",\"points\":0,\"reason\":\"x\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        f.signIn(otherTrainer);
        assertThatThrownBy(() -> attempts.rescore(a.id(), new ExamForms.Rescore(firstQuestion, 0, "别人改分")))
                .isInstanceOf(NotPermittedException.class);

        // the trainer: no silent change, only a re-score with a reason, recorded; the fail revokes the certificate
        f.signIn(trainer);
        assertThatThrownBy(() -> attempts.score(a.id(), new ExamForms.Score(firstQuestion, 0)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> attempts.rescore(a.id(), new ExamForms.Rescore(firstQuestion, 0, " ")))
                .isInstanceOf(InvalidInputException.class);
        ExamViews.AttemptView rescored =
                attempts.rescore(a.id(), new ExamForms.Rescore(firstQuestion, 0, "复核发现第 1 题答题卡填涂不清"));
        assertThat(rescored.score()).isEqualTo(3);
        assertThat(rescored.passed()).isTrue();
        long second = done.questions().get(1).id();
        rescored = attempts.rescore(a.id(), new ExamForms.Rescore(second, 0, "复核：第 2 题同样作废"));
        assertThat(rescored.score()).isEqualTo(1);
        assertThat(rescored.passed()).isFalse();
        assertThat(rescored.rescores())
                .extracting(ExamViews.RescoreView::reason)
                .containsExactly("复核发现第 1 题答题卡填涂不清", "复核：第 2 题同样作废");
        assertThat(certificates.verify(done.certificateNumber()).status()).isEqualTo(CertificateView.Status.REVOKED);
        // ann sees the new result, without the keys
        f.signIn(ann);
        ExamViews.AttemptView seen = attempts.attempt(a.id());
        assertThat(seen.score()).isEqualTo(1);
        assertThat(seen.questions()).allSatisfy(q -> assertThat(q.answerKey()).isNull());
    }

    @Test
    void examsAndQuestionsAreCheckedBeforeTheyAreStored() {
        f.signIn(trainer);
        CourseView c = courses.createCourse(new CourseForms.NewCourse("校验课程", null, null));
        LocalDateTime start = LocalDateTime.now(clock.withZone(Courses.ZONE)).plusDays(3);
        SessionView s = courses.addSession(
                c.id(), new CourseForms.NewSession("线上", start, start.plusHours(2), 10, BigDecimal.ZERO));
        assertThatThrownBy(() ->
                        exams.createExam(new ExamForms.NewExam(s.id(), bank, "太多题", "SINGLE * 9", 30, 1, 1, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("blueprint"));
        assertThatThrownBy(
                        () -> exams.createExam(new ExamForms.NewExam(s.id(), bank, "乱写", "SINGLE many", 0, 1, 1, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKeys("blueprint", "durationMinutes"));
        assertThatThrownBy(
                        () -> exams.createExam(new ExamForms.NewExam(s.id(), bank, "满分以上", OBJECTIVE, 30, 6, 1, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("passMark"));
        assertThatThrownBy(() -> questionBanks.addQuestion(
                        bank, new ExamForms.NewQuestion(QuestionKind.SINGLE, "基础", "无效答案", "甲\n乙", "A,B", 2)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("answerKey"));
        // another trainer may not use this session or this bank
        f.signIn(otherTrainer);
        assertThatThrownBy(
                        () -> exams.createExam(new ExamForms.NewExam(s.id(), bank, "别人的", OBJECTIVE, 30, 3, 1, null)))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> questionBanks.bank(bank)).isInstanceOf(NotPermittedException.class);
        assertThat(mvc.post()
                        .uri("/api/v1/exams/banks/" + bank + "/questions")
                        .with(user(f.user(otherTrainer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SHORT\",\"topic\":\"x\",\"text\":\"y\",\"points\":1}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theExamPagesServeTraineeAndTrainer() {
        String ann = f.person("epg");
        ExamViews.ExamView e = exam(MIXED, 5, 1, ann);
        assertThat(mvc.get().uri("/exams").with(user(f.user(trainer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("结业考试", "标准化基础题库");
        assertThat(mvc.get().uri("/exams/banks/" + bank).with(user(f.user(trainer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("简述标准的结构。");
        assertThat(mvc.get().uri("/exams/banks/" + bank).with(user(f.user(ann))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/exams/" + e.id()).with(user(f.user(ann))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("开始考试");
        var started = mvc.post()
                .uri("/exams/" + e.id() + "/start")
                .with(user(f.user(ann)))
                .with(csrf())
                .exchange();
        assertThat(started).hasStatus(HttpStatus.FOUND);
        String attemptUrl = started.getResponse().getRedirectedUrl();
        assertThat(attemptUrl).startsWith("/exams/attempts/");
        long attemptId = Long.parseLong(attemptUrl.substring(attemptUrl.lastIndexOf('/') + 1));
        assertThat(mvc.get().uri(attemptUrl).with(user(f.user(ann))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("交卷", "剩余");
        f.signIn(ann);
        ExamViews.AttemptView a = attempts.attempt(attemptId);
        TestPeople.signOut();
        var form = mvc.post().uri(attemptUrl).with(user(f.user(ann))).with(csrf());
        for (ExamViews.PaperQuestion q : a.questions()) {
            form = form.param("q" + q.id() + "-shown", "1")
                    .param(
                            "q" + q.id(),
                            switch (q.kind()) {
                                case TRUE_FALSE -> "true";
                                case SHORT -> "范围";
                                default -> "A";
                            });
        }
        assertThat(form.param("submit", "1")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri(attemptUrl).with(user(f.user(ann))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("待阅卷", "范围");
        assertThat(mvc.get().uri(attemptUrl).with(user(f.user(trainer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("评分");
        assertThat(mvc.get().uri("/exams/" + e.id()).with(user(f.user(trainer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("待阅卷");
        assertThat(mvc.get().uri("/courses/" + courseOf(e)).with(user(f.user(trainer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("报名名单", "结业考试");
        assertThat(mvc.get().uri("/courses/" + courseOf(e)).with(user(f.user(ann))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("已报名", "结业考试")
                .doesNotContain("报名名单");
        assertThat(mvc.get().uri("/exams").with(user(f.user(ann))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("我的考试成绩", "结业考试");
    }

    long courseOf(ExamViews.ExamView e) {
        return courses.session(e.sessionId()).courseId();
    }
}
