package org.stdhub.compliance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stdhub.BrowserExtension;
import org.stdhub.BrowserSession;
import org.stdhub.CatalogTest;

/** The validity check as a person uses it in chromium: paste a list, read the verdicts, download the Excel file. */
@CatalogTest
@ExtendWith(BrowserExtension.class)
class ValidityCheckBrowserTests {

    Page page;

    @BeforeEach
    void openPage(Page page) {
        this.page = page;
    }

    @Test
    void pasteAListSeeTheVerdictsAndDownloadThemAsExcel() throws IOException {
        List<String> cspErrors = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                cspErrors.add(m.text());
            }
        });
        page.navigate("/");
        page.locator("#nav-platform").click();
        page.locator("#nav")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("标准查新"))
                .click();
        page.waitForURL("**/compliance/check");
        assertThat(page.locator("main h1")).hasText("标准查新");

        page.getByLabel("标准号清单（每行一个）").fill("""
                ISO 1:1975
                gbt42061—2022
                YY 0055-2026
                GB/T 34932-2017
                GB/T ???
                """);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始查新"))
                .click();

        assertThat(page.locator("#results-title")).hasText("查新结果（共 5 条）");
        Locator summary = page.locator("#summary");
        assertThat(summary.locator("[data-verdict=current]")).containsText("现行 1");
        assertThat(summary.locator("[data-verdict=withdrawn-replaced]")).containsText("已废止，有替代 1");

        Locator first = page.locator("tr#line-1");
        assertThat(first.locator("td.verdict")).hasText("已废止，有替代");
        assertThat(first.locator("td.replacement a.replacement-link")).hasText("ISO 1:2022");
        assertThat(page.locator("tr#line-2 td.normalized")).hasText("GB/T 42061-2022");
        assertThat(page.locator("tr#line-2 td.standard")).containsText("医疗器械 质量管理体系 用于法规的要求");
        assertThat(page.locator("tr#line-3 td.verdict")).containsText("2029-08-01 实施");
        assertThat(page.locator("tr#line-4 td.verdict")).hasText("版本过时");
        assertThat(page.locator("tr#line-4 td.replacement")).containsText("GB/T 34932-2025");
        assertThat(page.locator("tr#line-5 td.verdict")).hasText("无法识别");
        BrowserSession.screenshot(page, "compliance-1-check");

        Download download = page.waitForDownload(
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导出 Excel"))
                        .click());
        Assertions.assertThat(download.failure()).isNull();
        Assertions.assertThat(download.suggestedFilename())
                .startsWith("stdhub-check-")
                .endsWith(".xlsx");
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path());
                Workbook workbook = new XSSFWorkbook(in)) {
            DataFormatter f = new DataFormatter();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(f.formatCellValue(c)));
                rows.add(cells);
            }
        }
        Assertions.assertThat(rows)
                .anySatisfy(r ->
                        Assertions.assertThat(r).startsWith("1", "ISO 1:1975").contains("ISO 1:2022"));
        Assertions.assertThat(rows)
                .anySatisfy(r -> Assertions.assertThat(r)
                        .startsWith("4", "GB/T 34932-2017")
                        .contains("edition-outdated"));
        Assertions.assertThat(rows)
                .anySatisfy(r ->
                        Assertions.assertThat(r).startsWith("5", "GB/T ???").contains("unreadable"));

        // the result can be read in English too
        page.locator("#lang-switch").click();
        assertThat(page.locator("main h1")).hasText("Validity check");
        Assertions.assertThat(cspErrors)
                .as("Content Security Policy violations")
                .isEmpty();
    }
}
