package org.stdhub.talent;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The expert database and a draw as people use them in chromium: a person applies, the base office reviews and
 * approves, requests a draw among the experts of the field, commits, draws and records the decision, and the public
 * verification page shows that the published inputs reproduce the result.
 */
@CatalogTest
@ExtendWith(BrowserExtension.class)
class TalentBrowserTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Experts experts;

    Page page;

    @BeforeEach
    void openPage(Page page) {
        this.page = page;
    }

    void signIn(String login) {
        page.navigate("/login");
        page.locator("#username").fill(login);
        page.locator("#password").fill(TestPeople.PASSWORD);
        page.locator("main form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    @Test
    void applicationApprovalDrawAndItsPublicVerification() {
        TalentFixtures f = new TalentFixtures(accounts, organizations, principals, experts);
        String field = TalentFixtures.field();
        for (int i = 0; i < 6; i++) {
            f.activeExpert(f.person("bex"), field);
        }
        String applicant = f.person("bap");
        String officer = f.officer();
        List<String> cspErrors = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                cspErrors.add(m.text());
            }
        });

        // the person applies
        signIn(applicant);
        page.navigate("/experts/me");
        page.locator("#icsCodes").fill(field);
        page.locator("#keywords").fill("标准化 审查");
        page.locator("#title").selectOption("SENIOR");
        page.locator("#yearsInField").fill("12");
        page.locator("#region").fill("郑州");
        page.locator("#apply button[type=submit]").click();
        page.waitForURL("**/experts/*");
        assertThat(page.locator("#expert-status")).hasText("已申请");
        String expertUrl = page.url();
        BrowserSession.screenshot(page, "talent-1-applied");
        page.locator("#logout").click();

        // the base office reviews and approves
        signIn(officer);
        page.navigate(expertUrl);
        page.locator("#do-start-review").click();
        assertThat(page.locator("#expert-status")).hasText("审核中");
        page.locator("#do-approve").click();
        assertThat(page.locator("#expert-status")).hasText("在库");

        // and draws a panel among the experts of the field
        page.navigate("/draws");
        page.locator("#subject").fill("浏览器测试：送审稿审查");
        page.locator("#fieldCodes").fill(field);
        page.locator("#members").fill("5");
        page.locator("#reserves").fill("1");
        page.locator("#request-draw").click();
        page.waitForURL("**/draws/*");
        page.locator("#commit").click();
        assertThat(page.locator("#commitment")).not().isEmpty();
        page.locator("#do-draw").click();
        assertThat(page.locator("#positions")).isVisible();
        BrowserSession.screenshot(page, "talent-2-drawn");
        page.locator("#decision").fill("审查会议已召开，结果公开。");
        page.locator("#decide button[type=submit]").click();
        page.locator("#verification-link").click();
        page.waitForURL("**/verification");
        String verification = page.url();
        page.locator("#logout").click();

        // anyone can verify it
        page.navigate(verification);
        assertThat(page.locator("#verified")).isVisible();
        assertThat(page.locator("#seed")).not().isEmpty();
        BrowserSession.screenshot(page, "talent-3-verified");
        Assertions.assertThat(cspErrors)
                .as("Content Security Policy violations")
                .isEmpty();
    }

    @Test
    void theOfficeFiltersTheDatabaseAndAnExpertCorrectsACommitteeAndKeepsPeriodsOfUnavailability() {
        TalentFixtures f = new TalentFixtures(accounts, organizations, principals, experts);
        String field = TalentFixtures.field();
        String expert = f.person("bse");
        long id = f.activeExpert(expert, field);
        f.activeExpert(f.person("bsf"), field + ".10");
        String officer = f.officer();

        // the office: field and title filter, the count, the exports with the same filter
        signIn(officer);
        page.navigate("/experts");
        page.locator("#field").fill(field);
        page.locator("#title").selectOption("SENIOR");
        page.locator("#status").selectOption("ACTIVE");
        page.locator("#expert-filter button[type=submit]").click();
        page.waitForURL(url -> url.contains("field="));
        assertThat(page.locator("#experts tr.expert")).hasCount(2);
        assertThat(page.locator("#expert-count")).containsText("2");
        Assertions.assertThat(page.locator("#export-xlsx").getAttribute("href"))
                .contains("export.xlsx", "field=" + field, "title=SENIOR", "status=ACTIVE");
        page.locator("#field").fill(field + ".10");
        page.locator("#minYears").fill("11");
        page.locator("#expert-filter button[type=submit]").click();
        page.waitForURL(url -> url.contains("minYears=11"));
        assertThat(page.locator("#expert-count")).containsText("0");
        BrowserSession.screenshot(page, "talent-4-search");
        page.locator("#logout").click();

        // the expert adds a committee, corrects the role, then removes it
        signIn(expert);
        page.navigate("/experts/" + id);
        page.locator("#committeeName").fill("全国标准化原理与方法标准化技术委员会 SAC/TC 286");
        page.locator("#committeeRole").fill("委员");
        page.locator("form[action$='/committees'] button[type=submit]").click();
        assertThat(page.locator("#committees tbody tr")).hasCount(1);
        page.locator("#committees tbody tr details summary").click();
        page.locator("#committees tbody tr input[name=committeeRole]").fill("副秘书长");
        page.locator("#committees tbody tr form.committee-change button[type=submit]")
                .click();
        assertThat(page.locator("#committees tbody tr")).containsText("副秘书长");
        BrowserSession.screenshot(page, "talent-5-committee-changed");
        page.locator("#committees tbody tr form[action$='/remove'] button").click();
        assertThat(page.locator("#committees tbody tr")).hasCount(0);

        // the expert declares two periods of unavailability, is told of an overlap, then removes one
        var periods = page.locator("#unavailable-periods tbody tr[id^=period-]");
        page.locator("#unavailableFrom").fill("2097-06-01");
        page.locator("#unavailableTo").fill("2097-06-10");
        page.locator("#unavailable-period-add button[type=submit]").click();
        assertThat(periods).hasCount(1);
        page.locator("#unavailableFrom").fill("2097-03-01");
        page.locator("#unavailable-period-add button[type=submit]").click();
        assertThat(page.locator(".alert-danger")).containsText("2097-06-01");
        page.locator("#unavailableFrom").fill("2097-03-01");
        page.locator("#unavailableTo").fill("2097-03-31");
        page.locator("#unavailable-period-add button[type=submit]").click();
        assertThat(periods).hasCount(2);
        assertThat(periods.first()).containsText("2097-03-31");
        BrowserSession.screenshot(page, "talent-6-unavailable-periods");
        periods.first().locator("form button").click();
        assertThat(periods).hasCount(1);
        assertThat(periods.first()).containsText("2097-06-10");
    }
}
