package org.stdhub.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;

/**
 * Evaluations through the workflow: self-evaluation by the unit, expert scores with caps and weights, the panel mean
 * and class, ranking in the round, rectification with a deadline for a failing unit, and the denials (another unit
 * cannot see it, a unit does not score itself, a unit member cannot score or conclude).
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

    ProgrammeFixtures f;
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
        ProgrammeFixtures.signOut();
    }

    private EvaluationView open(ContractView c) {
        f.signIn(officer);
        return evaluations.open(
                new EvaluationForms.NewEvaluation(c.id(), EvaluationKind.ANNUAL, round, LocalDate.now()));
    }

    @Test
    void scoresThroughTheWorkflowWithCapsWeightsAndPanelMean() {
        EvaluationView opened = open(contractA);
        assertThat(opened.state()).isEqualTo(EvaluationState.DRAFT);

        f.signIn(memberA);
        EvaluationView e = evaluations.selfEvaluate(
                opened.id(),
                new EvaluationForms.SelfEvaluation(
                        Map.of("national-standards-led", new BigDecimal("10"), "tc-secretariats", BigDecimal.ONE),
                        Map.of("national-standards-led", "GB/T 1-2026 等")));
        assertThat(e.state()).isEqualTo(EvaluationState.SELF_EVALUATED);
        // 10 × 2 = 20 capped at 12; + 2 = 14
        assertThat(e.selfScore().total()).isEqualByComparingTo("14");
        assertThat(e.evidence()).containsEntry("national-standards-led", "GB/T 1-2026 等");
        // the unit cannot score as expert
        assertThatThrownBy(() -> evaluations.scoreAsExpert(
                        e.id(),
                        new EvaluationForms.ExpertScores("P-1", "某专家", Map.of("tc-secretariats", BigDecimal.TEN))))
                .isInstanceOf(AccessDeniedException.class);
        // another unit does not see it
        f.signIn(memberB);
        long id = e.id();
        assertThatThrownBy(() -> evaluations.get(id)).isInstanceOf(NotFoundException.class);
        assertThat(evaluations.list()).extracting(EvaluationView::id).doesNotContain(id);

        f.signIn(officer);
        // dimension organization capped at its weight 25: 3 + 6 + 10 + 6 = 25 from raw 3+6+10+6 = 25;
        // service: 15 (international capped) + 12 + 8 + 6 + 6 + 5 + 5 = 57 → capped at 50; innovation 9 → total 84
        Map<String, BigDecimal> expert1 = Map.of(
                "full-time-staff", new BigDecimal("10"),
                "governance-bodies", new BigDecimal("5"),
                "budget-executed-percent", new BigDecimal("100"),
                "annual-report-on-time", BigDecimal.ONE,
                "international-standards-led", new BigDecimal("4"),
                "national-standards-led", new BigDecimal("6"),
                "group-standards-published", new BigDecimal("20"),
                "tc-secretariats", new BigDecimal("3"),
                "enterprises-served", new BigDecimal("60"),
                "people-certified", new BigDecimal("250"));
        Map<String, BigDecimal> expert1b = new java.util.HashMap<>(expert1);
        expert1b.put("verifications-done", new BigDecimal("25"));
        expert1b.put("new-mechanisms", new BigDecimal("3"));
        EvaluationView scored =
                evaluations.scoreAsExpert(id, new EvaluationForms.ExpertScores("DRAW-42", "专家一", expert1b));
        assertThat(scored.state()).isEqualTo(EvaluationState.SCORED);
        assertThat(scored.panelRef()).isEqualTo("DRAW-42");
        var s1 = scored.experts().getFirst().score();
        assertThat(s1.total()).isEqualByComparingTo("84");
        assertThat(s1.dimensions().get(1).capped()).isTrue();
        assertThat(s1.dimensions().get(1).points()).isEqualByComparingTo("50");
        // the same expert twice, another panel, unknown item: refused
        assertThatThrownBy(() -> evaluations.scoreAsExpert(
                        id,
                        new EvaluationForms.ExpertScores("DRAW-42", "专家一", Map.of("tc-secretariats", BigDecimal.ONE))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> evaluations.scoreAsExpert(
                        id,
                        new EvaluationForms.ExpertScores("DRAW-9", "专家二", Map.of("tc-secretariats", BigDecimal.ONE))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> evaluations.scoreAsExpert(
                        id, new EvaluationForms.ExpertScores("DRAW-42", "专家二", Map.of("made-up", BigDecimal.ONE))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("quantities"));
        assertThatThrownBy(() -> evaluations.scoreAsExpert(
                        id,
                        new EvaluationForms.ExpertScores("DRAW-42", " ", Map.of("tc-secretariats", BigDecimal.ONE))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("expert"));
        // second expert: 90 → mean 87 → 良好
        Map<String, BigDecimal> expert2 = new java.util.HashMap<>(expert1b);
        expert2.put("new-mechanisms", new BigDecimal("3"));
        expert2.put("cooperation-agreements", new BigDecimal("6"));
        EvaluationView two = evaluations.scoreAsExpert(id, new EvaluationForms.ExpertScores(null, "专家二", expert2));
        assertThat(two.experts()).hasSize(2);
        assertThat(two.experts().get(1).score().total()).isEqualByComparingTo("90");

        EvaluationView concluded = evaluations.conclude(id);
        assertThat(concluded.state()).isEqualTo(EvaluationState.CONCLUDED);
        assertThat(concluded.total()).isEqualByComparingTo("87");
        assertThat(concluded.resultClass()).isEqualTo(EvaluationModel.ResultClass.GOOD);
        assertThat(concluded.rank()).isEqualTo(1);
        // a passing unit is not sent into rectification; it is closed
        assertThatThrownBy(() -> evaluations.requireRectification(
                        id, new EvaluationForms.Rectification(LocalDate.now().plusMonths(1), "x")))
                .isInstanceOf(ConflictException.class);
        assertThat(evaluations.close(id, new EvaluationForms.Closing("通过")).state())
                .isEqualTo(EvaluationState.CLOSED);
        assertThatThrownBy(() -> evaluations.conclude(id)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aFailingUnitGoesIntoRectificationWithADeadline() {
        EvaluationView e = open(contractB);
        long id = e.id();
        // experts cannot score before the self-evaluation
        assertThatThrownBy(() -> evaluations.scoreAsExpert(
                        id,
                        new EvaluationForms.ExpertScores("DRAW-7", "专家", Map.of("tc-secretariats", BigDecimal.ONE))))
                .isInstanceOf(ConflictException.class);
        f.signIn(memberA);
        assertThatThrownBy(() -> evaluations.selfEvaluate(
                        id, new EvaluationForms.SelfEvaluation(Map.of("tc-secretariats", BigDecimal.ONE), Map.of())))
                .isInstanceOf(NotFoundException.class);
        f.signIn(memberB);
        assertThatThrownBy(() -> evaluations.selfEvaluate(
                        id,
                        new EvaluationForms.SelfEvaluation(Map.of("tc-secretariats", new BigDecimal("-1")), Map.of())))
                .isInstanceOf(InvalidInputException.class);
        evaluations.selfEvaluate(
                id, new EvaluationForms.SelfEvaluation(Map.of("tc-secretariats", BigDecimal.ONE), Map.of()));
        assertThatThrownBy(() -> evaluations.conclude(id)).isInstanceOf(AccessDeniedException.class);

        f.signIn(officer);
        evaluations.scoreAsExpert(
                id, new EvaluationForms.ExpertScores("DRAW-7", "专家", Map.of("tc-secretariats", BigDecimal.ONE)));
        EvaluationView concluded = evaluations.conclude(id);
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
    void anOfficerOfTheUnitDoesNotScoreIt() {
        EvaluationView e = open(contractA);
        f.signIn(memberA);
        evaluations.selfEvaluate(
                e.id(), new EvaluationForms.SelfEvaluation(Map.of("tc-secretariats", BigDecimal.ONE), Map.of()));
        String insider = f.officer();
        SystemActor.run(
                "test", () -> organizations.grant(f.personId(insider), unitA, Role.ENTERPRISE_USER, null, null));
        f.signIn(insider);
        assertThatThrownBy(() -> evaluations.scoreAsExpert(
                        e.id(),
                        new EvaluationForms.ExpertScores("DRAW-1", "自己", Map.of("tc-secretariats", BigDecimal.ONE))))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void constructionPhasesAreSixMilestonesInOrder() {
        f.signIn(memberA);
        assertThat(phases.list())
                .extracting(ConstructionPhase::code)
                .containsExactly("PREPARATION", "LAUNCH", "CONSTRUCTION", "MID_TERM", "IMPROVEMENT", "ACCEPTANCE");
        assertThat(phases.list().getFirst().deliverables()).isNotEmpty();
    }

    @Test
    void overHttpTheApiAndPagesRefuseOtherUnitsAndBadInput() {
        EvaluationView e = open(contractA);
        ProgrammeFixtures.signOut();
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
                        .content("{\"panelRef\":\"P\",\"expert\":\"x\",\"quantities\":{\"tc-secretariats\":3}}"))
                .hasStatus(HttpStatus.FORBIDDEN);
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
        assertThat(mvc.get()
                        .uri("/programme/evaluations/{id}/dossier.pdf", e.id())
                        .with(user(f.user(officer))))
                .hasStatusOk()
                .hasContentType(MediaType.APPLICATION_PDF);
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
