package org.stdhub.catalog;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stdhub.BrowserExtension;
import org.stdhub.BrowserSession;
import org.stdhub.CatalogTest;

/**
 * The catalog pages as a person uses them, in Debian's chromium driven by Playwright: search, open a
 * standard, follow adoptions and replacements, switch language, filter, use the keyboard, export.
 * Each test leaves a screenshot of its final state in {@code target/screenshots/}.
 */
@CatalogTest
@ExtendWith(BrowserExtension.class)
class CatalogBrowserTests {

    BrowserContext context;
    Page page;

    @BeforeEach
    void openContext(BrowserContext context, Page page) {
        this.context = context;
        this.page = page;
    }

    private void screenshot(String name) {
        BrowserSession.screenshot(page, name);
    }

    private Locator firstResult() {
        return page.locator("li.result").first();
    }

    /** The status badge next to the page's heading (not the ones in lists further down). */
    private Locator headingStatus() {
        return page.locator("main h1.designation + .status-badge");
    }

    @Test
    void searchInChineseOpenTheStandardAndFollowItsAdoptionBothWays() {
        page.navigate("/");
        page.getByLabel("标准号或标准名称").fill("医疗器械 质量管理");
        page.getByLabel("标准号或标准名称").press("Enter");

        page.waitForURL(Pattern.compile(".*/standards\\?q=.*"));
        assertThat(page).hasTitle(Pattern.compile("检索结果"));
        Locator first = firstResult();
        assertThat(first.locator("a.designation")).hasText("GB/T 42061-2022");
        assertThat(first.locator("mark").first()).isVisible();
        Assertions.assertThat(first.locator("mark").allTextContents())
                .as("highlighted words of the first hit")
                .anySatisfy(m -> Assertions.assertThat(m).containsAnyOf("医疗器械", "质量管理", "医疗", "器械", "质量", "管理"));
        assertThat(first.locator(".status-badge")).hasText("现行");

        first.locator("a.designation").click();
        page.waitForURL("**/standards/GB%2FT%2042061-2022");
        assertThat(page.locator("main h1")).hasText("GB/T 42061-2022");
        assertThat(headingStatus()).hasText("现行");
        Locator adoption =
                page.locator(".adoption-list li").filter(new Locator.FilterOptions().setHasText("ISO 13485:2016"));
        assertThat(adoption).hasCount(1);
        assertThat(adoption).containsText("IDT");
        Locator adoptionLink =
                adoption.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("ISO 13485:2016"));
        assertThat(adoptionLink).isVisible();

