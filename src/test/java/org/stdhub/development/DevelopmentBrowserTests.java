package org.stdhub.development;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.compliance.watch.Alerts;
import org.stdhub.compliance.watch.Digest;
import org.stdhub.compliance.watch.Watchlists;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/**
 * A group standard made in the browser, as the people of an alliance do it: a member proposes the revision of the
 * alliance's standard T/… 1-2020 and uploads the draft, the secretariat moves the stages, someone comments during
 * the public comment period, the secretariat disposes of the comment, members vote, the secretariat publishes; the
 * new T/… standard is found by the catalog's search, and the person who watched the replaced standard is alerted.
 */
@CatalogTest
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevelopmentBrowserTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Alliances alliances;

    @Autowired
    StandardImporter importer;

    @Autowired
    Watchlists watchlists;

    @Autowired
    Alerts alerts;

    @Autowired
    MutableClock clock;

    DevelopmentFixtures f;
    AllianceView a;
    String secretary;
    String member;
    String commenter;
    String watcher;
    String old;

    Page page;
    BrowserContext context;

    @BeforeAll
    void setUp() {
        f = new DevelopmentFixtures(accounts, organizations, principals, alliances);
        a = f.alliance("浏览器联盟");
        secretary = f.person("bsec", a.organizationId(), Role.ALLIANCE_SECRETARY);
        member = f.person("bmem", a.organizationId(), Role.ALLIANCE_MEMBER);
        commenter = f.person("bcom", 0, null);
        watcher = f.person("bwat", 0, null);
        old = a.prefix() + " 1-2020";
        DevelopmentFixtures.importLines(
                importer,
                "{\"id_raw\":\"" + old + "\",\"title_zh\":\"浏览器联盟的旧标准\",\"status\":\"current\","
                        + "\"published\":\"2020-03-01\",\"implemented\":\"2020-04-01\",\"source\":\"test:browser\"}");
        f.signIn(watcher);
        watchlists.create(new Watchlists.NewWatchlist("联盟标准关注", null, Digest.NONE, List.of(old)));
        TestPeople.signOut();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        TestPeople.signOut();
    }

    private void signIn(String login) {
        context.clearCookies();
        page.navigate("/login");
        page.locator("#username").fill(login);
        page.locator("#password").fill(TestPeople.PASSWORD);
        page.locator("#password").press("Enter");
        page.waitForURL(Pattern.compile(".*/(\\?.*)?$"));
    }

    private void move(long project, String transition) {
        page.navigate("/projects/" + project);
        page.locator("#transition").selectOption(transition);
        page.locator("#transition-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/projects/" + project + "$"));
        assertThat(page.locator("#problem")).hasCount(0);
    }

    private void stage(long project, String code) {
        page.navigate("/projects/" + project);
        assertThat(page.locator("#stage .badge")).hasText(code);
    }

    private void ballot(long project, String closesAt, Instant after) {
        signIn(secretary);
        page.navigate("/projects/" + project);
        page.locator("#closesAt").fill(closesAt);
        page.locator("#ballot-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/projects/" + project + "$"));
        signIn(member);
        page.navigate("/projects/" + project);
        page.locator(".vote-form select").selectOption("APPROVE");
        page.locator(".vote-form button[type=submit]").click();
        assertThat(page.locator("main .alert-success")).isVisible();
        clock.set(after);
        signIn(secretary);
        page.navigate("/projects/" + project);
        page.locator(".ballot form[action$='/close'] button").click();
        assertThat(page.locator(".ballot .result").last()).isVisible();
    }

    @Test
    void proposalToPublicationFoundBySearchAndWatchersAlerted(Page page, BrowserContext context) throws Exception {
        this.page = page;
        this.context = context;
        // two months from today, whatever day the suite runs on; the later steps count from here
        LocalDate start = clock.today().plusDays(62);
        clock.set(clock.daysFromToday(62));

        // a member proposes the revision of the alliance's standard
        signIn(member);
        page.navigate("/alliances/" + a.id());
        page.locator("#titleZh").fill("浏览器全流程团体标准");
        page.locator("#scope").fill("本文件规定了浏览器全流程的要求。");
        page.locator("#kind").selectOption("REVISION");
        page.locator("#baseDesignation").fill(old);
        page.locator("#propose button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/projects/\\d+$"));
        long project = Long.parseLong(page.url().replaceAll(".*/projects/(\\d+)$", "$1"));
        assertThat(page.locator("#stage .badge")).hasText("00.00");

        signIn(secretary);
        move(project, "START_REVIEW");
        move(project, "REGISTER_PROJECT");
        ballot(project, start.plusDays(4) + "T10:00", clock.daysFromToday(62 + 5));
        stage(project, "10.60");
        move(project, "APPROVE_PROJECT");
        move(project, "REGISTER_DRAFTING");
        move(project, "START_DRAFTING");

        // the draft, uploaded by a member
        signIn(member);
        page.navigate("/projects/" + project);
        page.locator("#file")
                .setInputFiles(new FilePayload(
                        "wd.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        DraftsAndCommentsTests.docx("规范性引用文件 " + old)));
        page.locator("#reason").fill("工作组讨论稿");
        page.locator("#draft-form button[type=submit]").click();
        assertThat(page.locator("#drafts .draft")).hasCount(1);

        signIn(secretary);
        move(project, "APPROVE_WORKING_DRAFT");
        move(project, "REGISTER_COMMENT_DRAFT");
        move(project, "OPEN_COMMENT_PERIOD");
        stage(project, "30.20");

        // anyone signed in comments during the public comment period
        signIn(commenter);
        page.navigate("/projects/" + project);
        page.locator("#memberBody").fill("某检测机构");
        page.locator("#clause").fill("4.2");
        page.locator("#commentText").fill("试验温度未给出允差");
        page.locator("#proposedChange").fill("增加 ±2 ℃");
        page.locator("#comment-form button[type=submit]").click();
        assertThat(page.locator("#comment-1")).containsText("试验温度未给出允差");

        // the period closes; the secretariat disposes of the comment
        clock.set(clock.daysFromToday(62 + 37));
        signIn(secretary);
        move(project, "CLOSE_COMMENT_PERIOD");
        page.navigate("/projects/" + project);
        page.locator("#comment-1 select[name=disposition]").selectOption("ACCEPTED");
        page.locator("#comment-1 input[name=observations]").fill("已增加允差");
        page.locator("#comment-1 button[type=submit]").click();
        assertThat(page.locator("#comment-1")).containsText("已增加允差");
        move(project, "DISPOSE_COMMENTS");
        move(project, "REGISTER_REVIEW_DRAFT");
        ballot(project, start.plusDays(42) + "T10:00", clock.daysFromToday(62 + 43));
        move(project, "APPROVE_REVIEW_DRAFT");
        move(project, "SUBMIT_FINAL_TEXT");
        move(project, "APPROVE_FOR_PUBLICATION");
        move(project, "START_PUBLICATION");

        // publication
        page.navigate("/projects/" + project);
        page.locator("#publishedOn").fill(start.plusDays(43).toString());
        page.locator("#implementedOn").fill(start.plusDays(59).toString());
        page.locator("#publication-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/projects/" + project + "$"));
        assertThat(page.locator("#stage .badge")).hasText("60.60");
        String designation = a.prefix() + " 2-" + start.plusDays(43).getYear();
        assertThat(page.locator("#facts .designation").last()).hasText(designation);
        BrowserSession.screenshot(page, "development-published");

        // found by the catalog's search
        page.navigate("/");
        page.getByLabel("标准号或标准名称").fill(designation);
        page.getByLabel("标准号或标准名称").press("Enter");
        page.waitForURL(Pattern.compile(".*/standards.*"));
        assertThat(page.locator("main")).containsText("浏览器全流程团体标准");

        // the watcher of the replaced standard is alerted (the alert is raised after the catalog's commit)
        signIn(watcher);
        f.signIn(watcher);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .pollInSameThread()
                .until(() -> alerts.mine(java.util.Locale.SIMPLIFIED_CHINESE).stream()
                        .anyMatch(x -> x.standardDesignation().equals(old)));
        TestPeople.signOut();
        page.navigate("/alerts");
        assertThat(page.locator("main")).containsText(old);
        assertThat(page.locator("main")).containsText(designation);
        BrowserSession.screenshot(page, "development-watcher-alerted");
    }
}
