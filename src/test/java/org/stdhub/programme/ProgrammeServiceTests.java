package org.stdhub.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.TestPeople;
import org.stdhub.consulting.EnquiryProgressed;
import org.stdhub.consulting.EnquiryState;
import org.stdhub.development.GroupStandardPublished;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;
import org.stdhub.talent.CertificateIssued;

/**
 * Contracts, tasks, tranches and indicators through their services: the state machine, who sees and does what (a unit
 * its own contracts only), four-eyes approval, and indicators counted from events once per event identity.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeServiceTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Contracts contracts;

    @Autowired
    Tasks tasks;

    @Autowired
    Tranches tranches;

    @Autowired
    Indicators indicators;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    ProgrammeFixtures f;
    String officer;
    String secondOfficer;
    long unitA;
    long unitB;
    String memberA;
    String memberB;

    @BeforeAll
    void setUp() {
        f = new ProgrammeFixtures(accounts, organizations, principals, contracts);
        officer = f.officer();
        secondOfficer = f.officer();
        unitA = f.unit("甲单位");
        unitB = f.unit("乙单位");
        memberA = f.member(unitA);
        memberB = f.member(unitB);
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    @Test
    void aUnitSeesItsOwnContractsOnly() {
        ContractView a = f.contractInForce(unitA, Center.PLATFORM, Indicator.ENTERPRISES_SERVED);
        ContractView b = f.contractInForce(unitB, Center.PLATFORM, Indicator.ENTERPRISES_SERVED);

        f.signIn(memberA);
        assertThat(contracts.list())
                .extracting(ContractView::id)
                .contains(a.id())
                .doesNotContain(b.id());
        assertThat(contracts.get(a.id()).tasks()).hasSize(2);
        assertThatThrownBy(() -> contracts.get(b.id())).isInstanceOf(NotFoundException.class);
        long taskOfB = SystemActor.run(
                "test", () -> contracts.get(b.id()).tasks().getFirst().id());
        assertThatThrownBy(() -> tasks.get(taskOfB)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.report(taskOfB, new ContractForms.TaskReport(50, "不是我的")))
                .isInstanceOf(NotFoundException.class);
        // a unit member cannot draft, accept or propose
        assertThatThrownBy(() -> contracts.create(new ContractForms.NewContract(
                        "x",
                        unitA,
                        Center.PLATFORM,
                        LocalDate.now(),
                        LocalDate.now().plusDays(9),
                        BigDecimal.TEN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tasks.accept(a.tasks().getFirst().id())).isInstanceOf(AccessDeniedException.class);

        f.signIn(officer);
        assertThat(contracts.list()).extracting(ContractView::id).contains(a.id(), b.id());
    }

    @Test
    void theContractStateMachineRefusesIllegalSteps() {
        f.signIn(officer);
        LocalDate start = LocalDate.now();
        ContractView c = contracts.create(new ContractForms.NewContract(
                "状态机", unitA, Center.TALENT, start, start.plusYears(1), new BigDecimal("100.00")));
        assertThat(c.state()).isEqualTo(ContractState.DRAFT);
        assertThatThrownBy(
                        () -> contracts.transition(c.id(), new ContractForms.Transition(ContractTransition.SIGN, null)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("programme.error.sign-needs-tasks");
        assertThatThrownBy(() ->
                        contracts.transition(c.id(), new ContractForms.Transition(ContractTransition.CLOSE, null)))
                .isInstanceOf(ConflictException.class);
        contracts.addTask(c.id(), new ContractForms.NewTask("任务", "交付物", null, null, start.plusDays(30)));
        // bad input: a due date outside the period, a tranche over budget, no condition
        assertThatThrownBy(() -> contracts.addTask(
                        c.id(), new ContractForms.NewTask("任务", "交付物", null, null, start.plusYears(3))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("dueOn"));
        assertThatThrownBy(() -> contracts.addTranche(
                        c.id(),
                        new ContractForms.NewTranche(
                                "超",
                                new BigDecimal("100.01"),
                                start,
                                AmountRule.FULL,
                                null,
                                null,
                                null,
                                null,
                                List.of())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("plannedAmount"));
        assertThatThrownBy(() -> contracts.addTranche(
                        c.id(),
                        new ContractForms.NewTranche(
                                "无条件", BigDecimal.ONE, null, AmountRule.FULL, null, null, null, null, List.of())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("payableFrom"));
        assertThat(contracts
                        .transition(c.id(), new ContractForms.Transition(ContractTransition.SIGN, null))
                        .state())
                .isEqualTo(ContractState.SIGNED);
        assertThatThrownBy(() ->
                        contracts.addTask(c.id(), new ContractForms.NewTask("晚了", "x", null, null, start.plusDays(3))))
                .isInstanceOf(ConflictException.class);
        // amendment: versioned, with what changed and who approved
        ContractView amended =
                contracts.amend(c.id(), new ContractForms.Amendment("追加预算", new BigDecimal("150.00"), null));
        assertThat(amended.amendmentNo()).isEqualTo(1);
        assertThat(amended.budget()).isEqualByComparingTo("150.00");
        assertThat(amended.amendments()).singleElement().satisfies(a -> {
            assertThat(a.changes()).contains("100.00").contains("150.00");
            assertThat(a.approvedBy()).isNotBlank();
        });
        assertThatThrownBy(() ->
                        contracts.transition(c.id(), new ContractForms.Transition(ContractTransition.TERMINATE, " ")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(contracts
                        .transition(c.id(), new ContractForms.Transition(ContractTransition.TERMINATE, "单位撤出"))
                        .state())
                .isEqualTo(ContractState.TERMINATED);
        assertThatThrownBy(() ->
                        contracts.amend(c.id(), new ContractForms.Amendment("再改", new BigDecimal("200.00"), null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void reportAcceptanceAndFourEyesRelease() {
        ContractView c = f.contractInForce(unitA, Center.PLATFORM, Indicator.ENTERPRISES_SERVED);
        long task = c.tasks().getFirst().id();
        TrancheView first = c.tranches().getFirst();
        assertThat(first.payable()).isFalse();

        f.signIn(memberB);
        assertThatThrownBy(() -> tasks.report(task, new ContractForms.TaskReport(100, "x")))
                .isInstanceOf(NotFoundException.class);

        f.signIn(memberA);
        assertThatThrownBy(() -> tasks.report(task, new ContractForms.TaskReport(101, "x")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("progress"));
        TaskView reported =
                tasks.addEvidence(task, "方案.txt", "建设方案全文".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(reported.evidence())
                .singleElement()
                .satisfies(e -> assertThat(e.sha256()).hasSize(64));
        // the evidence is kept by the platform's content store: read back as stored, empty and oversized refused
        var kept = tasks.evidence(task, reported.evidence().getFirst().id());
        assertThat(new String(kept.content(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("建设方案全文");
        assertThat(kept.mediaType()).startsWith("text/plain");
        assertThatThrownBy(() -> tasks.addEvidence(task, "空.txt", new byte[0]))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("file", "programme.error.file-empty"));
        assertThatThrownBy(() -> tasks.addEvidence(task, "大.bin", new byte[(int) TaskEvidenceFiles.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("file", "programme.error.file-too-large"));
        reported = tasks.report(task, new ContractForms.TaskReport(100, "方案已完成"));
        assertThat(reported.state()).isEqualTo(TaskState.REPORTED);

        f.signIn(officer);
        assertThatThrownBy(() -> tasks.returnReport(task, "")).isInstanceOf(InvalidInputException.class);
        assertThat(tasks.returnReport(task, "缺少评审意见").state()).isEqualTo(TaskState.RETURNED);
        assertThatThrownBy(() -> tasks.accept(task)).isInstanceOf(ConflictException.class);
        f.signIn(memberA);
        tasks.report(task, new ContractForms.TaskReport(100, "补充了评审意见"));
        f.signIn(officer);
        assertThat(tasks.accept(task).state()).isEqualTo(TaskState.ACCEPTED);

        TrancheView payable = tranches.get(first.id());
        assertThat(payable.payable()).isTrue();
        assertThat(payable.computation().amount()).isEqualByComparingTo("300000.00");
        TrancheView proposed = tranches.propose(first.id());
        assertThat(proposed.state()).isEqualTo(TrancheState.PROPOSED);
        assertThat(proposed.amount()).isEqualByComparingTo("300000.00");
        // four-eyes: the proposer cannot approve; a second officer can
        assertThatThrownBy(() -> tranches.approve(first.id()))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("programme.error.four-eyes");
        f.signIn(memberA);
        assertThatThrownBy(() -> tranches.approve(first.id())).isInstanceOf(AccessDeniedException.class);
        f.signIn(secondOfficer);
        TrancheView approved = tranches.approve(first.id());
        assertThat(approved.state()).isEqualTo(TrancheState.APPROVED);
        assertThat(approved.approvedBy()).isNotEqualTo(approved.proposedBy());
        assertThatThrownBy(() -> tranches.approve(first.id())).isInstanceOf(ConflictException.class);
        assertThat(tranches.approved()).extracting(TrancheView::id).contains(first.id());
    }

    @Test
    void aTrancheIsNotProposedBeforeItsConditionsAreMet() {
        ContractView c = f.contractInForce(unitB, Center.PLATFORM, Indicator.ENTERPRISES_SERVED);
        f.signIn(officer);
        long first = c.tranches().getFirst().id();
        assertThatThrownBy(() -> tranches.propose(first))
                .isInstanceOf(ConflictException.class)
                .hasMessage("programme.error.tranche-not-payable");
    }

    @Test
    void indicatorsAreCountedFromEventsOnceEachEvenWhenReplayed() {
        int year = 2031;
        LocalDate day = LocalDate.of(year, 5, 5);
        f.signIn(officer);
        indicators.setTarget(
                new IndicatorForms.Target(year, Center.TALENT, null, Indicator.PEOPLE_CERTIFIED, 1, 1, 1, 1));
        int before = actual(year, Center.TALENT, Indicator.PEOPLE_CERTIFIED);
        String number = "PGM-" + System.nanoTime();
        CertificateIssued issued = new CertificateIssued(number, f.people.personId(memberA), "培训合格证", day);
        transactions.executeWithoutResult(s -> events.publishEvent(issued));
        assertThat(actual(year, Center.TALENT, Indicator.PEOPLE_CERTIFIED)).isEqualTo(before + 1);
        // the same event again (a replay of the publication registry): no double count
        transactions.executeWithoutResult(s -> events.publishEvent(issued));
        transactions.executeWithoutResult(
                s -> events.publishEvent(new CertificateIssued(number, f.people.personId(memberA), "培训合格证", day)));
        assertThat(actual(year, Center.TALENT, Indicator.PEOPLE_CERTIFIED)).isEqualTo(before + 1);
        // another certificate counts
        transactions.executeWithoutResult(s ->
                events.publishEvent(new CertificateIssued(number + "B", f.people.personId(memberA), "培训合格证", day)));
        assertThat(actual(year, Center.TALENT, Indicator.PEOPLE_CERTIFIED)).isEqualTo(before + 2);
        assertThat(indicators.facts(Indicator.PEOPLE_CERTIFIED, year, Center.TALENT))
                .extracting(IndicatorViews.Fact::sourceKey)
                .contains("talent.certificate:" + number)
                .doesNotHaveDuplicates();
        // a rolled-back publication counts nothing
        transactions.executeWithoutResult(s -> {
            events.publishEvent(new CertificateIssued(number + "C", f.people.personId(memberA), "x", day));
            s.setRollbackOnly();
        });
        assertThat(actual(year, Center.TALENT, Indicator.PEOPLE_CERTIFIED)).isEqualTo(before + 2);
    }

    @Test
    void enterprisesServedAreCountedFromAnsweredEnquiriesOnceAYearAndStillEnteredForServiceOffThePlatform() {
        int year = 2035;
        f.signIn(officer);
        indicators.setTarget(
                new IndicatorForms.Target(year, Center.PLATFORM, null, Indicator.ENTERPRISES_SERVED, 1, 1, 1, 1));
        int before = actual(year, Center.PLATFORM, Indicator.ENTERPRISES_SERVED);
        long enquiry = System.nanoTime() % 1_000_000_000L;
        java.time.Instant answered = LocalDate.of(year, 6, 1)
                .atTime(10, 0)
                .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant();
        java.util.function.BiFunction<Long, EnquiryState, EnquiryProgressed> step =
                (org, state) -> new EnquiryProgressed(
                        enquiry + org,
                        org,
                        state,
                        "ICS",
                        "03.120",
                        answered.minusSeconds(86_400),
                        LocalDate.of(year, 6, 8),
                        state == EnquiryState.ASSIGNED ? null : answered,
                        true,
                        false,
                        answered);
        // received and assigned: nobody served yet
        transactions.executeWithoutResult(s -> events.publishEvent(step.apply(unitA, EnquiryState.ASSIGNED)));
        assertThat(actual(year, Center.PLATFORM, Indicator.ENTERPRISES_SERVED)).isEqualTo(before);
        // answered: the enterprise counts, once, however often the step is replayed, rated or followed by another
        transactions.executeWithoutResult(s -> events.publishEvent(step.apply(unitA, EnquiryState.ANSWERED)));
        transactions.executeWithoutResult(s -> events.publishEvent(step.apply(unitA, EnquiryState.ANSWERED)));
        transactions.executeWithoutResult(s -> events.publishEvent(step.apply(unitA, EnquiryState.RATED)));
        transactions.executeWithoutResult(s -> events.publishEvent(new EnquiryProgressed(
                enquiry + 7,
                unitA,
                EnquiryState.ANSWERED,
                "CCS",
                "A00",
                answered,
                LocalDate.of(year, 6, 9),
                answered.plusSeconds(3600),
                true,
                false,
                answered.plusSeconds(3600))));
        assertThat(actual(year, Center.PLATFORM, Indicator.ENTERPRISES_SERVED)).isEqualTo(before + 1);
        // another enterprise counts too
        transactions.executeWithoutResult(s -> events.publishEvent(step.apply(unitB, EnquiryState.ANSWERED)));
        assertThat(actual(year, Center.PLATFORM, Indicator.ENTERPRISES_SERVED)).isEqualTo(before + 2);
        assertThat(indicators.facts(Indicator.ENTERPRISES_SERVED, year, Center.PLATFORM))
                .extracting(IndicatorViews.Fact::sourceKey)
                .contains("consulting.enterprise-served:" + unitA + ":" + year)
                .doesNotHaveDuplicates();
        // service given off the platform is still entered with its evidence, and adds to the count
        assertThat(Indicator.ENTERPRISES_SERVED.source().entered()).isTrue();
        assertThat(Indicator.PEOPLE_CERTIFIED.source().entered()).isFalse();
    }

    @Test
    void groupStandardsCountForTheCenterAndScaleATranche() {
        ContractView c = f.contractInForce(unitA, Center.INNOVATION, Indicator.GROUP_STANDARDS_PUBLISHED);
        TrancheView scaled = c.tranches().get(1);
        f.signIn(officer);
        int before = tranches.get(scaled.id()).computation().actual();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 3; i++) {
            var e = new GroupStandardPublished(-1, -1, "T/PGM " + System.nanoTime() + "-" + i, today, today);
            transactions.executeWithoutResult(s -> events.publishEvent(e));
            transactions.executeWithoutResult(s -> events.publishEvent(e));
        }
        TrancheView now = tranches.get(scaled.id());
        assertThat(now.computation().actual()).isEqualTo(before + 3);
        assertThat(now.payable()).isTrue();
        BigDecimal expected = TrancheComputation.compute(
                        AmountRule.SCALED,
                        new BigDecimal("500000.00"),
                        before + 3,
                        10,
                        new BigDecimal("0.5"),
                        BigDecimal.ONE)
                .amount();
        assertThat(tranches.propose(scaled.id()).amount()).isEqualByComparingTo(expected);
        // the task's platform records are counted, not typed in
        assertThat(contracts.get(c.id()).tasks().get(1).platformRecords()).isEqualTo(before + 3);
    }

    @Test
    void theVerificationCentersWorkIsCountedFromItsEventsOnceEachEvenWhenReplayed() {
        int year = 2033;
        f.signIn(officer);
        indicators.setTarget(new IndicatorForms.Target(
                year, Center.VERIFICATION, null, Indicator.CONFORMITY_REPORTS_ISSUED, 1, 1, 1, 1));
        indicators.setTarget(new IndicatorForms.Target(
                year, Center.VERIFICATION, unitA, Indicator.CONFORMITY_REPORTS_ISSUED, 1, 0, 0, 0));
        indicators.setTarget(new IndicatorForms.Target(
                year, Center.VERIFICATION, null, Indicator.STANDARD_EVALUATIONS_ISSUED, 1, 0, 0, 0));
        int reportsBefore = actual(year, Center.VERIFICATION, Indicator.CONFORMITY_REPORTS_ISSUED);
        int evaluationsBefore = actual(year, Center.VERIFICATION, Indicator.STANDARD_EVALUATIONS_ISSUED);
        long n = System.nanoTime() % 1_000_000_000L;
        LocalDate day = LocalDate.of(year, 4, 1);
        var report = new org.stdhub.verification.ConformityReportIssued(
                "CT-PGM-" + n, n, unitB, unitA, List.of("GB/T 1.1-2020"), day);
        var evaluation = new org.stdhub.verification.EvaluationIssued(
                n,
                "GB/T 1.1-2020",
                0,
                day.atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
        var verification = new org.stdhub.verification.VerificationCompleted(
                n, n, n, List.of(unitA), java.util.Map.of("PASS", 3), "0".repeat(64));
        int thisYear = LocalDate.now().getYear();
        long verificationsBefore = indicators
                .facts(Indicator.VERIFICATIONS_DONE, thisYear, Center.VERIFICATION)
                .size();
        for (int replay = 0; replay < 3; replay++) {
            transactions.executeWithoutResult(s -> {
                events.publishEvent(report);
                events.publishEvent(evaluation);
                events.publishEvent(verification);
            });
        }
        assertThat(actual(year, Center.VERIFICATION, Indicator.CONFORMITY_REPORTS_ISSUED))
                .isEqualTo(reportsBefore + 1);
        assertThat(actual(year, Center.VERIFICATION, Indicator.STANDARD_EVALUATIONS_ISSUED))
                .isEqualTo(evaluationsBefore + 1);
        // the lab's own target counts the lab's report
        assertThat(indicators.dashboard(year))
                .filteredOn(t -> t.indicator() == Indicator.CONFORMITY_REPORTS_ISSUED
                        && Long.valueOf(unitA).equals(t.organizationId()))
                .singleElement()
                .satisfies(t -> assertThat(t.actual()).isGreaterThanOrEqualTo(1));
        assertThat(indicators.facts(Indicator.VERIFICATIONS_DONE, thisYear, Center.VERIFICATION))
                .hasSize((int) verificationsBefore + 1)
                .extracting(IndicatorViews.Fact::sourceKey)
                .contains("verification.task:" + n)
                .doesNotHaveDuplicates();
        // a rolled-back report counts nothing
        transactions.executeWithoutResult(s -> {
            events.publishEvent(new org.stdhub.verification.ConformityReportIssued(
                    "CT-PGM-X" + n, n, unitB, unitA, List.of("GB/T 1.1-2020"), day));
            s.setRollbackOnly();
        });
        assertThat(actual(year, Center.VERIFICATION, Indicator.CONFORMITY_REPORTS_ISSUED))
                .isEqualTo(reportsBefore + 1);
    }

    @Test
    void verificationIndicatorsHaveASourceNowAndEnteredValuesNeedEvidence() {
        f.signIn(officer);
        IndicatorViews.TargetStatus status = indicators.setTarget(
                new IndicatorForms.Target(2032, Center.VERIFICATION, null, Indicator.VERIFICATIONS_DONE, 1, 2, 3, 4));
        assertThat(status.actual()).isNotNull();
        assertThat(status.light()).isNotEqualTo(IndicatorViews.Light.NO_SOURCE);
        assertThat(status.target()).isEqualTo(10);
        assertThat(Indicator.values()).noneMatch(i -> i.source() == Indicator.Source.NONE);
        assertThatThrownBy(() -> indicators.enter(new IndicatorForms.EnteredValue(
                        Indicator.VERIFICATIONS_DONE, unitA, LocalDate.now(), 1, "x", "y")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("indicator"));

        f.signIn(memberB);
        assertThatThrownBy(() -> indicators.enter(new IndicatorForms.EnteredValue(
                        Indicator.ENTERPRISES_SERVED, unitA, LocalDate.now(), 3, "服务", "合同清单")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> indicators.enter(new IndicatorForms.EnteredValue(
                        Indicator.ENTERPRISES_SERVED, unitB, LocalDate.now(), 3, "服务", " ")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("evidence"));
        IndicatorViews.Fact fact = indicators.enter(new IndicatorForms.EnteredValue(
                Indicator.ENTERPRISES_SERVED, unitB, LocalDate.now(), 3, "服务三家企业", "服务合同编号 1–3"));
        assertThat(fact.entered()).isTrue();
        assertThat(fact.quantity()).isEqualTo(3);
        assertThatThrownBy(() -> indicators.setTarget(new IndicatorForms.Target(
                        2032, Center.PLATFORM, null, Indicator.ENTERPRISES_SERVED, 1, 1, 1, 1)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private int actual(int year, Center center, Indicator indicator) {
        return indicators.dashboard(year).stream()
                .filter(t -> t.center() == center && t.indicator() == indicator && t.organizationId() == null)
                .findFirst()
                .orElseThrow()
                .actual();
    }
}
