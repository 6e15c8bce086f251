package org.stdhub.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;

/**
 * Evaluations through the workflow: self-evaluation by the unit, the expert panel drawn through the talent center and
 * each drawn expert scoring their own sheet (caps and weights), the panel mean and class from those sheets, ranking in
 * the round, rectification with a deadline for a failing unit, a member replaced by a reserve, and the denials (another
 * unit cannot see it, a unit does not score itself, nobody off the panel scores, an expert sees no other sheet before
 * the evaluation concludes).
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationServiceTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Contracts contracts;

    @Autowired
    Evaluations evaluations;

    @Autowired
    ConstructionPhases phases;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    org.stdhub.talent.Experts experts;

    @Autowired
    org.stdhub.talent.Draws draws;

    @Autowired
    EvaluationPanels panels;

    @Autowired
    org.stdhub.audit.AuditLog audit;

    ProgrammeFixtures f;
    PanelFixtures p;
    String officer;
    long unitA;
    long unitB;
    String memberA;
    String memberB;
    ContractView contractA;
    ContractView contractB;
    String round;

    @BeforeAll
    void setUp() {
        f = new ProgrammeFixtures(accounts, organizations, principals, contracts);
        p = new PanelFixtures(f, experts, draws, panels);
        officer = f.officer();
        unitA = f.unit("评估甲");
        unitB = f.unit("评估乙");
        memberA = f.member(unitA);
        memberB = f.member(unitB);
        contractA = f.contractInForce(unitA, Center.PLATFORM, Indicator.ENTERPRISES_SERVED);
        contractB = f.contractInForce(unitB, Center.TALENT, Indicator.ENTERPRISES_SERVED);
        round = "测试" + System.nanoTime() % 1_000_000;
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    private EvaluationView open(ContractView c) {
        f.signIn(officer);
        return evaluations.open(
                new EvaluationForms.NewEvaluation(c.id(), EvaluationKind.ANNUAL, round, LocalDate.now()));
    }

    private static final Map<String, BigDecimal> EXPERT_84 = Map.ofEntries(
            Map.entry("full-time-staff", new BigDecimal("10")),
            Map.entry("governance-bodies", new BigDecimal("5")),
            Map.entry("budget-executed-percent", new BigDecimal("100")),
            Map.entry("annual-report-on-time", BigDecimal.ONE),
            Map.entry("international-standards-led", new BigDecimal("4")),
            Map.entry("national-standards-led", new BigDecimal("6")),
            Map.entry("group-standards-published", new BigDecimal("20")),
            Map.entry("tc-secretariats", new BigDecimal("3")),
            Map.entry("enterprises-served", new BigDecimal("60")),
            Map.entry("people-certified", new BigDecimal("250")),
            Map.entry("verifications-done", new BigDecimal("25")),
            Map.entry("new-mechanisms", new BigDecimal("3")));

    private static Map<String, BigDecimal> expert90() {
        Map<String, BigDecimal> m = new java.util.HashMap<>(EXPERT_84);
        m.put("cooperation-agreements", new BigDecimal("6"));
        return m;
    }

    private EvaluationView selfEvaluated(ContractView c, String member) {
        EvaluationView opened = open(c);
        f.signIn(member);
        return evaluations.selfEvaluate(
                opened.id(),
                new EvaluationForms.SelfEvaluation(
                        Map.of("national-standards-led", new BigDecimal("10"), "tc-secretariats", BigDecimal.ONE),
                        Map.of("national-standards-led", "GB/T 1-2026 等")));
    }

    private EvaluationView sheet(String expert, long id, Map<String, BigDecimal> quantities) {
        f.signIn(expert);
        return evaluations.scoreOwnSheet(id, new EvaluationForms.ExpertSheet(quantities));
    }

    @Test
    void theDrawnExpertsScoreTheirOwnSheetsAndThePanelMeanComesFromThem() {
        String field = PanelFixtures.field();
        p.experts(field, 6);
        String outsider = f.people.person("nopanel");
        EvaluationView e = selfEvaluated(contractA, memberA);
        assertThat(e.state()).isEqualTo(EvaluationState.SELF_EVALUATED);
        // 10 × 2 = 20 capped at 12; + 2 = 14
        assertThat(e.selfScore().total()).isEqualByComparingTo("14");
        assertThat(e.evidence()).containsEntry("national-standards-led", "GB/T 1-2026 等");
        long id = e.id();
        // a unit member neither requests the draw nor scores
        assertThatThrownBy(() -> panels.requestDraw(id, new EvaluationForms.PanelRequest(field, 5, 0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evaluations.scoreOwnSheet(
                        id, new EvaluationForms.ExpertSheet(Map.of("tc-secretariats", BigDecimal.TEN))))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("programme.error.evaluation-own-unit");
        // another unit does not see it
        f.signIn(memberB);
        assertThatThrownBy(() -> evaluations.get(id)).isInstanceOf(NotFoundException.class);
        assertThat(evaluations.list()).extracting(EvaluationView::id).doesNotContain(id);

        f.signIn(officer);
        // the talent center's rules: an even panel is refused, nothing written
        assertThatThrownBy(() -> panels.requestDraw(id, new EvaluationForms.PanelRequest(field, 4, 0)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("members"));
        assertThat(evaluations.get(id).panel().drawId()).isNull();
        var draw = p.drawPanel(id, field, 5, 1);
        assertThat(draw.purpose()).isEqualTo(org.stdhub.talent.DrawPurpose.EVALUATION);
        assertThat(draw.partyOrganizations()).containsExactly(unitA);
        assertThatThrownBy(() -> panels.requestDraw(id, new EvaluationForms.PanelRequest(field, 5, 0)))
                .isInstanceOf(ConflictException.class);
        EvaluationView withPanel = evaluations.get(id);
        assertThat(withPanel.panel().drawId()).isEqualTo(draw.id());
        assertThat(withPanel.panel().seated()).isEqualTo(5);
        assertThat(withPanel.panel().sheetsIn()).isZero();
        List<String> seated = p.members(draw);
        assertThat(seated).hasSize(5).doesNotContainNull();

        // the officer is not on the panel: no sheet; someone off the panel does not even see the evaluation
        assertThatThrownBy(() -> evaluations.scoreOwnSheet(id, new EvaluationForms.ExpertSheet(EXPERT_84)))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("programme.error.evaluation-not-on-panel");
        f.signIn(outsider);
        assertThatThrownBy(() -> evaluations.get(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> evaluations.scoreOwnSheet(id, new EvaluationForms.ExpertSheet(EXPERT_84)))
                .isInstanceOf(NotFoundException.class);

        // the first member sees the evaluation in the list and scores: 84 (service dimension capped at 50)
        f.signIn(seated.get(0));
        assertThat(evaluations.list()).extracting(EvaluationView::id).contains(id);
        EvaluationView first = sheet(seated.get(0), id, EXPERT_84);
        assertThat(first.state()).isEqualTo(EvaluationState.SCORED);
        assertThat(first.panel().viewerScored()).isTrue();
        var s1 = first.experts().getFirst().score();
        assertThat(s1.total()).isEqualByComparingTo("84");
        assertThat(s1.dimensions().get(1).capped()).isTrue();
        assertThat(s1.dimensions().get(1).points()).isEqualByComparingTo("50");
        // once only; unknown items refused
        assertThatThrownBy(() -> sheet(seated.get(0), id, EXPERT_84))
                .isInstanceOf(ConflictException.class)
                .hasMessage("programme.error.evaluation-sheet-submitted");
        assertThatThrownBy(() -> sheet(seated.get(1), id, Map.of("made-up", BigDecimal.ONE)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("quantities"));
        sheet(seated.get(1), id, EXPERT_84);
        EvaluationView third = sheet(seated.get(2), id, expert90());
        // an expert sees their own sheet only, the unit none, the base office all, before the evaluation concludes
        assertThat(third.experts()).hasSize(1);
        assertThat(third.experts().getFirst().score().total()).isEqualByComparingTo("90");
        f.signIn(memberA);
        assertThat(evaluations.get(id).experts()).isEmpty();
        f.signIn(officer);
        assertThat(evaluations.get(id).experts()).hasSize(3);
        assertThat(evaluations.get(id).panel().sheetsIn()).isEqualTo(3);
        // not before every seated member's sheet is in
        assertThatThrownBy(() -> evaluations.conclude(id))
                .isInstanceOf(ConflictException.class)
                .hasMessage("programme.error.evaluation-sheets-missing");
        sheet(seated.get(3), id, EXPERT_84);
        sheet(seated.get(4), id, expert90());
        // a sheet's points stay out of the history before the conclusion
        f.signIn(officer);
        assertThat(audit.history(Evaluations.AUDIT_TYPE, String.valueOf(id), "expert-scored"))
                .hasSize(5)
                .allSatisfy(x -> assertThat(x.changes()).doesNotContainKey("total"));

        // mean of 84, 84, 90, 84, 90 = 86.40 → 良好
        EvaluationView concluded = evaluations.conclude(id);
        assertThat(concluded.state()).isEqualTo(EvaluationState.CONCLUDED);
        assertThat(concluded.total()).isEqualByComparingTo("86.40");
        assertThat(concluded.resultClass()).isEqualTo(EvaluationModel.ResultClass.GOOD);
        assertThat(concluded.rank()).isEqualTo(1);
        // once concluded, the panel's members see all the sheets
        f.signIn(seated.get(0));
        assertThat(evaluations.get(id).experts()).hasSize(5);
        assertThatThrownBy(() -> sheet(seated.get(0), id, EXPERT_84)).isInstanceOf(ConflictException.class);
        f.signIn(officer);
        // a passing unit is not sent into rectification; it is closed
        assertThatThrownBy(() -> evaluations.requireRectification(
                        id, new EvaluationForms.Rectification(LocalDate.now().plusMonths(1), "x")))
                .isInstanceOf(ConflictException.class);
        assertThat(evaluations.close(id, new EvaluationForms.Closing("通过")).state())
                .isEqualTo(EvaluationState.CLOSED);
        assertThatThrownBy(() -> evaluations.conclude(id)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aMemberWhoLeavesThePanelIsReplacedByTheReserveAndTheirSheetNoLongerCounts() {
        String field = PanelFixtures.field();
        p.experts(field, 6);
        EvaluationView e = selfEvaluated(contractB, memberB);
        long id = e.id();
        f.signIn(officer);
        var draw = p.drawPanel(id, field, 5, 1);
        List<String> seated = p.members(draw);
        String reserve = draw.positions().stream()
                .filter(x -> !x.member())
                .map(x -> p.loginOfExpert.get(x.expertId()))
                .findFirst()
                .orElseThrow();
        sheet(seated.get(0), id, expert90());
        // the first member declines after scoring: the reserve takes the seat, the sheet is void
        f.signIn(officer);
        draws.replace(draw.id(), new org.stdhub.talent.DrawForms.Replacement(1, "DECLINED", "出差"));
        EvaluationView after = evaluations.get(id);
        assertThat(after.panel().seated()).isEqualTo(5);
        assertThat(after.panel().sheetsIn()).isZero();
        assertThat(after.experts())
                .singleElement()
                .satisfies(x -> assertThat(x.voided()).isTrue());
        f.signIn(seated.get(0));
        assertThatThrownBy(() -> evaluations.get(id)).isInstanceOf(NotFoundException.class);
        for (String member : seated.subList(1, 5)) {
            sheet(member, id, Map.of("tc-secretariats", BigDecimal.ONE));
        }
        f.signIn(officer);
        assertThatThrownBy(() -> evaluations.conclude(id)).isInstanceOf(ConflictException.class);
        sheet(reserve, id, Map.of("tc-secretariats", BigDecimal.ONE));
        f.signIn(officer);
        // the void 90 does not count: five sheets of 2 points → 不合格
        EvaluationView concluded = evaluations.conclude(id);
        assertThat(concluded.total()).isEqualByComparingTo("2");
        assertThat(concluded.resultClass()).isEqualTo(EvaluationModel.ResultClass.FAIL);
        assertThat(concluded.rankedUnits()).isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> evaluations.close(id, new EvaluationForms.Closing("想直接关闭")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() ->
                        evaluations.requireRectification(id, new EvaluationForms.Rectification(LocalDate.now(), "整改")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("deadline"));
        LocalDate deadline = LocalDate.now().plusMonths(3);
        EvaluationView rect =
                evaluations.requireRectification(id, new EvaluationForms.Rectification(deadline, "补齐服务指标"));
        assertThat(rect.state()).isEqualTo(EvaluationState.RECTIFICATION);
        assertThat(rect.rectificationDeadline()).isEqualTo(deadline);
        assertThat(rect.rectificationOverdue()).isFalse();
        assertThat(evaluations.close(id, new EvaluationForms.Closing("整改完成")).state())
                .isEqualTo(EvaluationState.CLOSED);
    }

    @Test
    void thePanelsNamesAreTheResponsibleOfficersAndTheAdministratorsUntilTheEvaluationConcludes() {
        String field = PanelFixtures.field();
        p.experts(field, 5);
        String otherOfficer = f.officer();
        String admin = f.people.person("badm", f.people.officeId(), Role.ADMIN);
        EvaluationView e = selfEvaluated(contractA, memberA);
        long id = e.id();
        f.signIn(officer);
        var draw = p.drawPanel(id, field, 5, 0);
        List<String> seated = p.members(draw);
        sheet(seated.get(0), id, EXPERT_84);
        sheet(seated.get(1), id, expert90());
        String firstName = f.user(seated.get(0)).displayName();
        String secondName = f.user(seated.get(1)).displayName();

        // the officer who requested the draw and the administrators see the sheets with the experts' names
        f.signIn(officer);
        assertThat(evaluations.get(id).experts())
                .extracting(EvaluationView.ExpertScore::expert)
                .containsExactlyInAnyOrder(firstName, secondName);
        f.signIn(admin);
        assertThat(evaluations.get(id).experts()).hasSize(2);
        // another officer, the unit: the panel exists and two of five sheets are in, no names, no sheets
        for (String other : List.of(otherOfficer, memberA)) {
            f.signIn(other);
            EvaluationView seen = evaluations.get(id);
            assertThat(seen.experts()).isEmpty();
            assertThat(seen.panel().drawId()).isEqualTo(draw.id());
            assertThat(seen.panel().seated()).isEqualTo(5);
            assertThat(seen.panel().sheetsIn()).isEqualTo(2);
            assertThat(evaluations.list())
                    .filteredOn(x -> x.id() == id)
                    .singleElement()
                    .satisfies(x -> assertThat(x.experts()).isEmpty());
            // nor the history, whose entries name who scored
            assertThatThrownBy(() -> audit.history(Evaluations.AUDIT_TYPE, String.valueOf(id)))
                    .isInstanceOf(NotFoundException.class);
        }
        // an expert: their own sheet only
        f.signIn(seated.get(1));
        assertThat(evaluations.get(id).experts())
                .extracting(EvaluationView.ExpertScore::expert)
                .containsExactly(secondName);
        f.signIn(officer);
        assertThat(audit.history(Evaluations.AUDIT_TYPE, String.valueOf(id))).isNotEmpty();
        f.signIn(admin);
        assertThat(audit.history(Evaluations.AUDIT_TYPE, String.valueOf(id))).isNotEmpty();

        // over HTTP: the evaluation's API and page, its dossier and its history deny the names to another officer
        TestPeople.signOut();
        assertThat(mvc.get().uri("/api/v1/programme/evaluations/{id}", id).with(user(f.user(otherOfficer))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.experts.length()")
                .isEqualTo(0);
        assertThat(mvc.get().uri("/api/v1/programme/evaluations/{id}", id).with(user(f.user(otherOfficer))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.panel.sheetsIn")
                .isEqualTo(2);
        assertThat(mvc.get().uri("/api/v1/programme/evaluations").with(user(f.user(otherOfficer))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(firstName)
                .doesNotContain(secondName);
        assertThat(mvc.get().uri("/api/v1/programme/evaluations/{id}", id).with(user(f.user(officer))))
                .hasStatusOk()
                .bodyText()
                .contains(firstName, secondName);
        assertThat(mvc.get().uri("/programme/evaluations/{id}", id).with(user(f.user(otherOfficer))))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"panel-sheets\"")
                .doesNotContain("id=\"experts\"")
                .doesNotContain(firstName)
                .doesNotContain(secondName);
        assertThat(mvc.get().uri("/programme/evaluations/{id}", id).with(user(f.user(memberA))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(firstName)
                .doesNotContain(secondName);
        assertThat(mvc.get().uri("/programme/evaluations/{id}", id).with(user(f.user(officer))))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"experts\"")
                .contains(firstName, secondName);
        assertThat(mvc.get()
                        .uri("/history/{t}/{id}", Evaluations.AUDIT_TYPE, id)
                        .with(user(f.user(otherOfficer))))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get()
                        .uri("/history/{t}/{id}", Evaluations.AUDIT_TYPE, id)
                        .with(user(f.user(memberA))))
                .hasStatus(HttpStatus.NOT_FOUND);
        // the dossier: no sheets and no audit extract for another officer (names checked where the CJK font is)
        String othersDossier = dossierText(id, otherOfficer);
        assertThat(AUDIT_LINE.matcher(othersDossier).find()).isFalse();
        assertThat(othersDossier).doesNotContain(firstName).doesNotContain(secondName);
        String officersDossier = dossierText(id, officer);
        assertThat(AUDIT_LINE.matcher(officersDossier).find()).isTrue();
        if (!officersDossier.contains("CJK font missing")) {
            assertThat(officersDossier).contains(firstName);
        }

        // once the evaluation concludes, the panel is published to whoever reads the evaluation
        for (String member : seated.subList(2, 5)) {
            sheet(member, id, EXPERT_84);
        }
        f.signIn(otherOfficer);
        evaluations.conclude(id);
        assertThat(evaluations.get(id).experts()).hasSize(5);
        assertThat(audit.history(Evaluations.AUDIT_TYPE, String.valueOf(id))).isNotEmpty();
        f.signIn(memberA);
        assertThat(evaluations.get(id).experts())
                .extracting(EvaluationView.ExpertScore::expert)
                .contains(firstName, secondName);
        TestPeople.signOut();
        assertThat(mvc.get().uri("/programme/evaluations/{id}", id).with(user(f.user(otherOfficer))))
                .hasStatusOk()
                .bodyText()
                .contains(firstName, secondName);
        String publishedDossier = dossierText(id, otherOfficer);
        assertThat(AUDIT_LINE.matcher(publishedDossier).find()).isTrue();
        if (!publishedDossier.contains("CJK font missing")) {
            assertThat(publishedDossier).contains(firstName);
        }
    }

    /** A line of the dossier's audit extract: sequence number, then when. */
    private static final java.util.regex.Pattern AUDIT_LINE =
            java.util.regex.Pattern.compile("\\d+ \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    private String dossierText(long id, String login) {
        var dossier = mvc.get()
                .uri("/programme/evaluations/{id}/dossier.pdf", id)
                .with(user(f.user(login)))
                .exchange();
        assertThat(dossier).hasStatusOk();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(dossier.getResponse().getContentAsByteArray())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    @Test
    void noSheetBeforeTheSelfEvaluationAndAUnitMemberCannotConclude() {
        EvaluationView e = open(contractB);
        long id = e.id();
        f.signIn(memberA);
        assertThatThrownBy(() -> evaluations.selfEvaluate(
                        id, new EvaluationForms.SelfEvaluation(Map.of("tc-secretariats", BigDecimal.ONE), Map.of())))
                .isInstanceOf(NotFoundException.class);
        f.signIn(memberB);
        assertThatThrownBy(() -> evaluations.selfEvaluate(
                        id,
                        new EvaluationForms.SelfEvaluation(Map.of("tc-secretariats", new BigDecimal("-1")), Map.of())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> evaluations.conclude(id)).isInstanceOf(AccessDeniedException.class);
        f.signIn(officer);
        assertThatThrownBy(() -> evaluations.conclude(id)).isInstanceOf(ConflictException.class);
    }

    @Test
    void constructionPhasesAreSixMilestonesTheBaseOfficeKeepsTheirDatesAndDeliverables() {
        f.signIn(memberA);
        assertThat(phases.list())
                .extracting(ConstructionPhase::code)
                .containsExactly("PREPARATION", "LAUNCH", "CONSTRUCTION", "MID_TERM", "IMPROVEMENT", "ACCEPTANCE");
        assertThat(phases.list().getFirst().deliverables()).isNotEmpty();
        var edit = new ConstructionPhases.PhaseEdit(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), List.of("完善提升方案", "整改完成报告"), null);
        assertThatThrownBy(() -> phases.update("IMPROVEMENT", edit)).isInstanceOf(AccessDeniedException.class);

        f.signIn(officer);
        ConstructionPhase before = phases.list().get(4);
        assertThatThrownBy(() -> phases.update(
                        "IMPROVEMENT",
                        new ConstructionPhases.PhaseEdit(
                                LocalDate.of(2027, 12, 31), LocalDate.of(2027, 1, 1), List.of(" "), null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKeys("endsOn", "deliverables"));
        assertThatThrownBy(() -> phases.update(
                        "IMPROVEMENT",
                        new ConstructionPhases.PhaseEdit(
                                LocalDate.of(2027, 1, 1),
                                LocalDate.of(2027, 12, 31),
                                List.of("x"),
                                LocalDate.now().plusDays(1))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("reachedOn"));
        assertThatThrownBy(() -> phases.update("NO_SUCH", edit)).isInstanceOf(NotFoundException.class);
        assertThat(phases.list().get(4)).isEqualTo(before);

        String stamp = "评审会纪要 " + System.nanoTime() % 100_000;
        ConstructionPhase changed = phases.update(
                "IMPROVEMENT",
                new ConstructionPhases.PhaseEdit(
                        before.startsOn(), before.endsOn().plusMonths(1), List.of("完善提升方案", stamp), null));
        assertThat(changed.deliverables()).containsExactly("完善提升方案", stamp);
        assertThat(changed.endsOn()).isEqualTo(before.endsOn().plusMonths(1));
        assertThat(audit.history(ConstructionPhases.AUDIT_TYPE, "IMPROVEMENT"))
                .first()
                .satisfies(x -> {
                    assertThat(x.action()).isEqualTo("updated");
                    assertThat(x.changes()).containsKeys("endsOn", "deliverables");
                });
        // put back as it was (the database is shared)
        phases.update(
                "IMPROVEMENT",
                new ConstructionPhases.PhaseEdit(
                        before.startsOn(), before.endsOn(), before.deliverables(), before.reachedOn()));
    }

    @Test
    void overHttpTheApiAndPagesRefuseOtherUnitsAndBadInput() {
        EvaluationView e = open(contractA);
        TestPeople.signOut();
        assertThat(mvc.get().uri("/api/v1/programme/evaluations/{id}", e.id()).with(user(f.user(memberA))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("DRAFT");
        assertThat(mvc.get().uri("/api/v1/programme/evaluations/{id}", e.id()).with(user(f.user(memberB))))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post()
                        .uri("/api/v1/programme/evaluations/{id}/expert-scores", e.id())
                        .with(user(f.user(memberA)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quantities\":{\"tc-secretariats\":3}}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/programme/evaluations/{id}/panel-draw", e.id())
                        .with(user(f.user(memberA)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fieldCodes\":\"98.001\",\"members\":5,\"reserves\":0}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/programme/evaluations/{id}/panel-draw", e.id())
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fieldCodes\":\"\",\"members\":4,\"reserves\":0}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.members")
                .isNotNull();
        assertThat(mvc.put()
                        .uri("/api/v1/programme/phases/{code}", "LAUNCH")
                        .with(user(f.user(memberA)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startsOn\":\"2024-07-01\",\"endsOn\":\"2024-12-31\",\"deliverables\":[\"x\"]}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.put()
                        .uri("/api/v1/programme/phases/{code}", "LAUNCH")
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startsOn\":\"2024-07-01\",\"endsOn\":\"2024-01-01\",\"deliverables\":[\"x\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("cannot end before it starts");
        assertThat(mvc.post()
                        .uri("/api/v1/programme/evaluations")
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ANNUAL\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri("/api/v1/programme/evaluations/{id}/conclusion", e.id())
                        .with(user(f.user(officer)))
                        .with(csrf()))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri("/programme/evaluations/{id}", e.id()).with(user(f.user(memberA))))
                .hasStatusOk()
                .bodyText()
                .contains("self-form");
        assertThat(mvc.get().uri("/programme/evaluations/{id}", e.id()).with(user(f.user(memberB))))
                .hasStatus(HttpStatus.NOT_FOUND);
        var dossier = mvc.get()
                .uri("/programme/evaluations/{id}/dossier.pdf", e.id())
                .with(user(f.user(officer)))
                .exchange();
        assertThat(dossier).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
        // the audit extract: the evaluation's entries of the audit log, in the reader's words
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(dossier.getResponse().getContentAsByteArray())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
                    .contains("审计记录摘录")
                    .contains("创建了评估")
                    .contains(e.round());
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
        assertThat(mvc.get()
                        .uri("/programme/evaluations/{id}/dossier.pdf", e.id())
                        .with(user(f.user(memberB))))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/programme/evaluations").with(user(f.user(officer))))
                .hasStatusOk()
                .bodyText()
                .contains("new-evaluation", "phases");
        assertThat(mvc.get().uri("/programme").with(user(f.user(officer))))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"phases\"");
        assertThat(mvc.get().uri("/api/v1/programme/phases").with(user(f.user(memberB))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.length()")
                .isEqualTo(6);
    }
}
