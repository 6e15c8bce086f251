package org.stdhub.compliance.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.stdhub.compliance.watch.WatchFixtures.importLines;
import static org.stdhub.compliance.watch.WatchFixtures.record;
import static org.stdhub.compliance.watch.WatchFixtures.std;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.stdhub.CatalogTest;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;

/** The watchlist, alert, feed and drift pages over HTTP: what works, and every way in that must be refused. */
@CatalogTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchHttpTests {

    private static final Pattern FEED = Pattern.compile("/feeds/watchlists/(\\d+)/([A-Za-z0-9_-]+)");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    Organizations organizations;

    @Autowired
    StandardImporter importer;

    @Autowired
    AlertStore store;

    String owner;
    String stranger;
    long foreignOrganization;

    @BeforeAll
    void people() {
        owner = WatchFixtures.person(accounts, "wh");
        stranger = WatchFixtures.person(accounts, "wi");
        WatchFixtures.asAdmin();
        foreignOrganization = organizations
                .create(OrganizationKind.ENTERPRISE, "别家企业" + WatchFixtures.SERIES, null, null, null)
                .getId();
        WatchFixtures.signOut();
    }

    private RequestPostProcessor as(String login) {
        return user(principals.principal(login, Set.of()).orElseThrow());
    }

    /** Saves a list as the validity check page does; returns the redirect result. */
    private MvcTestResult save(String login, String name, String... designations) {
        return mvc.post()
                .uri("/watchlists")
                .with(as(login))
                .with(csrf())
                .param("name", name)
                .param("designations", designations)
                .exchange();
    }

    private static long idOf(MvcTestResult created) {
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/watchlists/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void savingAValidityCheckAsAWatchlistCreatesItAndShowsTheFeedAddressOnce() {
        MvcTestResult created = save(owner, "查新清单 HTTP", "GB/T 42061-2022", "yy 0055—2018");
        assertThat(created).hasStatus(HttpStatus.FOUND);
        long id = idOf(created);
        String feedUrl = (String) created.getMvcResult().getFlashMap().get("feedUrl");
        assertThat(feedUrl).contains("/feeds/watchlists/" + id + "/");

        assertThat(mvc.get()
                        .uri("/watchlists/{id}", id)
                        .with(as(owner))
                        .flashAttrs(created.getMvcResult().getFlashMap()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "查新清单 HTTP", "GB/T 42061-2022", "YY 0055-2018", feedUrl, "仅显示这一次", "/history/watchlist/" + id);
        // shown once: the next visit has no secret
        assertThat(mvc.get().uri("/watchlists/{id}", id).with(as(owner)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(feedUrl)
                .contains("生成新的订阅地址");
        assertThat(mvc.get().uri("/watchlists").with(as(owner)))
                .hasStatusOk()
                .bodyText()
                .contains("查新清单 HTTP", "GB/T 42061-2022");
        assertThat(mvc.get().uri("/api/v1/watchlists/{id}", id).with(as(owner)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].value")
                .asArray()
                .containsExactlyInAnyOrder("GB/T 42061-2022", "YY 0055-2018");

        // unreadable designations and a missing name are refused, nothing is made
        assertThat(save(owner, "", "GB/T 42061-2022"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/watchlists")
                .flash()
                .containsKey("errors");
        assertThat(save(owner, "坏清单", "这不是标准号")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/watchlists");
    }

    @Test
    void anotherPersonsListAnonymousVisitorsAndFormsWithoutCsrfAreRefused() {
        long id = idOf(save(owner, "私人清单", "GB/T 42061-2022"));
        // someone else
        assertThat(mvc.get().uri("/watchlists/{id}", id).with(as(stranger))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/watchlists/{id}/items", id)
                        .with(as(stranger))
                        .with(csrf())
                        .param("kind", "STANDARD")
                        .param("value", "GB/T 1.1-2020"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/watchlists/{id}/delete", id)
                        .with(as(stranger))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/watchlists/{id}/feed", id)
                        .with(as(stranger))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/watchlists/{id}", id).with(as(stranger)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith("application/problem+json");
        assertThat(mvc.get().uri("/watchlists").with(as(stranger)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("私人清单");
        // a shared list for an organization one does not belong to
        assertThat(mvc.post()
                        .uri("/watchlists")
                        .with(as(stranger))
                        .with(csrf())
                        .param("name", "冒名")
                        .param("organizationId", String.valueOf(foreignOrganization)))
                .hasStatus(HttpStatus.FORBIDDEN);
        // no such list
        assertThat(mvc.get().uri("/watchlists/{id}", Long.MAX_VALUE).with(as(owner)))
                .hasStatus(HttpStatus.NOT_FOUND);
        // anonymous
        for (String page : new String[] {"/watchlists", "/watchlists/" + id, "/alerts"}) {
            assertThat(mvc.get().uri(page))
                    .as(page)
                    .hasStatus(HttpStatus.FOUND)
                    .redirectedUrl()
                    .endsWith("/login");
        }
        assertThat(mvc.get().uri("/api/v1/alerts")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/watchlists/quick").with(csrf()).param("designation", "GB/T 42061-2022"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/login");
        // no CSRF token
        assertThat(mvc.post()
                        .uri("/watchlists")
                        .with(as(owner))
                        .param("name", "无令牌")
                        .param("designations", "GB/T 42061-2022"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/watchlists/{id}/delete", id).with(as(owner)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/watchlists/{id}", id).with(as(owner))).hasStatusOk();
    }

    @Test
    void theFeedIsValidAtomWithTheListsAlertsAndNeedsTheSecret() throws Exception {
        String watched = std(30, 2010);
        importLines(importer, "watch-http-setup.jsonl", record(watched, "current", null));
        MvcTestResult created = save(owner, "订阅清单", watched);
        long id = idOf(created);
        Matcher m = FEED.matcher((String) created.getMvcResult().getFlashMap().get("feedUrl"));
        assertThat(m.find()).isTrue();
        String token = m.group(2);

        importLines(
                importer,
                "watch-http-changes.jsonl",
                record(std(30, 2020), "current", "\"replaces\":[\"" + watched + "\"]"),
                record(watched, "withdrawn", "\"replaced_by\":[\"" + std(30, 2020) + "\"]"));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> store.ofList(id, 10).size() >= 2);

        MvcTestResult feed =
                mvc.get().uri("/feeds/watchlists/{id}/{token}", id, token).exchange();
        assertThat(feed).hasStatusOk().hasContentTypeCompatibleWith("application/atom+xml");
        String xml = feed.getResponse().getContentAsString(StandardCharsets.UTF_8);
        SyndFeed parsed = new SyndFeedInput().build(new StringReader(xml));
        assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(parsed.getUri()).isEqualTo("urn:stdhub:watchlist:" + id);
        assertThat(parsed.getTitle()).contains("订阅清单");
        assertThat(parsed.getPublishedDate()).isNotNull();
        assertThat(parsed.getEntries()).hasSize(2).allSatisfy((SyndEntry e) -> {
            assertThat(e.getUri()).startsWith("urn:stdhub:alert:");
            assertThat(e.getUpdatedDate()).isNotNull();
            assertThat(e.getLink()).contains("/standards/T%2FWTEST%20" + WatchFixtures.SERIES);
            assertThat(e.getDescription().getValue()).isNotBlank();
        });
        assertThat(parsed.getEntries()).extracting(SyndEntry::getUri).doesNotHaveDuplicates();
        assertThat(parsed.getEntries())
                .extracting(e -> e.getDescription().getValue())
                .contains(std(30, 2020) + " 发布，是您关注的 " + watched + " 的新版本", watched + " 已废止，现行替代标准为 " + std(30, 2020));

        // the secret is the key: a wrong or an old token finds nothing
        assertThat(mvc.get().uri("/feeds/watchlists/{id}/{token}", id, token + "x"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/feeds/watchlists/{id}/{token}", id + 1_000_000, token))
                .hasStatus(HttpStatus.NOT_FOUND);
        MvcTestResult renewed = mvc.post()
                .uri("/watchlists/{id}/feed", id)
                .with(as(owner))
                .with(csrf())
                .exchange();
        String newUrl = (String) renewed.getMvcResult().getFlashMap().get("feedUrl");
        assertThat(mvc.get().uri("/feeds/watchlists/{id}/{token}", id, token)).hasStatus(HttpStatus.NOT_FOUND);
        Matcher n = FEED.matcher(newUrl);
        assertThat(n.find()).isTrue();
        assertThat(mvc.get().uri("/feeds/watchlists/{id}/{token}", id, n.group(2)))
                .hasStatusOk();

        // the alerts page and the header badge
        assertThat(mvc.get().uri("/alerts").with(as(owner)))
                .hasStatusOk()
                .bodyText()
                .contains(watched + " 已废止，现行替代标准为 " + std(30, 2020), "订阅清单");
        assertThat(mvc.get().uri("/").with(as(owner))).hasStatusOk().bodyText().contains("id=\"unread-alerts\"");
        assertThat(mvc.post().uri("/alerts/read").with(as(owner)).with(csrf())).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/").with(as(owner))).hasStatusOk().bodyText().doesNotContain("id=\"unread-alerts\"");
        long alertId = store.ofList(id, 1).getFirst().id();
        assertThat(mvc.post()
                        .uri("/alerts/{id}/read", alertId)
                        .with(as(stranger))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theWatchButtonOfAStandardPageAddsItToMyListForSignedInPeopleOnly() {
        assertThat(mvc.get().uri("/standards/GB%2FT%2042061-2022"))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("id=\"watch-standard\"");
        assertThat(mvc.get().uri("/standards/GB%2FT%2042061-2022").with(as(stranger)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"watch-standard\"", "/watchlists/quick");
        MvcTestResult watched = mvc.post()
                .uri("/watchlists/quick")
                .with(as(stranger))
                .with(csrf())
                .param("designation", "GB/T 42061-2022")
                .exchange();
        assertThat(watched).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/standards/GB%2FT%2042061-2022");
        assertThat(mvc.get()
                        .uri("/standards/GB%2FT%2042061-2022")
                        .with(as(stranger))
                        .flashAttrs(watched.getMvcResult().getFlashMap()))
                .hasStatusOk()
                .bodyText()
                .contains("我的关注");
        assertThat(mvc.get().uri("/watchlists").with(as(stranger)))
                .hasStatusOk()
                .bodyText()
                .contains("我的关注", "GB/T 42061-2022");
    }

    @Test
    void theDriftMonitorIsPublicFiltersAndExports() throws Exception {
        assertThat(mvc.get().uri("/compliance/drift"))
                .hasStatusOk()
                .bodyText()
                .contains("GB 18280.1-2015", "ISO 11137-1:2025", "GB/T 19973.2-2017", "ISO 11737-2:2019");
        assertThat(mvc.get().uri("/compliance/drift").param("minYears", "15").param("degree", "MOD"))
                .hasStatusOk()
                .bodyText()
                .contains("GB 18280.1-2015")
                .doesNotContain("GB/T 19973.2-2017");
        assertThat(mvc.get().uri("/compliance/drift").param("degree", "XYZ")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/compliance/drift").param("lang", "en"))
                .hasStatusOk()
                .bodyText()
                .contains("Adoption drift monitor");

        MvcTestResult csv = mvc.get()
                .uri("/compliance/drift/export")
                .param("format", "csv")
                .param("degree", "MOD")
                .exchange();
        assertThat(csv).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .startsWith("\uFEFF我国标准,")
                .contains("GB 18280.1-2015,", "ISO 11137-1:2025,2025,19");

        MvcTestResult xlsx = mvc.get()
                .uri("/compliance/drift/export")
                .param("format", "xlsx")
                .exchange();
        assertThat(xlsx).hasStatusOk();
        try (var book =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("我国标准");
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(2);
        }
        assertThat(mvc.get().uri("/api/v1/compliance/drift").param("degree", "MOD"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.gaps[*].chineseDesignation")
                .asArray()
                .contains("GB 18280.1-2015", "GB/T 19973.2-2017");
    }
}
