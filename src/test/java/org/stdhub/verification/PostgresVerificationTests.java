package org.stdhub.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stdhub.verification.ConformityFixtures.importLines;
import static org.stdhub.verification.ConformityFixtures.record;
import static org.stdhub.verification.ConformityFixtures.std;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.MutableClock;
import org.stdhub.PostgresTest;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.development.Ballots;
import org.stdhub.development.CommentView;
import org.stdhub.development.Comments;
import org.stdhub.development.Drafts;
import org.stdhub.development.Projects;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.NotFoundException;

/**
 * The verification module on PostgreSQL: its migrations, a lab with equipment and the calibration guard, a verification
 * task from plan to report with its findings in the project's comment table, and a conformity request through to an
 * issued report that anyone can look up by its number.
 */
@PostgresTest
class PostgresVerificationTests {

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
    Labs labs;

    @Autowired
    VerificationTasks tasks;

    @Autowired
    ConformityTests conformity;

    @Autowired
    StandardImporter importer;

    @Autowired
    MutableClock clock;

    @AfterEach
    void tearDown() {
        TestPeople.signOut();
        clock.reset();
    }

    @Test
    void labsTasksAndConformityReportsOnPostgres() {
        var f = new VerificationFixtures(
                accounts, organizations, principals, alliances, projects, ballots, drafts, labs, clock);
        LocalDate today = LocalDate.now(clock);
        AllianceView a = f.alliance("PG验证联盟");
        String secretary = f.people.person("pvsec", a.organizationId(), Role.ALLIANCE_SECRETARY);
        String member = f.people.person("pvmem", a.organizationId(), Role.ALLIANCE_MEMBER);
        String member2 = f.people.person("pvmen", a.organizationId(), Role.ALLIANCE_MEMBER);
        long lab = f.lab("PG实验室", true);
        String engineer = f.people.person("pveng", lab, Role.LAB_ENGINEER);
        long usable = f.equipment(lab, "温度采集仪", today.plusYears(1));
        long overdue = f.equipment(lab, "热成像仪", today.minusDays(1));

        // the lab and its calibration guard
        LabView view = labs.get(lab);
        assertThat(view.equipment()).hasSize(2);
        assertThat(view.warnings()).contains("verification.lab.warning.calibration-due");
        assertThat(labs.list()).extracting(LabView::id).contains(lab);
        assertThat(labs.equipmentUsable(usable, today)).isTrue();
        assertThat(labs.equipmentUsable(overdue, today)).isFalse();
        assertThatThrownBy(() -> labs.requireUsable(lab, overdue, today))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "verification.error.calibration-due");

        // a verification task from plan to report; its findings land in the comment table
        long project = f.projectInDrafting(a, secretary, member, member2, "PG 验证项目");
        f.signIn(secretary);
        TaskView t = tasks.open(new TaskForms.NewTask(
                project,
                null,
                "PG 条款验证",
                "按第 6 章方法验证",
                LocalDate.now(clock).plusDays(30),
                List.of(lab),
                List.of(
                        new TaskForms.NewClause("5.2", "温升不大于 15 K", "按 6.3 测温升", "≤ 15 K"),
                        new TaskForms.NewClause("5.3", "温差不大于 5 K", "按 6.4 测温差", "≤ 5 K"))));
        long c1 = t.clauses().get(0).id();
        long c2 = t.clauses().get(1).id();
        f.signIn(engineer);
        tasks.transition(t.id(), "START", null);
        assertThatThrownBy(() -> tasks.record(t.id(), c1, measurement(overdue, "12.0"), null))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "verification.error.calibration-due");
        tasks.record(t.id(), c1, measurement(usable, "12.4"), null);
        tasks.decide(t.id(), c1, new TaskForms.Decision("CONFIRMED", null, null));
        tasks.decide(t.id(), c2, new TaskForms.Decision("NOT_VERIFIABLE", "未规定测点数量", null));
        TaskView reported = tasks.transition(t.id(), "REPORT", null);
        assertThat(reported.state()).isEqualTo("REPORTED");
        assertThat(reported.reportAvailable()).isTrue();
        f.signIn(secretary);
        List<CommentView> table = comments.of(project);
        assertThat(table).hasSize(2);
        assertThat(table)
                .anySatisfy(c -> {
                    assertThat(c.clause()).isEqualTo("5.3");
                    assertThat(c.proposedChange()).isEqualTo("未规定测点数量");
                })
                .anySatisfy(c -> assertThat(c.comment()).contains("12.4 K"));
        assertThat(tasks.ofProject(project)).extracting(TaskView::id).containsExactly(t.id());

        // a conformity request through to its report, looked up publicly by the number
        var cx = new ConformityFixtures(accounts, organizations, principals);
        long enterprise = cx.people.organization(OrganizationKind.ENTERPRISE, "PG检测企业");
        String buyer = cx.people.person("pvbuy", enterprise, Role.ENTERPRISE_USER);
        importLines(importer, "verification-pg.jsonl", record(std(60, 2024), "current", null));
        cx.signIn(buyer);
        long id = conformity
                .request(new ConformityForms.NewRequest(
                        enterprise,
                        lab,
                        "温控器",
                        "2 台",
                        today.plusDays(20),
                        List.of(new ConformityForms.StandardClauses(
                                std(60, 2024), List.of(new ConformityForms.Clause("5.1", "外观"))))))
                .id();
        cx.signIn(engineer);
        conformity.transition(id, ConformityTransition.ACCEPT, null);
        ConformityTestView testing = conformity.transition(id, ConformityTransition.START, null);
        conformity.record(
                id,
                testing.clauses().stream()
                        .map(c -> new ConformityForms.ClauseResult(c.id(), "合格", null, "PASS", usable))
                        .toList());
        ConformityTestView done = conformity.issueReport(id, "所检条款均合格。");
        assertThat(done.state()).isEqualTo(ConformityState.REPORTED);
        TestPeople.signOut();
        ConformityReportView report = conformity.report(done.reportNumber().toLowerCase());
        assertThat(report.number()).isEqualTo(done.reportNumber());
        assertThat(report.product()).isEqualTo("温控器");
        assertThat(report.clauses())
                .singleElement()
                .satisfies(c -> assertThat(c.verdict()).isEqualTo("PASS"));
        assertThatThrownBy(() -> conformity.report("CTR-2026-0000-0000")).isInstanceOf(NotFoundException.class);
    }

    private static TaskForms.NewRecord measurement(long equipment, String value) {
        return new TaskForms.NewRecord(
                null,
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
}
