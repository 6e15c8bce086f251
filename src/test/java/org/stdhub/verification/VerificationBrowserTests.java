package org.stdhub.verification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.BrowserExtension;
import org.stdhub.BrowserSession;
import org.stdhub.CatalogTest;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.development.Ballots;
import org.stdhub.development.Drafts;
import org.stdhub.development.Projects;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/**
 * A verification task in chromium from plan to report: the secretariat opens it on the project's draft, the lab's
 * engineer starts it, records a test with an instrument, gives the verdicts and reports; the findings are then in the
 * project's comment table.
 */
@CatalogTest
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerificationBrowserTests {

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
    Labs labs;

    @Autowired
    MutableClock clock;

    VerificationFixtures f;
    String secretary;
    String engineer;
    long project;
    long lab;

    @BeforeAll
    void setUp() {
        f = new VerificationFixtures(
                accounts, organizations, principals, alliances, projects, ballots, drafts, labs, clock);
        AllianceView a = f.alliance("浏览器验证联盟");
        secretary = f.people.person("bsec", a.organizationId(), Role.ALLIANCE_SECRETARY);
        String member = f.people.person("bmem", a.organizationId(), Role.ALLIANCE_MEMBER);
        String member2 = f.people.person("bmen", a.organizationId(), Role.ALLIANCE_MEMBER);
        lab = f.lab("浏览器实验室", true);
        engineer = f.people.person("beng", lab, Role.LAB_ENGINEER);
        f.equipment(lab, "温度采集仪", LocalDate.now(clock).plusYears(1));
        project = f.projectInDrafting(a, secretary, member, member2, "浏览器验证项目");
        projects.transition(project, "APPROVE_WORKING_DRAFT", null);
        projects.transition(project, "REGISTER_COMMENT_DRAFT", null);
        projects.transition(project, "OPEN_COMMENT_PERIOD", null);
        TestPeople.signOut();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
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
    void fromPlanThroughRecordsToTheReportAndBackIntoTheCommentTable(Page page) {
        signIn(page, secretary);
        page.navigate("/verification-tasks");
        assertThat(page.locator("main h1")).hasText("验证任务");
        page.locator("#projectId").selectOption(String.valueOf(project));
        page.locator("#title").fill("浏览器条款验证");
        page.locator("#dueDate").fill(LocalDate.now(clock).plusDays(20).toString());
        page.locator("#lab-" + lab).check();
        page.locator("#plan").fill("按第 6 章方法验证");
        page.locator("#clauses").fill("5.2 | 温升不大于 15 K | 按 6.3 测温升 | ≤ 15 K\n5.3 | 温差不大于 5 K | 按 6.4 测温差 | ≤ 5 K");
        page.locator("#open-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/verification-tasks/\\d+(#.*)?$"));
        assertThat(page.locator("#state")).containsText("已计划");
        String taskUrl = page.url().replaceAll("#.*$", "");
        BrowserSession.screenshot(page, "verification-1-planned");

        signIn(page, engineer);
        page.navigate("/my-work");
        assertThat(page.locator("#work-items")).containsText("浏览器条款验证");
        page.navigate(taskUrl);
        page.locator("#transition").selectOption("START");
        page.locator("#transition-submit").click();
        assertThat(page.locator("#state")).containsText("进行中");

        var first = page.locator("section.clause").first();
        first.locator("summary").click();
        first.getByLabel("样品").fill("样品 A");
        first.getByLabel("试验条件").fill("25 ℃，1C 放电");
        first.getByLabel("被测量").fill("最高温升");
        first.getByLabel("测得值").fill("12.4");
        first.getByLabel("单位").fill("K");
        first.getByLabel("扩展不确定度 U").fill("0.5");
        first.locator(".record-form button[type=submit]").click();
        assertThat(page.locator("#notice")).hasText("试验记录已保存。");
        assertThat(page.locator("section.clause").first().locator("table.records"))
                .containsText("12.4 K");

        page.locator("section.clause").first().locator(".verdict-form select").selectOption("CONFIRMED");
        page.locator("section.clause").first().locator(".verdict-form button").click();
        var second = page.locator("section.clause").nth(1);
        second.locator(".verdict-form select").selectOption("NOT_VERIFIABLE");
        second.locator(".verdict-form input[name=recommendation]").fill("规定测点数量");
        second.locator(".verdict-form button").click();
        assertThat(page.locator("section.clause").nth(1).locator(".verdict")).hasText("无法验证");

        page.locator("#transition").selectOption("REPORT");
        page.locator("#transition-submit").click();
        assertThat(page.locator("#state")).containsText("已报告");
        assertThat(page.locator("#report-link")).isVisible();
        BrowserSession.screenshot(page, "verification-2-reported");

        page.locator("#project-link").click();
        page.waitForURL(Pattern.compile(".*/projects/" + project + "$"));
        var table = page.locator("#comment-table");
        assertThat(table).containsText("验证中心");
        assertThat(table).containsText("规定测点数量");
        assertThat(table).containsText("5.3");
        BrowserSession.screenshot(page, "verification-3-comment-table");
    }
}
