package org.stdhub.catalog;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.stdhub.catalog.ImportJobFixtures.lines;
import static org.stdhub.catalog.ImportJobFixtures.record;
import static org.stdhub.catalog.ImportJobFixtures.std;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.BrowserExtension;
import org.stdhub.BrowserSession;
import org.stdhub.CatalogTest;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.compliance.watch.Digest;
import org.stdhub.compliance.watch.Watchlists;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.ApiTokens;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;

/**
 * A catalog import as the base office makes it, in Debian's chromium: on /admin/catalog upload the withdrawal
 * announcement, read the preview, confirm, follow the progress to the report; then the watcher of the withdrawn
 * standard finds the alert on their alerts page. Screenshots go to {@code target/screenshots/}.
 */
@CatalogTest
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportJobBrowserTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Watchlists watchlists;

    @Autowired
    StandardImporter importer;

    @Autowired
    org.stdhub.compliance.watch.Alerts alerts;

    ImportJobFixtures people;
    String officer;
    String watcher;
    final String old = std(9001, 2012);
    final String next = std(9001, 2026);

    @BeforeAll
    void setUp() throws Exception {
        people = new ImportJobFixtures(accounts, organizations, principals, tokens);
        officer = people.officer();
        watcher = people.person("imb");
        byte[] before = lines(record(old, "current", null));
        importer.importStream(new ByteArrayInputStream(before), "browser-setup.jsonl", before.length);
        people.signIn(watcher);
        try {
            watchlists.create(new Watchlists.NewWatchlist("浏览器导入关注", null, Digest.NONE, List.of(old)));
        } finally {
            ImportJobFixtures.signOut();
        }
    }

    private static void signIn(Page page, String login) {
        page.navigate("/login");
        page.locator("#username").fill(login);
        page.locator("#password").fill(ImportJobFixtures.PASSWORD);
        page.locator("#password").press("Enter");
        page.waitForURL(Pattern.compile(".*/(\\?.*)?$"));
    }

    @Test
    void uploadPreviewConfirmFollowTheProgressToTheReportAndTheWatcherIsAlerted(Page page) {
        signIn(page, officer);
        page.locator("#nav-catalog-admin").dispatchEvent("click");
        page.waitForURL(Pattern.compile(".*/admin/catalog$"));
        assertThat(page.locator("#section-imports")).containsText("目录导入");

        page.locator("#import-file")
                .setInputFiles(new FilePayload(
                        "withdrawal-announcement.jsonl",
                        "application/octet-stream",
                        lines(
                                record(old, "withdrawn", "\"replaced_by\":[\"" + next + "\"]"),
                                record(next, "current", "\"replaces\":[\"" + old + "\"]"))));
        page.locator("#import-submit").click();
        page.waitForURL(Pattern.compile(".*/admin/catalog/imports/\\d+$"));

        // the page follows the preview (htmx polling) and shows it once made
        Locator preview = page.locator("#preview-table");
        assertThat(preview).containsText(old);
        assertThat(preview).containsText("废止");
        assertThat(preview).containsText("被 " + next + " 代替");
        assertThat(page.locator("#preview-summary")).containsText("新增 1 项");
        assertThat(page.locator("#job-state")).hasText("已预览，待确认");
        BrowserSession.screenshot(page, "catalog-import-preview");

        page.locator("#confirm").click();
        // applying: the progress bar is polled until the import is done, then the report is shown
        assertThat(page.locator("#job-state")).hasText("已导入");
        assertThat(page.locator("#job-progress")).hasCount(0);
        assertThat(page.locator("#report-inserted")).hasText("1");
        assertThat(page.locator("#report-updated")).hasText("1");
        assertThat(page.locator("#report-status")).hasText("1");
        assertThat(page.locator("#report-links")).hasText("2");
        BrowserSession.screenshot(page, "catalog-import-report");

        page.navigate("/admin/catalog");
        assertThat(page.locator("#import-jobs")).containsText("withdrawal-announcement.jsonl");

        // the alerts are raised once the import has committed (an event listener): wait for them, then look
        people.signIn(watcher);
        try {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .pollInSameThread()
                    .until(() -> alerts.mine(java.util.Locale.SIMPLIFIED_CHINESE).stream()
                            .anyMatch(a -> a.standardDesignation().equals(old)));
        } finally {
            ImportJobFixtures.signOut();
        }
        page.context().clearCookies();
        signIn(page, watcher);
        page.navigate("/alerts");
        assertThat(page.locator("#alerts")).containsText(old);
        assertThat(page.locator("#alerts")).containsText(next);
        BrowserSession.screenshot(page, "catalog-import-watcher-alert");
    }

    @Test
    void aPersonOutsideTheBaseOfficeIsTurnedAway(Page page) {
        signIn(page, watcher);
        var response = page.navigate("/admin/catalog");
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("#import-form")).hasCount(0);
    }
}
