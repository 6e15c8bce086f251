package org.stdhub.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.stdhub.verification.ConformityFixtures.importLines;
import static org.stdhub.verification.ConformityFixtures.record;
import static org.stdhub.verification.ConformityFixtures.std;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;
import org.stdhub.talent.DrawForms;
import org.stdhub.talent.DrawPurpose;
import org.stdhub.talent.DrawView;
import org.stdhub.talent.Draws;
import org.stdhub.talent.ExpertForms;
import org.stdhub.talent.ExpertTransition;
import org.stdhub.talent.Experts;
import org.stdhub.talent.Title;

/**
 * An evaluation from draft to issue: the panel drawn through the talent center, economic inputs with provenance and
 * the worked example's indicators, the technical comparison with the catalog's adoption data, the questionnaire,
 * the sign-off's guards, the unverified-formula label on the page and in the report, and who may do what.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationsTests {

    @Autowired
    Evaluations evaluations;

    @Autowired
    Draws draws;

    @Autowired
    Experts experts;

    @Autowired
    StandardImporter importer;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    MockMvcTester mvc;

    ConformityFixtures fx;
    String officer;
    String implementer;
    long enterprise;
    String field;

    @BeforeAll
    void setUp() {
        fx = new ConformityFixtures(accounts, organizations, principals);
        long office = fx.people.organization(OrganizationKind.BASE_OFFICE, "评价办公室");
        officer = fx.people.person("eoff", office, Role.BASE_OFFICER);
        enterprise = fx.people.organization(OrganizationKind.ENTERPRISE, "实施企业");
        implementer = fx.people.person("eimp", enterprise, Role.ENTERPRISE_USER);
        field = "99.9" + String.format("%02d", Integer.parseInt(ConformityFixtures.RUN) % 100);
        for (int i = 0; i < 6; i++) {
            String login = fx.people.person("eexp", enterprise + 100_000, null);
            long person = fx.people.principal(login).personId();
            SystemActor.run("test", () -> {
                var e = experts.enter(
                        person, new ExpertForms.ProfileForm(field, "", "评价 测试", Title.SENIOR, false, 12, "河南"));
                experts.transition(e.id(), ExpertTransition.START_REVIEW, null);
                experts.transition(e.id(), ExpertTransition.APPROVE, null);
            });
        }
        importLines(
                importer,
                "verification-evaluation.jsonl",
                record(
                        std(20, 2024),
                        "current",
                        "\"adoption\":[{\"designation\":\"ISO 13485:2016\",\"degree\":\"MOD\"}]"),
                record(std(21, 2010), "withdrawn", null));
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    private long drawn(DrawPurpose purpose) {
        DrawView d = draws.request(new DrawForms.NewDraw(
                purpose, "评价测试抽取", field, 5, 0, null, List.of(), List.of(), List.of(), List.of()));
        draws.commit(d.id());
        draws.draw(d.id());
        return d.id();
    }

    @Test
    void anEvaluationFromDraftToIssueWithThePanelsSignOff() throws Exception {
        fx.signIn(officer);
        EvaluationView e = evaluations.create(new EvaluationForms.NewEvaluation(std(20, 2024)));
        long id = e.id();
        assertThat(e.state()).isEqualTo(EvaluationState.DRAFT);
        assertThat(e.adoptions())
                .extracting(EvaluationView.Adoption::designation, EvaluationView.Adoption::degree)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ISO 13485:2016", "MOD"));

        // inputs need a source; t is whole years
        assertThatThrownBy(() -> evaluations.setInput(id, new EvaluationForms.Input("K_z", BigDecimal.TEN, " ")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("source"));
        assertThatThrownBy(() -> evaluations.setInput(id, new EvaluationForms.Input("t", new BigDecimal("2.5"), "会议")))
                .isInstanceOf(InvalidInputException.class);
        String src = "企业财务报表 2025";
        evaluations.setInput(id, new EvaluationForms.Input("K_z", new BigDecimal("100000"), src));
        evaluations.setInput(id, new EvaluationForms.Input("K_s", new BigDecimal("200000"), src));
        evaluations.setInput(id, new EvaluationForms.Input("C0", new BigDecimal("12.50"), src));
        evaluations.setInput(id, new EvaluationForms.Input("C1", new BigDecimal("11.00"), src));
        evaluations.setInput(id, new EvaluationForms.Input("Q1", new BigDecimal("400000"), src));
        evaluations.setInput(id, new EvaluationForms.Input("t", new BigDecimal("5"), "专家组"));
        e = evaluations.setInput(id, new EvaluationForms.Input("i", new BigDecimal("0.08"), "专家组"));
        assertThat(e.inputs()).extracting(EvaluationView.Input::source).contains(src, "专家组");
        assertThat(e.classical())
                .filteredOn(i -> i.code().equals("X"))
                .singleElement()
                .satisfies(i -> assertThat(i.value()).isEqualByComparingTo("2700000.00"));
        assertThat(e.classical())
                .filteredOn(i -> i.code().equals("X_d"))
                .singleElement()
                .satisfies(i -> assertThat(i.value()).isEqualByComparingTo("2095626.02"));

        // no scoring before the panel; a draw of another purpose is not a panel
        assertThatThrownBy(() -> evaluations.startScoring(id)).isInstanceOf(ConflictException.class);
        long review = drawn(DrawPurpose.PROJECT_REVIEW);
        assertThatThrownBy(() -> evaluations.linkPanel(id, new EvaluationForms.Panel(review)))
                .isInstanceOf(ConflictException.class);
        long panelDraw = drawn(DrawPurpose.EVALUATION);
        e = evaluations.linkPanel(id, new EvaluationForms.Panel(panelDraw));
        assertThat(e.state()).isEqualTo(EvaluationState.PANEL_DRAWN);
        assertThat(e.panel()).hasSize(5);
        evaluations.startScoring(id);
        evaluations.addIndicator(id, new EvaluationForms.Indicator("ISO 13485:2016", "条款覆盖", "全部", "全部", "EQUAL"));
        // not signed off without the enterprises' answers
        assertThatThrownBy(() -> evaluations.signOff(id, new EvaluationForms.SignOff("结论")))
                .isInstanceOf(ConflictException.class);

        // only an implementing enterprise's user answers, once
        assertThatThrownBy(() -> evaluations.respond(id, new EvaluationForms.Response(enterprise, 5, 4, 4, 5, null)))
                .isInstanceOf(NotPermittedException.class);
        fx.signIn(implementer);
        assertThatThrownBy(() -> evaluations.respond(id, new EvaluationForms.Response(enterprise, 6, 4, 4, 5, null)))
                .isInstanceOf(InvalidInputException.class);
        e = evaluations.respond(id, new EvaluationForms.Response(enterprise, 5, 4, 4, 5, "可行"));
        assertThat(e.applicabilityScore()).isEqualByComparingTo("4.50");
        assertThatThrownBy(() -> evaluations.respond(id, new EvaluationForms.Response(enterprise, 5, 4, 4, 5, null)))
                .isInstanceOf(ConflictException.class);
        // and changes nothing else
        assertThatThrownBy(() -> evaluations.signOff(id, new EvaluationForms.SignOff("结论")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evaluations.create(new EvaluationForms.NewEvaluation(std(20, 2024))))
                .isInstanceOf(AccessDeniedException.class);

        fx.signIn(officer);
        e = evaluations.signOff(id, new EvaluationForms.SignOff("经济效益显著，与国际标准相当。"));
        assertThat(e.state()).isEqualTo(EvaluationState.SIGNED_OFF);
        assertThat(e.panel()).allSatisfy(m -> assertThat(m.signedAt()).isNotNull());
        assertThatThrownBy(() -> evaluations.setInput(id, new EvaluationForms.Input("K_z", BigDecimal.ONE, src)))
                .isInstanceOf(ConflictException.class);
        TestPeople.signOut();

        // not public before it is issued
        assertThat(mvc.get().uri("/api/v1/evaluations/{id}", id).exchange()).hasStatus(404);
        fx.signIn(officer);
        assertThat(evaluations.issue(id).state()).isEqualTo(EvaluationState.ISSUED);
        TestPeople.signOut();

        // public now: the page labels every unverified formula, the report too
        var page = mvc.get().uri("/evaluations/{id}", id).exchange();
        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("id=\"unverified-label\"", "未经核对", "J_n = (C0 − C1) · Q1", "2700000.00", "ISO 13485:2016");
        var api = mvc.get().uri("/api/v1/evaluations/{id}", id).exchange();
        assertThat(api).hasStatusOk();
        assertThat(api).bodyJson().extractingPath("$.classical[0].source").isEqualTo("UNVERIFIED_RECOLLECTION");
        var pdf = mvc.get().uri("/evaluations/{id}/report.pdf", id).exchange();
        assertThat(pdf).hasStatusOk();
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 4, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF");
    }

    @Test
    void onlyTheBaseOfficeOpensEvaluationsAndNotOfWithdrawnStandards() {
        fx.signIn(implementer);
        assertThatThrownBy(() -> evaluations.create(new EvaluationForms.NewEvaluation(std(20, 2024))))
                .isInstanceOf(AccessDeniedException.class);
        fx.signIn(officer);
        assertThatThrownBy(() -> evaluations.create(new EvaluationForms.NewEvaluation(std(21, 2010))))
                .isInstanceOf(ConflictException.class);
        long draft = evaluations
                .create(new EvaluationForms.NewEvaluation(std(20, 2024)))
                .id();
        TestPeople.signOut();
        // a draft is the base office's: others do not even learn it exists
        var denied = mvc.post()
                .uri("/api/v1/evaluations/{id}/inputs", draft)
                .with(user(fx.people.principal(implementer)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"name\":\"K_z\",\"amount\":1,\"source\":\"x\"}")
                .exchange();
        assertThat(denied).hasStatus(403);
        assertThat(mvc.get()
                        .uri("/api/v1/evaluations/{id}", draft)
                        .with(user(fx.people.principal(implementer)))
                        .exchange())
                .hasStatus(404);
    }
}
