package org.stdhub.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.TestPeople;
import org.stdhub.audit.AuditEntry;
import org.stdhub.audit.AuditLog;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;

/**
 * The evaluation models kept by the base office: the shipped model as stored, a new model from a day to come scoring
 * the evaluations of its days (and not those before), the refusals field by field with nothing written, a model never
 * taking effect over an evaluation already scored, withdrawing one not yet in force, and who may do what over HTTP
 * and on the page. Models of this class take effect decades ahead, so that no other test's evaluations fall on them.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationModelsTests {

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
    EvaluationModels models;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    ProgrammeFixtures f;
    String officer;
    String member;
    long unit;
    ContractView contract;
    /** A day decades ahead, its own to this run. */
    LocalDate far;

    @BeforeAll
    void setUp() {
        f = new ProgrammeFixtures(accounts, organizations, principals, contracts);
        officer = f.officer();
        unit = f.unit("指标体系单位");
        member = f.member(unit);
        contract = f.contractInForce(unit, Center.PLATFORM, Indicator.ENTERPRISES_SERVED);
        far = LocalDate.now().plusYears(30).plusDays(ThreadLocalRandom.current().nextInt(3000));
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    /** The shipped model's numbers with the service dimension at {@code service} and organization at 75 − it. */
    private EvaluationModelForm form(LocalDate day, String organization, String service, String reason) {
        EvaluationModelForm shipped = EvaluationModelForm.of(EvaluationModel.shipped(), day);
        Map<String, BigDecimal> weights = new LinkedHashMap<>(shipped.weights());
        weights.put("organization", new BigDecimal(organization));
        weights.put("service", new BigDecimal(service));
        return new EvaluationModelForm(
                day,
                weights,
                shipped.points(),
                shipped.caps(),
                shipped.excellent(),
                shipped.good(),
                shipped.pass(),
                reason);
    }

    private long modelCount() {
        return jdbc.sql("select count(*) from programme_evaluation_model")
                .query(Long.class)
                .single();
    }

    @Test
    void theShippedModelIsStoredAndInForce() {
        f.signIn(member);
        EvaluationModelView first = models.list().getFirst();
        assertThat(first.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(first.model()).isEqualTo(EvaluationModel.shipped());
        assertThat(evaluations.modelOn(LocalDate.now())).isEqualTo(EvaluationModel.shipped());
        assertThat(models.list())
                .filteredOn(v -> v.standing() == EvaluationModelView.Standing.IN_FORCE)
                .singleElement()
                .satisfies(v -> assertThat(v.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 1)));
    }

    @Test
    void theOfficeSetsAModelThatScoresTheEvaluationsFromItsDayOn() {
        LocalDate day = far.plusDays(1);
        f.signIn(officer);
        EvaluationModelView set = models.define(form(day, "30", "45", "服务能力权重下调"));
        assertThat(set.standing()).isEqualTo(EvaluationModelView.Standing.COMING);
        assertThat(set.model().dimensions())
                .extracting(EvaluationModel.Dimension::weight)
                .containsExactly(new BigDecimal("30"), new BigDecimal("45"), new BigDecimal("25"));

        // evaluations of its day on are scored with it, those before with the model in force then
        assertThat(evaluations.modelOn(day)).isEqualTo(set.model());
        assertThat(evaluations.modelOn(day.minusDays(1))).isEqualTo(EvaluationModel.shipped());
        Map<String, BigDecimal> lots = Map.of("national-standards-led", new BigDecimal("100"));
        assertThat(evaluations.modelOn(day).score(lots).total()).isEqualByComparingTo("12");
        assertThat(evaluations.modelOn(day).classOf(new BigDecimal("75"))).isEqualTo(EvaluationModel.ResultClass.GOOD);

        // audited with the numbers that changed and why
        List<AuditEntry> history = audit.history(EvaluationModels.AUDIT_TYPE, day.toString(), "defined");
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.comment()).isEqualTo("服务能力权重下调");
            assertThat(e.changes()).containsOnlyKeys("weight.organization", "weight.service");
            assertThat(e.changes().get("weight.service").before()).isEqualTo("50");
            assertThat(e.changes().get("weight.service").after()).isEqualTo("45");
        });

        // one model per day
        assertThatThrownBy(() -> models.define(form(day, "25", "50", "重复")))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("programme.error.model-day-taken"));
    }

    @Test
    void badNumbersAreRefusedFieldByFieldAndNothingIsWritten() {
        f.signIn(officer);
        long before = modelCount();
        EvaluationModelForm good = form(far.plusDays(2), "25", "50", "理由");
        Map<String, BigDecimal> caps = new LinkedHashMap<>(good.caps());
        caps.put("full-time-staff", new BigDecimal("26"));
        caps.put("no-such-item", BigDecimal.ONE);
        Map<String, BigDecimal> points = new LinkedHashMap<>(good.points());
        points.put("tc-secretariats", new BigDecimal("-1"));
        EvaluationModelForm bad = new EvaluationModelForm(
                LocalDate.now(),
                Map.of(
                        "organization",
                        new BigDecimal("25"),
                        "service",
                        new BigDecimal("40"),
                        "innovation",
                        new BigDecimal("25")),
                points,
                caps,
                new BigDecimal("70"),
                new BigDecimal("80"),
                new BigDecimal("60"),
                " ");
        assertThatThrownBy(() -> models.define(bad))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("effectiveFrom", "programme.error.model-day")
                                .containsEntry("weights", "programme.error.model-weights-sum")
                                .containsEntry("caps.full-time-staff", "programme.error.model-cap")
                                .containsEntry("caps.no-such-item", "programme.error.model-unknown")
                                .containsEntry("points.tc-secretariats", "programme.error.model-points")
                                .containsEntry("thresholds", "programme.error.model-thresholds")
                                .containsEntry("reason", "programme.error.model-reason"));
        Map<String, BigDecimal> missing = new LinkedHashMap<>(good.weights());
        missing.remove("innovation");
        assertThatThrownBy(() -> models.define(new EvaluationModelForm(
                        good.effectiveFrom(),
                        missing,
                        good.points(),
                        good.caps(),
                        good.excellent(),
                        good.good(),
                        good.pass(),
                        "理由")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("weights.innovation"));
        assertThat(modelCount()).isEqualTo(before);
    }

    @Test
    void aModelNeverTakesEffectOverAnEvaluationAlreadyScoredAndOnlyAComingOneIsWithdrawn() {
        LocalDate evaluated = far.plusDays(20);
        f.signIn(officer);
        EvaluationView e = evaluations.open(new EvaluationForms.NewEvaluation(
                contract.id(), EvaluationKind.ANNUAL, "模型" + System.nanoTime() % 100000, evaluated));
        // a draft takes the model in force on its day, whenever that model was set
        models.define(form(evaluated.minusDays(5), "20", "55", "草稿评估按新体系计分"));
        f.signIn(member);
        evaluations.selfEvaluate(
                e.id(), new EvaluationForms.SelfEvaluation(Map.of("tc-secretariats", BigDecimal.ONE), Map.of()));
        f.signIn(officer);
        assertThatThrownBy(() -> models.define(form(evaluated, "25", "50", "会改动已评分的评估")))
                .isInstanceOfSatisfying(ConflictException.class, x -> {
                    assertThat(x.messageKey()).isEqualTo("programme.error.model-would-rescore");
                    assertThat(x.args()).containsExactly(e.id(), evaluated);
                });
        assertThatThrownBy(() -> models.withdraw(evaluated.minusDays(5), "撤回"))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        x -> assertThat(x.messageKey()).isEqualTo("programme.error.model-would-rescore"));
        models.define(form(evaluated.plusDays(1), "25", "50", "评估之后生效"));

        // a coming model is withdrawn with a reason; one in force is not
        assertThatThrownBy(() -> models.withdraw(evaluated.plusDays(1), " ")).isInstanceOf(InvalidInputException.class);
        models.withdraw(evaluated.plusDays(1), "改为明年再议");
        assertThat(models.list()).noneMatch(v -> v.effectiveFrom().equals(evaluated.plusDays(1)));
        assertThat(audit.history(
                        EvaluationModels.AUDIT_TYPE, evaluated.plusDays(1).toString(), "withdrawn"))
                .singleElement()
                .satisfies(x -> assertThat(x.comment()).isEqualTo("改为明年再议"));
        assertThatThrownBy(() -> models.withdraw(LocalDate.of(2024, 1, 1), "不能撤回"))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        x -> assertThat(x.messageKey()).isEqualTo("programme.error.model-in-effect"));

        // nobody but the office sets or withdraws a model
        f.signIn(member);
        assertThatThrownBy(() -> models.define(form(far.plusDays(40), "25", "50", "越权")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> models.withdraw(evaluated.minusDays(5), "越权"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void overHttpEveryoneSignedInReadsAndOnlyTheOfficeWrites() {
        assertThat(mvc.get().uri("/api/v1/programme/evaluation-models").with(user(f.user(member))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].model.effectiveFrom")
                .isEqualTo("2024-01-01");
        assertThat(mvc.get().uri("/api/v1/programme/evaluation-models")).hasStatus(HttpStatus.UNAUTHORIZED);
        String body = "{\"effectiveFrom\":\"" + far.plusDays(60)
                + "\",\"weights\":{\"organization\":25,\"service\":50,\"innovation\":25},"
                + "\"points\":{},\"caps\":{},\"excellent\":90,\"good\":75,\"pass\":60,\"reason\":\"接口\"}";
        assertThat(mvc.post()
                        .uri("/api/v1/programme/evaluation-models")
                        .with(user(f.user(member)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.FORBIDDEN);
        // the office with no points and caps: every item is named
        assertThat(mvc.post()
                        .uri("/api/v1/programme/evaluation-models")
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .hasPathSatisfying(
                        "$.errors['points.full-time-staff']",
                        v -> assertThat(v).asString().contains("每单位分值"))
                .hasPathSatisfying(
                        "$.errors['caps.verifications-done']",
                        v -> assertThat(v).isNotNull());
    }

    @Test
    void thePageShowsTheModelsToAllAndTheFormToTheOfficeAndKeepsWhatWasTypedWhenRefused() {
        assertThat(mvc.get().uri("/programme/evaluation-models").with(user(f.user(member))))
                .hasStatusOk()
                .bodyText()
                .contains("评估指标体系", "model-2024-01-01", "现行")
                .doesNotContain("id=\"model-form\"");
        assertThat(mvc.get().uri("/programme/evaluation-models").with(user(f.user(officer))))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"model-form\"", "name=\"weight_service\"", "name=\"cap_full-time-staff\"");

        var refused = mvc.post()
                .uri("/programme/evaluation-models")
                .with(user(f.user(officer)))
                .with(csrf())
                .param("effectiveFrom", far.plusDays(80).toString())
                .param("weight_organization", "25")
                .param("weight_service", "４0")
                .param("weight_innovation", "25")
                .param("excellent", "90")
                .param("good", "75")
                .param("pass", "60")
                .param("reason", "页面调整,权重合计不足")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refused)
                .bodyText()
                .contains("各维度权重合计须为100", "页面调整,权重合计不足", "value=\"40\"")
                .contains("每单位分值须在0到100之间");

        EvaluationModelForm shipped = EvaluationModelForm.of(EvaluationModel.shipped(), far.plusDays(81));
        var post = mvc.post()
                .uri("/programme/evaluation-models")
                .with(user(f.user(officer)))
                .with(csrf())
                .param("effectiveFrom", far.plusDays(81).toString())
                .param("weight_organization", "25")
                .param("weight_service", "50")
                .param("weight_innovation", "25")
                .param("excellent", "92")
                .param("good", "75")
                .param("pass", "60")
                .param("reason", "优秀线提高到92");
        shipped.points().forEach((k, v) -> post.param("points_" + k, v.toPlainString()));
        shipped.caps().forEach((k, v) -> post.param("cap_" + k, v.toPlainString()));
        assertThat(post.exchange()).hasStatus3xxRedirection();
        f.signIn(member);
        assertThat(models.inForce(far.plusDays(81)).orElseThrow().thresholds().excellent())
                .isEqualByComparingTo("92");

        // a member posting the form is refused and nothing is written
        long before = modelCount();
        assertThat(mvc.post()
                        .uri("/programme/evaluation-models")
                        .with(user(f.user(member)))
                        .with(csrf())
                        .param("effectiveFrom", far.plusDays(82).toString())
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(modelCount()).isEqualTo(before);
    }
}
