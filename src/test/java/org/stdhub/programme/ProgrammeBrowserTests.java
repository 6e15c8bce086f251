package org.stdhub.programme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.BrowserExtension;
import org.stdhub.BrowserSession;
import org.stdhub.CatalogTest;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;

/**
 * The contract path as people walk it in Debian's chromium: the unit reports a task with an evidence file, the base
 * office accepts it, the tranche tied to it becomes payable, one officer proposes its release and a second approves.
 * And an evaluation's panel: the officer requests the draw on the evaluation's page, and a drawn expert finds the
 * evaluation in the list and scores their own sheet, seeing no other member's.
 */
@CatalogTest
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeBrowserTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Contracts contracts;

    @Autowired
    org.stdhub.talent.Experts experts;

    @Autowired
    org.stdhub.talent.Draws draws;

    @Autowired
    EvaluationPanels panels;

    @Autowired
    Evaluations evaluations;

    ProgrammeFixtures f;
    String officer;
    String secondOfficer;
    String member;
    ContractView contract;

    @BeforeAll
    void setUp() {
        f = new ProgrammeFixtures(accounts, organizations, principals, contracts);
        officer = f.officer();
        secondOfficer = f.officer();
        long unit = f.unit("浏览器单位");
        member = f.member(unit);
        contract = f.contractInForce(unit, Center.PLATFORM, Indicator.ENTERPRISES_SERVED);
    }

    private void signIn(Page page, String login) {
        page.context().clearCookies();
        page.navigate("/login");
        page.locator("#username").fill(login);
        page.locator("#password").fill(TestPeople.PASSWORD);
        page.locator("#password").press("Enter");
        page.waitForURL(Pattern.compile(".*/(\\?.*)?$"));
    }

    @Test
    void contractTaskReportAcceptancePayableTrancheApproved(Page page) {
        long taskId = contract.tasks().getFirst().id();
        long trancheId = contract.tranches().getFirst().id();
        Locator task = page.locator("#task-" + taskId);
        Locator tranche = page.locator("#tranche-" + trancheId);

        signIn(page, member);
        page.navigate("/programme");
        page.waitForURL(Pattern.compile(".*/programme$"));
        page.navigate("/programme/contracts");
        page.getByText(contract.title()).first().click();
        page.waitForURL(Pattern.compile(".*/programme/contracts/" + contract.id() + "$"));
        assertThat(page.locator("#contract-state")).hasText("执行中");
        assertThat(tranche.locator(".payable")).hasText("条件未满足");
        task.locator("textarea[name=report]").fill("建设方案已编制并通过评审");
        task.locator("input[name=file]")
                .setInputFiles(new com.microsoft.playwright.options.FilePayload(
                        "方案.txt", "text/plain", "建设方案".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        task.locator(".report-form button").click();
        page.waitForURL(Pattern.compile(".*/programme/contracts/" + contract.id() + "$"));
        assertThat(task.locator(".task-state")).hasText("已报告");
        assertThat(task).containsText("方案.txt");
        BrowserSession.screenshot(page, "programme-task-reported");

        signIn(page, officer);
        page.navigate("/programme/contracts/" + contract.id());
        task.locator(".accept-form button").click();
        page.waitForURL(Pattern.compile(".*/programme/contracts/" + contract.id() + "$"));
        assertThat(task.locator(".task-state")).hasText("已验收");
        assertThat(tranche.locator(".payable")).hasText("可拨付");
        tranche.locator(".propose-form button").click();
        page.waitForURL(Pattern.compile(".*/programme/contracts/" + contract.id() + "$"));
        assertThat(tranche.locator(".tranche-state")).hasText("已提议");
        // four-eyes: the proposer's approval is refused with a message
        tranche.locator(".approve-form button").click();
        page.waitForURL(Pattern.compile(".*/programme/contracts/" + contract.id() + "$"));
        assertThat(page.locator("#problem")).containsText("四眼原则");
        assertThat(tranche.locator(".tranche-state")).hasText("已提议");

        signIn(page, secondOfficer);
        page.navigate("/programme/contracts/" + contract.id());
        tranche.locator(".approve-form button").click();
        page.waitForURL(Pattern.compile(".*/programme/contracts/" + contract.id() + "$"));
        assertThat(tranche.locator(".tranche-state")).hasText("已批准拨付");
        assertThat(tranche.locator(".recorded")).containsText("300,000.00");
        BrowserSession.screenshot(page, "programme-tranche-approved");
    }

    @Test
    void theOfficeSetsTheNextEvaluationModelAndARefusedFormKeepsWhatWasTyped(Page page) {
        String day = java.time.LocalDate.now()
                .plusYears(40)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(3000))
                .toString();
        signIn(page, officer);
        page.navigate("/programme/evaluation-models");
        assertThat(page.locator("#model-2024-01-01")).containsText("现行");
        page.locator("#effectiveFrom").fill(day);
        page.locator("#weight_service").fill("45");
        page.locator("#reason").fill("服务能力权重下调,组织建设上调");
        page.locator("#model-form button[type=submit]").click();
        // refused: the weights add up to 95; what was typed is still there
        assertThat(page.locator("#weights-error")).containsText("合计须为100");
        assertThat(page.locator("#weight_service")).hasValue("45");
        assertThat(page.locator("#reason")).hasValue("服务能力权重下调,组织建设上调");
        BrowserSession.screenshot(page, "programme-model-refused");
        page.locator("#weight_organization").fill("30");
        page.locator("#model-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/programme/evaluation-models$"));
        assertThat(page.locator("#defined")).containsText(day);
        assertThat(page.locator("#model-" + day)).containsText("待生效");
        BrowserSession.screenshot(page, "programme-model-set");

        signIn(page, member);
        page.navigate("/programme/evaluation-models");
        assertThat(page.locator("#model-" + day)).isVisible();
        assertThat(page.locator("#model-form")).hasCount(0);
    }

    @Test
    void theOfficerDrawsThePanelFromTheEvaluationAndADrawnExpertScoresTheirOwnSheet(Page page) {
        PanelFixtures p = new PanelFixtures(f, experts, draws, panels);
        String field = PanelFixtures.field();
        p.experts(field, 5);
        long unit = f.unit("浏览器评估单位");
        String unitMember = f.member(unit);
        ContractView c = f.contractInForce(unit, Center.TALENT, Indicator.ENTERPRISES_SERVED);
        f.signIn(officer);
        EvaluationView e = evaluations.open(new EvaluationForms.NewEvaluation(
                c.id(), EvaluationKind.ANNUAL, "浏览器" + System.nanoTime() % 100_000, java.time.LocalDate.now()));
        f.signIn(unitMember);
        evaluations.selfEvaluate(
                e.id(),
                new EvaluationForms.SelfEvaluation(
                        java.util.Map.of("tc-secretariats", java.math.BigDecimal.ONE), java.util.Map.of()));
        TestPeople.signOut();
        String url = "/programme/evaluations/" + e.id();

        signIn(page, officer);
        page.navigate(url);
        assertThat(page.locator("#panel")).containsText("尚未抽取专家组");
        page.locator("#fieldCodes").fill(field);
        page.locator("#members").fill("5");
        page.locator("#reserves").fill("0");
        page.locator("#panel-form button").click();
        page.waitForURL(Pattern.compile(".*" + url + "$"));
        assertThat(page.locator("#panel-draw-link")).containsText("人才中心抽取");
        // the officer commits and draws it (on the draw's page in real life)
        f.signIn(officer);
        long drawId = evaluations.get(e.id()).panel().drawId();
        draws.commit(drawId);
        java.util.List<String> seated = p.members(draws.draw(drawId));
        TestPeople.signOut();
        page.navigate(url);
        assertThat(page.locator("#panel-sheets")).containsText("0/5");

        signIn(page, seated.get(0));
        page.navigate("/programme/evaluations");
        page.locator("#evaluations a[href='" + url + "']").click();
        page.waitForURL(Pattern.compile(".*" + url + "$"));
        assertThat(page.locator("#self-form")).hasCount(0);
        page.locator("#x-tc-secretariats").fill("2");
        page.locator("#expert-form button").click();
        page.waitForURL(Pattern.compile(".*" + url + "$"));
        assertThat(page.locator("#sheet-in")).isVisible();
        assertThat(page.locator("#experts tbody tr")).hasCount(1);
        BrowserSession.screenshot(page, "programme-expert-sheet");

        // another member sees no one else's sheet before the evaluation concludes
        signIn(page, seated.get(1));
        page.navigate(url);
        assertThat(page.locator("#experts")).hasCount(0);
        assertThat(page.locator("#expert-form")).isVisible();
        // the unit sees none either, and cannot score
        signIn(page, unitMember);
        page.navigate(url);
        assertThat(page.locator("#experts")).hasCount(0);
        assertThat(page.locator("#expert-form")).hasCount(0);
    }
}
