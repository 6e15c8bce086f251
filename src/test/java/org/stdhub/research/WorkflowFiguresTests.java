package org.stdhub.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stdhub.research.ResearchFixtures.RUN;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.consulting.Enquiries;
import org.stdhub.consulting.EnquiryForm;
import org.stdhub.consulting.EnquiryProgressed;
import org.stdhub.consulting.EnquiryView;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.research.analytics.WorkflowFeeds;
import org.stdhub.talent.CertificateIssued;
import org.stdhub.talent.CourseForms;
import org.stdhub.talent.Courses;
import org.stdhub.talent.EnrolmentChanged;
import org.stdhub.talent.EnrolmentState;
import org.stdhub.talent.ExamAttempts;
import org.stdhub.talent.ExamForms;
import org.stdhub.talent.ExamViews;
import org.stdhub.talent.Exams;
import org.stdhub.talent.QuestionBanks;
import org.stdhub.talent.QuestionKind;
import org.stdhub.verification.ConformityForms;
import org.stdhub.verification.ConformityReportIssued;
import org.stdhub.verification.ConformityTestView;
import org.stdhub.verification.ConformityTests;
import org.stdhub.verification.ConformityTransition;

/**
 * The workflow figures of the analytics follow the verification, training and consulting modules through their
 * events: after real steps in each module the read model's counts equal what SQL counts directly over the module's
 * tables (for this test's own lab, course and month), and an event handled again counts nothing twice.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowFiguresTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    Analytics analytics;

    @Autowired
    WorkflowFeeds feeds;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Enquiries enquiries;

    @Autowired
    Courses courses;

    @Autowired
    Exams exams;

    @Autowired
    QuestionBanks banks;

    @Autowired
    ExamAttempts examAttempts;

    @Autowired
    ConformityTests conformity;

    @Autowired
    StandardImporter importer;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    ResearchFixtures f;
    long enterprise;
    long lab;
    String asker;
    String officer;
    String engineer;
    String trainer;
    List<String> trainees;

    @BeforeAll
    void setUp() {
        f = new ResearchFixtures(accounts, organizations, principals);
        long office = f.people.organization(OrganizationKind.BASE_OFFICE, "统计测试办公室");
        enterprise = f.people.organization(OrganizationKind.ENTERPRISE, "统计测试企业");
        lab = f.people.organization(OrganizationKind.LAB, "统计测试实验室");
        asker = f.people.person("wa", enterprise, Role.ENTERPRISE_USER);
        officer = f.people.person("wo", office, Role.BASE_OFFICER);
        engineer = f.people.person("we", lab, Role.LAB_ENGINEER);
        trainer = f.people.person("wt", office, Role.TRAINER);
        trainees = List.of(
                f.people.person("w1", null, null),
                f.people.person("w2", null, null),
                f.people.person("w3", null, null));
        try {
            byte[] bytes = ("{\"id_raw\":\"T/WFT " + RUN + "-2024\",\"title_zh\":\"统计测试用标准\",\"status\":\"current\","
                            + "\"source\":\"test:research\"}")
                    .getBytes(StandardCharsets.UTF_8);
            importer.importStream(new ByteArrayInputStream(bytes), "research-workflows.jsonl", bytes.length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void reset() {
        TestPeople.signOut();
        clock.reset();
    }

    @Test
    void enquiriesReceivedAnsweredAndWithdrawnEqualTheCountsOfTheEnquiryTable() {
        // a month of its own, far ahead, so that no other test's enquiries fall into it
        int month = 1 + Integer.parseInt(RUN) % 12;
        LocalDate day = LocalDate.of(2033, month, 10);
        clock.set(day.atTime(10, 0).atZone(SHANGHAI).toInstant());
        f.signIn(asker);
        EnquiryView answered = ask("统计测试咨询一");
        EnquiryView withdrawn = ask("统计测试咨询二");
        EnquiryView open = ask("统计测试咨询三");
        f.signIn(officer);
        clock.advance(Duration.ofDays(2));
        enquiries.assign(answered.id(), f.people.personId(officer), null);
        enquiries.answer(answered.id(), "答复内容", List.of(), java.util.Locale.SIMPLIFIED_CHINESE);
        f.signIn(asker);
        enquiries.withdraw(withdrawn.id(), null);
        String key = String.format("2033-%02d", month);
        Timestamp from =
                Timestamp.from(day.withDayOfMonth(1).atStartOfDay(SHANGHAI).toInstant());
        Timestamp to = Timestamp.from(
                day.withDayOfMonth(1).plusMonths(1).atStartOfDay(SHANGHAI).toInstant());
        String in = " from enquiry where submitted_at >= ? and submitted_at < ?";

        await().atMost(PATIENCE).untilAsserted(() -> {
            Throughput.Row row = enquiryRow(key);
            assertThat(row.counts())
                    .containsExactly(
                            count("select count(*)" + in, from, to),
                            count("select count(*)" + in + " and answered_at is not null", from, to),
                            count("select count(*)" + in + " and answered_at is not null", from, to)
                                    - lateAnswers(from, to),
                            count("select count(*)" + in + " and state = 'WITHDRAWN'", from, to),
                            count("select count(*)" + in + " and state in ('SUBMITTED', 'ASSIGNED')", from, to));
        });
        Throughput.Row row = enquiryRow(key);
        assertThat(row.counts().get(0)).isGreaterThanOrEqualTo(3);
        assertThat(row.meanDays()).isNotNull().isPositive();

        // past the deadline, the open one counts as overdue on the base office's dashboard
        long before = analytics.enquiriesPastDeadline();
        clock.advance(Duration.ofDays(20));
        assertThat(analytics.enquiriesPastDeadline()).isGreaterThan(before);
        f.signIn(officer);
        assertThat(enquiries.pastDeadline(100)).extracting(EnquiryView::id).contains(open.id());
        f.signIn(asker);
        assertThat(enquiries.pastDeadline(100)).isEmpty();

        // the same step handled again (a replay from the event publication registry) counts nothing twice
        List<Long> counts = enquiryRow(key).counts();
        f.signIn(officer);
        EnquiryView again = enquiries.get(answered.id());
        TestPeople.signOut();
        feeds.record(new EnquiryProgressed(
                again.id(),
                again.organizationId(),
                again.state(),
                again.fieldScheme(),
                again.fieldCode(),
                again.submittedAt(),
                again.dueOn(),
                again.answeredAt(),
                true,
                false,
                again.answeredAt()));
        assertThat(enquiryRow(key).counts()).isEqualTo(counts);
    }

    @Test
    void enrolmentsAttendancesPassedExamsAndCertificatesPerCourseEqualTheCountsOfTheTrainingTables() {
        Instant t0 =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofHours(1));
        clock.set(t0);
        f.signIn(trainer);
        long bank = banks.createBank(new ExamForms.NewBank("统计测试题库" + RUN)).id();
        banks.addQuestion(bank, new ExamForms.NewQuestion(QuestionKind.SINGLE, "基础", "单选题 1", "甲\n乙\n丙", "a", 2));
        banks.addQuestion(bank, new ExamForms.NewQuestion(QuestionKind.SINGLE, "基础", "单选题 2", "甲\n乙\n丙", "a", 2));
        long course = courses.createCourse(new CourseForms.NewCourse("统计测试课程" + RUN, null, null))
                .id();
        LocalDateTime start = LocalDateTime.ofInstant(t0, SHANGHAI).plusDays(3);
        long session = courses.addSession(
                        course, new CourseForms.NewSession("线上", start, start.plusHours(2), 10, BigDecimal.ZERO))
                .id();
        long exam = exams.createExam(new ExamForms.NewExam(session, bank, "结业考试", "SINGLE * 2", 30, 4, 1, "统计测试培训合格"))
                .id();
        long[] enrolment = new long[3];
        for (int i = 0; i < 3; i++) {
            f.signIn(trainees.get(i));
            enrolment[i] = courses.enrol(session).id();
        }
        // one cancels; the first passes the exam, the second fails it; the first attended
        f.signIn(trainees.get(2));
        courses.cancel(enrolment[2]);
        f.signIn(trainees.getFirst());
        ExamViews.AttemptView passing = examAttempts.start(exam);
        for (ExamViews.PaperQuestion q : passing.questions()) {
            examAttempts.answer(passing.id(), new ExamForms.Answer(q.id(), "A"));
        }
        assertThat(examAttempts.submit(passing.id()).passed()).isTrue();
        f.signIn(trainees.get(1));
        ExamViews.AttemptView failing = examAttempts.start(exam);
        assertThat(examAttempts.submit(failing.id()).passed()).isFalse();
        clock.advance(Duration.ofDays(4));
        f.signIn(trainer);
        courses.recordAttendance(enrolment[0], EnrolmentState.ATTENDED);
        TestPeople.signOut();

        String sessions = " join course_session s on s.id = e.session_id where s.course_id = ?";
        String attempts = " from exam_attempt a join exam x on x.id = a.exam_id join course_session s"
                + " on s.id = x.session_id where s.course_id = ?";
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(courseTotals(course))
                        .containsExactly(
                                count(
                                        "select count(*) from enrolment e" + sessions + " and e.state <> 'CANCELLED'",
                                        course),
                                count(
                                        "select count(*) from enrolment e" + sessions + " and e.state = 'ATTENDED'",
                                        course),
                                count("select count(*)" + attempts + " and a.passed = true", course),
                                count("select count(*)" + attempts + " and a.certificate_number is not null", course)));
        assertThat(courseTotals(course)).containsExactly(2L, 1L, 1L, 1L);

        // replayed: the enrolment's latest state and the certificate count once
        List<Long> counts = courseTotals(course);
        Instant enrolledAt = jdbc.queryForObject(
                        "select enrolled_at from enrolment where id = ?", Timestamp.class, enrolment[0])
                .toInstant();
        feeds.record(new EnrolmentChanged(
                enrolment[0], course, "统计测试课程", session, EnrolmentState.ATTENDED, enrolledAt, clock.instant()));
        // an older step arriving late does not turn the attendance back
        feeds.record(new EnrolmentChanged(
                enrolment[0], course, "统计测试课程", session, EnrolmentState.ENROLLED, enrolledAt, enrolledAt));
        String number = jdbc.queryForObject(
                "select certificate_number from exam_attempt where id = ?", String.class, passing.id());
        feeds.record(new CertificateIssued(number, 1L, "统计测试培训合格", LocalDate.now(clock), course, "统计测试课程"));
        assertThat(courseTotals(course)).isEqualTo(counts);
    }

    @Test
    void conformityReportsPerLabEqualTheReportsOfTheConformityTable() {
        int reports = 2;
        for (int i = 0; i < reports; i++) {
            reported();
        }
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(labTotals().get(1))
                        .isEqualTo(count(
                                "select count(*) from conformity_request where lab_id = ? and report_number is not null",
                                lab)));
        assertThat(labTotals().get(1)).isEqualTo(reports);
        String number = jdbc.queryForObject(
                "select min(report_number) from conformity_request where lab_id = ?", String.class, lab);
        feeds.record(new ConformityReportIssued(number, 1L, enterprise, lab, List.of(), LocalDate.now()));
        assertThat(labTotals().get(1)).isEqualTo(reports);
        assertThat(analytics.workflow(WorkflowFeeds.VERIFICATION).orElseThrow().hasData())
                .isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private EnquiryView ask(String subject) {
        return enquiries.ask(new EnquiryForm(enterprise, subject, "问题内容", "CCS", "Z99"), List.of());
    }

    private Throughput.Row enquiryRow(String month) {
        return analytics.workflow(WorkflowFeeds.ENQUIRIES).orElseThrow().rows().stream()
                .filter(r -> r.month().equals(month))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + month));
    }

    /** Answers given after their due day (later than the day's end in the base's time zone). */
    private long lateAnswers(Timestamp from, Timestamp to) {
        return jdbc
                .query(
                        "select answered_at, due_on from enquiry where submitted_at >= ? and submitted_at < ?"
                                + " and answered_at is not null",
                        (rs, i) -> LocalDate.ofInstant(rs.getTimestamp(1).toInstant(), clock.getZone())
                                .isAfter(rs.getDate(2).toLocalDate()),
                        from,
                        to)
                .stream()
                .filter(late -> late)
                .count();
    }

    private List<Long> courseTotals(long course) {
        Throughput t = analytics.workflow(WorkflowFeeds.TRAINING).orElseThrow();
        return sumOf(
                t,
                t.rows().stream()
                        .filter(r -> r.subjectId() != null && r.subjectId() == course)
                        .toList());
    }

    private List<Long> labTotals() {
        Throughput t = analytics.workflow(WorkflowFeeds.VERIFICATION).orElseThrow();
        return sumOf(
                t,
                t.rows().stream()
                        .filter(r -> r.subjectId() != null && r.subjectId() == lab)
                        .toList());
    }

    private static List<Long> sumOf(Throughput t, List<Throughput.Row> rows) {
        return java.util.stream.IntStream.range(0, t.measures().size())
                .mapToObj(i -> rows.stream().mapToLong(r -> r.counts().get(i)).sum())
                .toList();
    }

    private void reported() {
        f.signIn(asker);
        long id = conformity
                .request(new ConformityForms.NewRequest(
                        enterprise,
                        lab,
                        "统计测试产品",
                        "1 台",
                        LocalDate.now().plusDays(20),
                        List.of(new ConformityForms.StandardClauses(
                                "T/WFT " + RUN + "-2024", List.of(new ConformityForms.Clause("5.1", "外观"))))))
                .id();
        f.signIn(engineer);
        conformity.transition(id, ConformityTransition.ACCEPT, null);
        ConformityTestView testing = conformity.transition(id, ConformityTransition.START, null);
        conformity.record(
                id,
                testing.clauses().stream()
                        .map(c -> new ConformityForms.ClauseResult(c.id(), "1", "个", "PASS"))
                        .toList());
        conformity.issueReport(id, "合格。");
        TestPeople.signOut();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
