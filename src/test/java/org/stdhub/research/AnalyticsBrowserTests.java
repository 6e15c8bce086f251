package org.stdhub.research;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
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
import org.stdhub.research.analytics.CatalogFigures;

/** The analytics as a person sees them in chromium: charts drawn under the CSP, tables beside, a field's landscape. */
@CatalogTest
@ExtendWith(BrowserExtension.class)
class AnalyticsBrowserTests {

    @Autowired
    CatalogFigures figures;

    Page page;
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeEach
    void openPage(Page page) {
        this.page = page;
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text());
            }
        });
    }

    @Test
    void theDashboardDrawsEachChartAndKeepsItsNumbersInATable() {
        figures.refresh("browser-test");
        page.navigate("/");
        page.locator("#nav-research").click();
        page.locator("#nav-analytics").click();
        page.waitForURL("**/analytics");
        assertThat(page.locator("main h1")).hasText("标准化统计分析");

        // ECharts draws into a canvas inside each chart container once its script ran under the CSP
        assertThat(page.locator("#figure-catalog-kind .chart canvas")).hasCount(1);
        assertThat(page.locator("#figure-catalog-adoption .chart canvas")).hasCount(1);
        Locator table = page.locator("#figure-catalog-kind table");
        assertThat(table).isHidden();
        page.locator("#figure-catalog-kind summary").click();
        assertThat(table).isVisible();
        assertThat(table.locator("tbody tr").first()).containsText("国际标准");
        BrowserSession.screenshot(page, "research-1-dashboard");
        Assertions.assertThat(consoleErrors).as("console errors (CSP, scripts)").isEmpty();
    }

    @Test
    void aFieldsLandscapeShowsItsStandardsAndTheInternationalOnesNotYetAdopted() {
        page.navigate("/analytics/landscape");
        page.getByLabel("ICS 分类号").fill("25.040");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看"))
                .click();
        page.waitForURL("**/analytics/landscape?ics=25.040");
        assertThat(page.locator("#landscape-total")).containsText("该领域共有");
        assertThat(page.locator("#landscape-gaps tbody tr").first()).isVisible();
        BrowserSession.screenshot(page, "research-2-landscape");

        page.getByLabel("ICS 分类号").fill("25.0");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看"))
                .click();
        assertThat(page.locator("#ics-problem")).containsText("不是 ICS 分类号");
        assertThat(page.getByLabel("ICS 分类号")).hasAttribute("aria-invalid", "true");
        Assertions.assertThat(consoleErrors).isEmpty();
    }
}