        adoptionLink.click();
        page.waitForURL(Pattern.compile(".*/standards/ISO%2013485(:|%3A)2016$"));
        assertThat(page.locator("main h1")).hasText("ISO 13485:2016");
        Locator adoptedBy = page.locator("section[aria-labelledby=adopted-by]");
        assertThat(adoptedBy.locator("h2")).hasText("被以下中国标准采用");
        assertThat(adoptedBy.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("GB/T 42061-2022")))
                .isVisible();
        screenshot("1-adopted-by");
    }

    @Test
    void followAReplacementToTheUpcomingEdition() {
        page.navigate("/");
        page.getByLabel("标准号或标准名称").fill("YY 0055-2018");
        page.keyboard().press("Enter");

        Locator first = firstResult();
        assertThat(first.locator("a.designation")).hasText("YY 0055-2018");
        first.locator("a.designation").click();
        assertThat(page.locator("main h1")).hasText("YY 0055-2018");
        assertThat(headingStatus()).hasText("现行");

        Locator successor = page.locator("#replaced-by")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("YY 0055-2026"));
        successor.click();
        page.waitForURL("**/standards/YY%200055-2026");
        assertThat(page.locator("main h1")).hasText("YY 0055-2026");
        assertThat(headingStatus()).hasText("即将实施");
        assertThat(page.locator("#replaces")).containsText("YY 0055-2018");

        Locator timeline = page.locator("ol.timeline > li");
        assertThat(timeline).hasCount(2);
        assertThat(timeline.nth(0)).containsText("YY 0055-2018");
        assertThat(timeline.nth(1)).containsText("YY 0055-2026");
        assertThat(timeline.nth(1)).hasAttribute("aria-current", "page");
        screenshot("2-replaced-by-upcoming");
    }

    @Test
    void switchingLanguageKeepsThePageAndIsRemembered() {
        page.navigate("/standards/ISO%201%3A2002");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.locator("#chain")).hasText("代替关系时间线");

        page.locator("#lang-switch").click();
        page.waitForURL(Pattern.compile(".*/standards/ISO%201%3A2002\\?lang=en$"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("main h1")).hasText("ISO 1:2002");
        assertThat(page.locator("#chain")).hasText("Replacement timeline");
        assertThat(page.locator("ol.timeline > li"))
                .containsText(new String[] {"ISO 1:1975", "ISO 1:2002", "ISO 1:2016", "ISO 1:2022"});
        Assertions.assertThat(context.cookies()).anySatisfy(c -> {
            Assertions.assertThat(c.name).isEqualTo("stdhub-lang");
            Assertions.assertThat(c.value).startsWith("en");
        });

        page.navigate("/");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByLabel("Designation or title")).isVisible();
        assertThat(page.locator("#lang-switch")).hasText("中文");

        page.locator("#lang-switch").click();
        page.waitForURL(Pattern.compile(".*\\?lang=zh_CN$"));
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.getByLabel("标准号或标准名称")).isVisible();
        assertThat(page.locator("#lang-switch")).hasText("English");

        page.navigate("/standards/ISO%201%3A2002");
        assertThat(page.locator("#chain")).hasText("代替关系时间线");
        screenshot("3-language-back-to-chinese");
    }

    @Test
    void statusFacetFiltersEveryResultAndResetsPaging() {
        page.navigate("/standards?q=" + URLEncoder.encode("ISO 9001", StandardCharsets.UTF_8));
        Assertions.assertThat(page.locator("main :is(h1, h2, h3)").first().evaluate("e => e.tagName"))
                .as("the page's first heading is its h1")
                .isEqualTo("H1");
        Locator badges = page.locator("li.result .status-badge");
        Assertions.assertThat(badges.allInnerTexts())
                .as("before filtering, results of several statuses")
                .contains("废止");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下一页"))
                .click();
        page.waitForURL(Pattern.compile(".*[?&]page=1(&.*)?$"));
        assertThat(page.locator("nav .pagination")).containsText("第 2 页");

        Locator statusFacet = page.locator("aside.facets section.facet")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("h3", new Page.LocatorOptions().setHasText("状态"))));
        Locator current = statusFacet.locator("li").filter(new Locator.FilterOptions().setHasText("现行"));
        String count = current.locator(".count").innerText().strip();
        current.getByRole(AriaRole.LINK).click();

        page.waitForURL(Pattern.compile(".*[?&]status=current(&.*)?$"));
        Assertions.assertThat(page.url()).contains("q=ISO").doesNotContain("page=");
        assertThat(statusFacet.locator("a[aria-current=true]")).hasText("现行");
        assertThat(page.locator("#result-count")).containsText("共 " + count + " 项结果");
        assertResultsAllCurrent(badges);
        Assertions.assertThat(badges.count()).isEqualTo(Math.min(Integer.parseInt(count), 20));
        screenshot("4-facet-current");
    }

    private static void assertResultsAllCurrent(Locator badges) {
        assertThat(badges.first()).isVisible();
        List<String> texts = badges.allInnerTexts();
        Assertions.assertThat(texts)
                .hasSizeGreaterThan(1)
                .allSatisfy(t -> Assertions.assertThat(t.strip()).isEqualTo("现行"));
    }

    @Test
    void keyboardReachesTheSkipLinkFirstAndTheSearchBoxHasALabel() {
        page.navigate("/");
        page.keyboard().press("Tab");
        Locator skip = page.locator("a.skip-link");
        assertThat(skip).isFocused();
        assertThat(skip).hasText("跳到主要内容");
        assertThat(skip).isVisible();

        page.keyboard().press("Enter");
        page.waitForURL("**/#main");
        page.keyboard().press("Tab");
        Assertions.assertThat((Boolean)
                        page.evaluate("() => document.getElementById('main').contains(document.activeElement)"))
                .as("after the skip link, Tab moves inside <main>")
                .isTrue();

        Locator byLabel = page.getByLabel("标准号或标准名称");
        assertThat(byLabel).hasCount(1);
        assertThat(byLabel).hasAttribute("id", "q");
        assertThat(page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("标准号或标准名称")))
                .isEditable();
        byLabel.focus();
        screenshot("5-keyboard-search-focused");
    }

    @Test
    void csvExportDownloadsTheResultsWithAHeaderRow() throws IOException {
        page.navigate("/standards?q=" + URLEncoder.encode("YY 0055", StandardCharsets.UTF_8));
        assertThat(firstResult()).isVisible();
        Locator csvLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("导出 CSV"));

        Download download = page.waitForDownload(csvLink::click);
        Assertions.assertThat(download.failure()).isNull();
        Assertions.assertThat(download.suggestedFilename()).endsWith(".csv");
        String text = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // the BOM that lets Excel read UTF-8
        }
        Assertions.assertThat(text).startsWith("designation,title_zh");
        Assertions.assertThat(text.lines().skip(1).toList())
                .isNotEmpty()
                .anySatisfy(l -> Assertions.assertThat(l).startsWith("YY 0055-2018,"));
        screenshot("6-export-results");
    }

    @Test
    void onAPhoneFacetsAndMenuFoldAwayBehindButtons() {
        page.setViewportSize(390, 844);
        page.navigate("/standards?q=" + URLEncoder.encode("ISO 9001", StandardCharsets.UTF_8));
        Locator facets = page.locator("#facets");
        Locator toggle = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选条件"));
        assertThat(facets).isHidden();
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        Assertions.assertThat(firstResult().boundingBox().y)
                .as("first result near the top")
                .isLessThan(400);

        toggle.click();
        assertThat(facets).isVisible();
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        assertThat(facets.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("现行")))
                .isVisible();

        Locator navSearch =
                page.locator("#nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("ICS 分类"));
        assertThat(navSearch).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("菜单"))
                .click();
        assertThat(navSearch).isHidden();
        page.locator("#nav-platform").click();
        assertThat(navSearch).isVisible();
        assertThat(page.locator("#lang-switch")).isVisible();
        Assertions.assertThat(page.evaluate("""
                        () => [...document.querySelectorAll('body *')]
                            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                            .map(e => e.tagName + '.' + e.className)
                        """))
                .as("elements wider than the phone's screen")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .isEmpty();
        screenshot("7-phone-menu-and-facets");
    }
}
