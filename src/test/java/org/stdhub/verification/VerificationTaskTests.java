package org.stdhub.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.development.Ballots;
import org.stdhub.development.CommentView;
import org.stdhub.development.Comments;
import org.stdhub.development.Drafts;
import org.stdhub.development.MyWork;
import org.stdhub.development.Projects;
import org.stdhub.development.TransitionRefused;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;

/**
 * Labs and verification tasks through their services: the calibration and accreditation guard, the task state
 * machine and its denials, a lab seeing only its own tasks, findings landing in the project's comment table, my work,
 * and development's review guard when the alliance requires a verification report.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerificationTaskTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Alliances alliances;

    @Autowired
    Projects projects;

    @Autowired
    Ballots ballots;

    @Autowired
    Drafts drafts;

    @Autowired
    Comments comments;

    @Autowired
    MyWork work;

    @Autowired
    Labs labs;

    @Autowired
    VerificationTasks tasks;

    @Autowired
    TaskClauseEvidence evidence;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvcTester mvc;

    VerificationFixtures f;
    AllianceView a;
    String secretary;
    String member;
    String member2;
    long lab1;
    long lab2;
    long lab3;
    long expiredLab;
    String eng1;
    String eng2;
    String eng3;
    long eq1;
    long eq1Overdue;
    long eq2;
    long eqExpiredLab;

    @BeforeAll
    void setUp() {
        f = new VerificationFixtures(
                accounts, organizations, principals, alliances, projects, ballots, drafts, labs, clock);
        a = f.alliance("验证联盟");
        secretary = f.people.person("vsec", a.organizationId(), Role.ALLIANCE_SECRETARY);
        member = f.people.person("vmem", a.organizationId(), Role.ALLIANCE_MEMBER);
        member2 = f.people.person("vmen", a.organizationId(), Role.ALLIANCE_MEMBER);
        lab1 = f.lab("一号实验室", true);
        lab2 = f.lab("二号实验室", true);
        lab3 = f.lab("三号实验室", true);
        expiredLab = f.lab("过期实验室", false);
        eng1 = f.people.person("veng", lab1, Role.LAB_ENGINEER);
        eng2 = f.people.person("veng", lab2, Role.LAB_ENGINEER);
        eng3 = f.people.person("veng", lab3, Role.LAB_ENGINEER);
        LocalDate today = LocalDate.now(clock);
        eq1 = f.equipment(lab1, "温度采集仪", today.plusYears(1));
        eq1Overdue = f.equipment(lab1, "热成像仪", today.minusDays(1));
        eq2 = f.equipment(lab2, "温度采集仪", today.plusYears(1));
        eqExpiredLab = f.equipment(expiredLab, "卡尺", today.plusYears(1));
    }

    @AfterEach
    void tearDown() {
        TestPeople.signOut();
        clock.reset();
    }

    private TaskView open(long projectId, List<Long> labIds) {
        f.signIn(secretary);
        return tasks.open(new TaskForms.NewTask(
                projectId,
                null,
                "条款验证",
                "按第 6 章方法验证",
                LocalDate.now(clock).plusDays(30),
                labIds,
                List.of(
                        new TaskForms.NewClause("5.2", "温升不大于 15 K", "按 6.3 测温升", "≤ 15 K"),
                        new TaskForms.NewClause("5.3", "温差不大于 5 K", "按 6.4 测温差", "≤ 5 K"))));
    }

    private TaskForms.NewRecord record(Long lab, long equipment, String value) {
        return new TaskForms.NewRecord(
                lab,
                "样品 1",
                "25 ℃",
                equipment,
                null,
                "最高温升",
                new BigDecimal(value),
                "K",
                new BigDecimal("0.5"),
                new BigDecimal("2"));
    }

    @Test
    void equipmentWhoseCalibrationIsDueOrWhoseLabIsNotAccreditedIsRefused() {
        LocalDate today = LocalDate.now(clock);
        assertThat(labs.equipmentUsable(eq1, today)).isTrue();
        assertThat(labs.equipmentUsable(eq1Overdue, today)).isFalse();
        assertThat(labs.equipmentUsable(eq1, today.plusYears(1)))
                .as("due on that day")
                .isFalse();
        assertThat(labs.equipmentUsable(eqExpiredLab, today)).isFalse();
        assertThatThrownBy(() -> labs.requireUsable(expiredLab, eqExpiredLab, today))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "verification.error.accreditation-expired");

        long project = f.projectInDrafting(a, secretary, member, member2, "校准守卫");
        TaskView t = open(project, List.of(lab1, lab2));
        f.signIn(eng1);
        tasks.transition(t.id(), "START", null);
        long clause = t.clauses().getFirst().id();
        assertThatThrownBy(() -> tasks.record(t.id(), clause, record(lab1, eq1Overdue, "12.0"), null))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "verification.error.calibration-due");
        assertThatThrownBy(() -> tasks.record(t.id(), clause, record(lab1, eq2, "12.0"), null))
                .as("another lab's instrument")
                .isInstanceOf(InvalidInputException.class);
        tasks.record(t.id(), clause, record(lab1, eq1, "12"), null);
        assertThat(tasks.get(t.id()).clauses().getFirst().records()).hasSize(1);
        // an expired lab cannot be assigned
        f.signIn(secretary);
        assertThatThrownBy(() -> open(project, List.of(expiredLab)))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "verification.error.lab-not-accredited");
        // the directory flags them
        LabView expired = labs.get(expiredLab);
        assertThat(expired.accreditationValid()).isFalse();
        assertThat(expired.warnings()).contains("verification.lab.warning.accreditation-expired");
        assertThat(labs.get(lab1).warnings()).contains("verification.lab.warning.calibration-due");
        assertThat(labs.get(lab1).engineers()).as("names are for insiders").isEmpty();
    }

    @Test
    void theStateMachineRefusesTheWrongPartyStateAndMissingVerdicts() {
        long project = f.projectInDrafting(a, secretary, member, member2, "状态机");
        f.signIn(member);
        assertThatThrownBy(() -> tasks.open(new TaskForms.NewTask(
                        project, null, "x", "y", LocalDate.now(clock).plusDays(3), List.of(lab1), List.of())))
                .isInstanceOf(NotPermittedException.class);
        TaskView t = open(project, List.of(lab1));
        assertThat(t.state()).isEqualTo("PLANNED");
        f.signIn(secretary);
        assertThatThrownBy(() -> tasks.transition(t.id(), "START", null)).isInstanceOf(NotPermittedException.class);
        f.signIn(eng1);
        long clause = t.clauses().getFirst().id();
        assertThatThrownBy(() -> tasks.record(t.id(), clause, record(lab1, eq1, "12"), null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> tasks.transition(t.id(), "CLOSE", null)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tasks.transition(t.id(), "FLY", null)).isInstanceOf(InvalidInputException.class);
        tasks.transition(t.id(), "START", null);
        assertThatThrownBy(() -> tasks.transition(t.id(), "REPORT", null))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "verification.need.ALL_VERDICTS");
        assertThatThrownBy(() -> tasks.decide(t.id(), clause, new TaskForms.Decision("NEEDS_CHANGE", " ", null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tasks.decide(t.id(), clause, new TaskForms.Decision("MAYBE", null, null)))
                .isInstanceOf(InvalidInputException.class);
        for (TaskView.Clause c : t.clauses()) {
            tasks.decide(t.id(), c.id(), new TaskForms.Decision("CONFIRMED", null, null));
        }
        assertThatThrownBy(() -> tasks.transition(t.id(), "REPORT", null))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "verification.need.RECORDS_FOR_VERDICTS");
        f.signIn(secretary);
        assertThatThrownBy(() -> tasks.transition(t.id(), "CLOSE", null))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "verification.error.wrong-state");
        assertThat(tasks.transition(t.id(), "CANCEL", "项目调整").state()).isEqualTo("CANCELLED");
        // bad input is refused whole
        assertThatThrownBy(() -> tasks.open(new TaskForms.NewTask(
                        project,
                        null,
                        " ",
                        "y",
                        LocalDate.now(clock).minusDays(1),
                        List.of(lab1),
                        List.of(
                                new TaskForms.NewClause("1", "r", "m", "a"),
                                new TaskForms.NewClause("1", "r", "m", "a")))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .containsKeys("title", "dueDate", "clauses"));
    }

    @Test
    void aLabSeesOnlyItsOwnTasks() {
        long project = f.projectInDrafting(a, secretary, member, member2, "可见性");
        TaskView t = open(project, List.of(lab1, lab2));
        f.signIn(eng3);
        assertThat(tasks.list()).extracting(TaskView::id).doesNotContain(t.id());
        assertThatThrownBy(() -> tasks.get(t.id())).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tasks.transition(t.id(), "START", null)).isInstanceOf(NotPermittedException.class);
        assertThat(work.mine()).noneMatch(i -> ("/verification-tasks/" + t.id()).equals(i.href()));
        f.signIn(eng1);
        assertThat(tasks.list()).extracting(TaskView::id).contains(t.id());
        assertThat(work.mine())
                .anyMatch(i ->
                        ("/verification-tasks/" + t.id()).equals(i.href()) && i.mine() && "VERIFY".equals(i.kind()));
        f.signIn(member);
        assertThat(tasks.get(t.id()).viewerIsLab()).isFalse();
        assertThat(work.mine()).anyMatch(i -> ("/verification-tasks/" + t.id()).equals(i.href()) && !i.mine());
    }

    @Test
    void findingsLandInTheCommentTableAndTheReviewGuardNeedsTheReport() {
        long project = f.projectInDrafting(a, secretary, member, member2, "审查守卫");
        f.signIn(secretary);
        tasks.setReportRequiredForReview(a.id(), true);
        projects.transition(project, "APPROVE_WORKING_DRAFT", null);
        projects.transition(project, "REGISTER_COMMENT_DRAFT", null);
        projects.transition(project, "OPEN_COMMENT_PERIOD", null);
        TaskView t = open(project, List.of(lab1, lab2));
        clock.advance(Duration.ofDays(30));
        projects.transition(project, "CLOSE_COMMENT_PERIOD", null);
        projects.transition(project, "DISPOSE_COMMENTS", null);
        assertThatThrownBy(() -> projects.transition(project, "REGISTER_REVIEW_DRAFT", null))
                .isInstanceOf(TransitionRefused.class)
                .satisfies(e -> assertThat(((TransitionRefused) e).missing()).isEqualTo("VERIFICATION_REPORT"))
                .hasFieldOrPropertyWithValue("messageKey", "verification.requirement.report");

        long c1 = t.clauses().get(0).id();
        long c2 = t.clauses().get(1).id();
        f.signIn(eng1);
        tasks.transition(t.id(), "START", null);
        tasks.record(
                t.id(),
                c1,
                record(null, eq1, "12.4"),
                new TaskForms.RawData("raw.csv", "t,T\n0,25\n".getBytes(StandardCharsets.UTF_8)));
        tasks.decide(t.id(), c1, new TaskForms.Decision("CONFIRMED", null, null));
        tasks.decide(t.id(), c2, new TaskForms.Decision("NOT_VERIFIABLE", "未规定测点数量", null));
        f.signIn(eng2);
        TaskView withTwoLabs = tasks.record(t.id(), c1, record(null, eq2, "13.1"), null);
        Comparison comparison = withTwoLabs.clauses().getFirst().comparison();
        assertThat(comparison).isNotNull();
        assertThat(comparison.p()).isEqualTo(2);
        TaskView reported = tasks.transition(t.id(), "REPORT", null);
        assertThat(reported.state()).isEqualTo("REPORTED");
        assertThat(reported.reportAvailable()).isTrue();
        assertThat(new String(tasks.reportPdf(t.id()), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        var rawRecord = reported.clauses().getFirst().records().getFirst();
        assertThat(new String(tasks.rawData(t.id(), rawRecord.id()).content(), StandardCharsets.UTF_8))
                .startsWith("t,T");

        f.signIn(secretary);
        List<CommentView> table = comments.of(project);
        assertThat(table).hasSize(2);
        assertThat(table)
                .anySatisfy(c -> {
                    assertThat(c.clause()).isEqualTo("5.3");
                    assertThat(c.comment()).contains("NOT_VERIFIABLE").contains("无法验证");
                    assertThat(c.proposedChange()).isEqualTo("未规定测点数量");
                    assertThat(c.memberBody()).startsWith("验证中心");
                    assertThat(c.disposition()).isNull();
                })
                .anySatisfy(c -> assertThat(c.comment()).contains("12.4 K"));
        assertThat(work.mine()).anyMatch(i -> "VERIFICATION_REPORTED".equals(i.kind()) && i.mine());
        projects.transition(project, "REGISTER_REVIEW_DRAFT", null);
        assertThat(projects.get(project).stage()).isEqualTo("40.00");
        assertThat(tasks.transition(t.id(), "CLOSE", null).state()).isEqualTo("CLOSED");
        SystemActor.run("test", () -> tasks.setReportRequiredForReview(a.id(), false));
    }

    @Test
    void onlyKeepersChangeALab() {
        f.signIn(eng2);
        assertThatThrownBy(
                        () -> labs.addEquipment(lab1, new LabView.NewEquipment("x", null, "S1", LocalDate.now(clock))))
                .isInstanceOf(NotPermittedException.class);
        f.signIn(eng1);
        assertThatThrownBy(() -> labs.saveProfile(lab1, new LabView.Profile("not a code", "L1", null, null, null, -1)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .containsKeys("fields", "cnasNumber", "capacity"));
        assertThat(labs.get(lab1).engineers()).hasSize(1);
        long orgNotLab = f.alliance("不是实验室").organizationId();
        assertThatThrownBy(() -> SystemActor.run(
                        "test",
                        () -> labs.saveProfile(orgNotLab, new LabView.Profile("J28", null, null, null, null, 1))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theApiAnswersWithProblemDetails() {
        long project = f.projectInDrafting(a, secretary, member, member2, "接口");
        TaskView t = open(project, List.of(lab1));
        TestPeople.signOut();
        assertThat(mvc.get().uri("/api/v1/verification-tasks")).hasStatus(401);
        assertThat(mvc.get().uri("/api/v1/labs/{id}", lab1))
                .hasStatusOk()
                .bodyText()
                .contains("CNAS L");
        assertThat(mvc.get().uri("/api/v1/verification-tasks/{id}", t.id()).with(user(f.people.principal(eng3))))
                .hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/verification-tasks/{id}", t.id()).with(user(f.people.principal(eng1))))
                .hasStatusOk()
                .bodyText()
                .contains("\"state\":\"PLANNED\"");
        assertThat(mvc.post()
                        .uri("/api/v1/verification-tasks/{id}/transitions", t.id())
                        .with(user(f.people.principal(eng1)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"transition\":\"CLOSE\"}"))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/api/v1/verification-tasks/{id}/transitions", t.id())
                        .with(user(f.people.principal(secretary)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"transition\":\"CLOSE\"}"))
                .hasStatus(409)
                .bodyText()
                .contains("PLANNED");
    }

    @Test
    void aReportedTasksVerdictsBecomeTheClauseEvidenceOfItsProject() {
        long project = f.projectInDrafting(a, secretary, member, member2, "追溯证据");
        TaskView t = open(project, List.of(lab1));
        long c1 = t.clauses().get(0).id();
        long c2 = t.clauses().get(1).id();
        f.signIn(eng1);
        tasks.transition(t.id(), "START", null);
        tasks.record(t.id(), c1, record(null, eq1, "12.4"), null);
        tasks.decide(t.id(), c1, new TaskForms.Decision("CONFIRMED", null, null));
        tasks.record(t.id(), c2, record(null, eq1, "5.8"), null);
        tasks.decide(t.id(), c2, new TaskForms.Decision("NEEDS_CHANGE", "改为不大于 6 K", null));
        TestPeople.signOut();
        assertThat(evidence.evidence("T/X 1-2026", project))
                .as("a task still in progress is no evidence yet")
                .isEmpty();
        f.signIn(eng1);
        tasks.transition(t.id(), "REPORT", null);
        TestPeople.signOut();
        // asked without anyone signed in, as the public traceability page asks
        List<ClauseEvidence> found = evidence.evidence("T/X 1-2026", project);
        assertThat(found).extracting(ClauseEvidence::clause).containsExactly("5.2", "5.3");
        assertThat(found).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(TaskClauseEvidence.KIND);
            assertThat(e.link()).isEqualTo("/verification-tasks/" + t.id());
            assertThat(e.summary()).startsWith(t.title());
        });
        assertThat(found.get(0).verdict()).isEqualTo("CONFIRMED");
        assertThat(found.get(0).summary()).contains(labs.get(lab1).nameZh());
        assertThat(found.get(1).verdict()).isEqualTo("NEEDS_CHANGE");
        assertThat(found.get(1).summary()).contains("改为不大于 6 K");
        assertThat(evidence.evidence("T/X 1-2026", null)).isEmpty();
        long otherProject = f.projectInDrafting(a, secretary, member, member2, "无验证");
        TestPeople.signOut();
        assertThat(evidence.evidence("T/X 1-2026", otherProject)).isEmpty();
    }
}
