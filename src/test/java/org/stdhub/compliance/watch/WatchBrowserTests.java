package org.stdhub.compliance.watch;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.BrowserExtension;
import org.stdhub.BrowserSession;
import org.stdhub.CatalogTest;
import org.stdhub.identity.Accounts;

/**
 * Watching as a person does it, in Debian's chromium: sign in, open a standard, click 关注, find it on the
 * watchlists page; check a list and save the result as a watchlist. Screenshots go to {@code target/screenshots/}.
 */
@CatalogTest
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchBrowserTests {

    @Autowired
    Accounts accounts;

    Page page;
    String login;

    @BeforeAll
    void person() {
        login = WatchFixtures.person(accounts, "wz");
    }

    @BeforeEach
    void signIn(Page page) {
        this.page = page;
        page.navigate("/login");
        page.locator("#username").fill(login);
        page.locator("#password").fill(WatchFixtures.PASSWORD);
        page.locator("#password").press("Enter");
        page.waitForURL(Pattern.compile(".*/(\\?.*)?$"));
    }

    private void screenshot(String name) {
        BrowserSession.screenshot(page, name);
    }

    @Test
    void watchAStandardFromItsPageAndFindItOnMyWatchlists() {
        page.navigate("/standards/GB%2FT%2042061-2022");
        assertThat(page.locator("main h1")).hasText("GB/T 42061-2022");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("关注"))
                .click();

        page.waitForURL(Pattern.compile(".*/standards/GB%2FT%2042061-2022$"));
        assertThat(page.locator("#watch-notice")).containsText("我的关注");

        page.locator("#nav-watchlists").click();
        page.waitForURL(Pattern.compile(".*/watchlists$"));
        assertThat(page.locator("#watchlists .watchlist")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("我的关注")))
                .containsText("GB/T 42061-2022");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我的关注"))
                .click();
        assertThat(page.locator("main h1")).hasText("我的关注");
        assertThat(page.locator("#items")).containsText("GB/T 42061-2022");
        screenshot("watch-standard-to-watchlist");
    }

    @Test
    void saveTheResultOfAValidityCheckAsAWatchlist() {
        page.navigate("/compliance/check");
        page.locator("#text").fill("GB/T 42061-2022\nYY 0055-2018");
        page.locator("#check-submit").click();
        page.locator("#watchlist-name").fill("浏览器查新清单");
        page.locator("#save-watchlist button[type=submit]").click();

        page.waitForURL(Pattern.compile(".*/watchlists/\\d+$"));
        assertThat(page.locator("main h1")).hasText("浏览器查新清单");
        assertThat(page.locator("#feed-url")).hasValue(Pattern.compile(".*/feeds/watchlists/\\d+/[A-Za-z0-9_-]{43}$"));
        assertThat(page.locator("#items")).containsText("GB/T 42061-2022");
        assertThat(page.locator("#items")).containsText("YY 0055-2018");
        screenshot("watch-save-check");
        page.reload();
        assertThat(page.locator("#feed-url")).hasCount(0);
    }

    @Test
    void theDriftMonitorFiltersByYearsBehind() {
        page.locator("#nav-watchlists").waitFor();
        page.locator("#nav-platform").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("采标跟踪"))
                .click();
        page.waitForURL(Pattern.compile(".*/compliance/drift$"));
        assertThat(page.locator("#drift-table")).containsText("GB 18280.1-2015");
        assertThat(page.locator("#drift-table")).containsText("GB/T 19973.2-2017");
        page.getByLabel("至少落后（年）").fill("15");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选"))
                .click();
        page.waitForURL(Pattern.compile(".*minYears=15.*"));
        assertThat(page.locator("#drift-table")).containsText("ISO 11137-1:2025");
        assertThat(page.locator("#drift-table")).not().containsText("GB/T 19973.2-2017");
        screenshot("watch-drift");
    }
}
