package org.stdhub.consulting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.stdhub.consulting.ConsultingFixtures.importLines;
import static org.stdhub.consulting.ConsultingFixtures.record;
import static org.stdhub.consulting.ConsultingFixtures.std;

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
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/**
 * A self-declaration as an enterprise makes it, in Debian's chromium: sign in, declare a standard, find the
 * declaration on the public listing; an import then withdraws the standard and the listing flags it. Screenshots go
 * to {@code target/screenshots/}.
 */
@CatalogTest
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclarationBrowserTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    StandardImporter importer;

    @Autowired
    DeclarationWatch watch;

    String login;

    @BeforeAll
    void setUp() {
        ConsultingFixtures fx = new ConsultingFixtures(accounts, organizations, principals);
        long enterprise = fx.enterprise("浏览器声明企业");
        login = fx.people.person("bw", enterprise, Role.ENTERPRISE_USER);
        importLines(importer, "consulting-browser-setup.jsonl", record(std(10, 2020), "current", null));
    }

    @Test
    void declareFindItOnThePublicListingAndSeeTheWithdrawalFlag(Page page) {
        page.navigate("/login");
        page.locator("#username").fill(login);
        page.locator("#password").fill(TestPeople.PASSWORD);
        page.locator("#password").press("Enter");
        page.waitForURL(Pattern.compile(".*/(\\?.*)?$"));

        page.navigate("/declarations");
        page.locator("#declare").click();
        page.waitForURL(Pattern.compile(".*/declarations/new$"));
        String product = "浏览器热水器 " + ConsultingFixtures.RUN;
        page.locator("#product").fill(product);
        page.locator("#catalogStandards").fill(std(10, 2020));
        page.locator("#submit-declaration").click();
        page.waitForURL(Pattern.compile(".*/declarations/\\d+$"));
        assertThat(page.locator("main h1")).containsText(product);
        assertThat(page.locator("#standards")).containsText(std(10, 2020));
        assertThat(page.locator("#flags")).hasCount(0);

        page.navigate("/declarations");
        page.locator("#product").fill(product);
        page.locator("#declaration-search button[type=submit]").click();
        Locator row = page.locator("#declarations .declaration");
        assertThat(row).hasCount(1);
        assertThat(row).containsText(std(10, 2020));
        assertThat(row.locator(".flag")).hasCount(0);
        BrowserSession.screenshot(page, "declaration-listed");

        ImportReport withdrawal = importLines(
                importer,
                "consulting-browser-withdrawal.jsonl",
                record(std(10, 2020), "withdrawn", "\"replaced_by\":[\"" + std(10, 2026) + "\"]"),
                record(std(10, 2026), "current", "\"replaces\":[\"" + std(10, 2020) + "\"]"));
        watch.flag(withdrawal.batchId());

        page.reload();
        assertThat(row.locator(".flag")).hasCount(1);
        row.locator("a").first().click();
        page.waitForURL(Pattern.compile(".*/declarations/\\d+$"));
        assertThat(page.locator("#flags")).containsText(std(10, 2020));
        assertThat(page.locator("#flags")).containsText(std(10, 2026));
        BrowserSession.screenshot(page, "declaration-flagged");
    }
}
