package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stdhub.CatalogTest;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.compliance.watch.Alert;
import org.stdhub.compliance.watch.AlertKind;
import org.stdhub.compliance.watch.Alerts;
import org.stdhub.compliance.watch.Watchlists;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.ApiTokens;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;

/**
 * The base office's hand edits over HTTP: adding and correcting standards with the importer's validation, the
 * change on the standard's page with who and why, the audit entry, the alert to a watcher (with the upcoming
 * replacement called upcoming), optimistic locking, denials; and the data-quality lists. Standards of this class:
 * "DB41/T 97xx".
 */
@CatalogTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogEditTests {

    @Autowired
    MockMvcTester mvc;

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
    Alerts alerts;

    @Autowired
    StandardImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    TestPeople people;
    String officer;
    String person;

    @BeforeAll
    void people() {
        people = new TestPeople(accounts, organizations, principals, "编辑测试");
        officer = people.officer("ceo");
        person = people.person("cep");
    }

    private MvcTestResult post(String login, String json) {
        return mvc.post()
                .uri("/api/v1/standards")
                .with(people.as(login))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private MvcTestResult put(String login, String designation, String json) {
        return mvc.put()
                .uri("/api/v1/standards/" + enc(designation))
                .with(people.as(login))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private static String enc(String designation) {
        return designation.replace("/", "%2F").replace(" ", "%20");
    }

    private static String body(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int version(String designation) {
        return jdbc.queryForObject("select version from standard where designation = ?", Integer.class, designation);
    }

    @Test
    void aWithdrawalWithItsUpcomingReplacementIsAuditedShownWithWhoAndWhyAndAlertsTheWatcherInWords() {
        String old = "DB41/T 9701-2020";
        String replacement = "DB41/T 9701-2026";
        assertThat(post(officer, """
                {"designation":"%s","titleZh":"编辑测试 茶叶加工规程","status":"current","published":"2020-03-01",
                 "implemented":"2020-06-01","ics":["67.140.10"],"reason":"河南省市场监管局 2020 年第 3 号公告"}""".formatted(old))).hasStatus(HttpStatus.CREATED);
        // someone follows the 2020 edition
        people.signIn(person);
        long list = watchlists
                .create(new Watchlists.NewWatchlist("茶叶标准", null, null, List.of(old)))
                .id();
        SecurityContextHolder.clearContext();

        // the new edition comes into force two months from today, whatever day the suite runs on
        String inForceOn = java.time.LocalDate.now().plusMonths(2).toString();
        assertThat(post(officer, """
                {"designation":"%s","titleZh":"编辑测试 茶叶加工规程","status":"upcoming","published":"2026-09-01",
                 "implemented":"%s","replaces":["%s"],"reason":"2026 年第 12 号公告发布新版"}""".formatted(replacement, inForceOn, old))).hasStatus(HttpStatus.CREATED);
        MvcTestResult corrected = put(officer, old, """
                {"titleZh":"编辑测试 茶叶加工规程","status":"withdrawn","published":"2020-03-01","implemented":"2020-06-01",
                 "withdrawn":"%s","ics":["67.140.10"],"replacedBy":["%s"],"reason":"随新版实施废止",
                 "version":%d}""".formatted(inForceOn, replacement, version(old)));
        assertThat(corrected).hasStatusOk();
        assertThat(body(corrected)).contains("\"status\":\"withdrawn\"");

        // the standard's page: who and why; the audit: the action, the fields and the reason
        MvcTestResult page =
                mvc.get().uri("/standards/" + enc(old)).with(people.as(person)).exchange();
        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains(officer).contains("随新版实施废止").doesNotContain("id=\"edit-standard\"");
        assertThat(body(mvc.get()
                        .uri("/standards/" + enc(old))
                        .with(people.as(officer))
                        .exchange()))
                .contains("id=\"edit-standard\"");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where object_type = 'standard' and object_id = ?"
                                + " and action = 'corrected' and comment = ? and actor = ?",
                        Integer.class,
                        old,
                        "随新版实施废止",
                        officer))
                .isEqualTo(1);

        // the watcher hears of it like after an import, and the replacement is called upcoming with its date
        people.signIn(person);
        try {
            // raised after the commit, on another thread; polled as the watcher (who may read the list)
            await().atMost(Duration.ofSeconds(30))
                    .pollInSameThread()
                    .until(() -> alerts.ofList(list, Locale.SIMPLIFIED_CHINESE).stream()
                            .anyMatch(a -> a.kind() == AlertKind.WITHDRAWN));
            Alert withdrawn = alerts.ofList(list, Locale.SIMPLIFIED_CHINESE).stream()
                    .filter(a -> a.kind() == AlertKind.WITHDRAWN)
                    .findFirst()
                    .orElseThrow();
            assertThat(withdrawn.relatedDesignation()).isEqualTo(replacement);
            assertThat(withdrawn.text()).contains("即将实施").contains(inForceOn).doesNotContain("现行替代");
            assertThat(alerts.ofList(list, Locale.ENGLISH).stream()
                            .filter(a -> a.kind() == AlertKind.WITHDRAWN)
                            .findFirst()
                            .orElseThrow()
                            .text())
                    .contains("upcoming")
                    .contains(inForceOn);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void badInputIsRefusedFieldByFieldInThePersonsLanguageAndNothingIsWritten() {
        int before = jdbc.queryForObject("select count(*) from standard_edit", Integer.class);
        MvcTestResult r = mvc.post()
                .uri("/api/v1/standards")
                .with(people.as(officer))
                .with(csrf())
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"designation":"DB41/T 9702-2026","titleZh":"编辑测试","published":"2026-05-01",
                         "implemented":"2026-01-01","ics":["1.2"],"replaces":["DB41/T 9799-1999"],"reason":" "}""")
                .exchange();
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
        String problem = body(r);
        assertThat((java.util.Map<String, String>) JsonPath.read(problem, "$.errors"))
                .containsEntry(
                        "implemented", "Dates out of order: published before in force, in force before withdrawn.")
                .containsEntry("ics", "Not an ICS code (e.g. 13.020.01).")
                .containsEntry("replaces", "One of the standards is not in the catalog; add it first.")
                .containsEntry("reason", "Please say why (at most 1,000 characters).");
        assertThat(post(officer, """
                        {"designation":"no such thing at all","titleZh":"x","reason":"r"}""")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post(officer, """
                        {"designation":"DB41/T 9703-2026","titleZh":"x","withdrawn":"2026-13-01","reason":"r"}""")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from standard_edit", Integer.class))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select count(*) from standard where designation like 'DB41/T 970_-2026'"
                                + " and designation in ('DB41/T 9702-2026', 'DB41/T 9703-2026')",
                        Integer.class))
                .isZero();

        // the form says it in Chinese beside the fields, with what was typed kept
        MvcTestResult form = mvc.post()
                .uri("/admin/catalog/edit")
                .with(people.as(officer))
                .with(csrf())
                .param("designation", "DB41/T 9704-2026")
                .param("titleZh", "编辑测试 表单")
                .param("published", "2026-05-01")
                .param("implemented", "2026-01-01")
                .param("reason", "")
                .exchange();
        assertThat(form).hasStatusOk();
        assertThat(body(form)).contains("日期先后不符").contains("请说明理由").contains("编辑测试 表单");
    }

    @Test
    void aSecondCorrectionOfTheSameVersionIsAConflictAndAnExistingStandardCannotBeAddedAgain() {
        String d = "DB41/T 9705-2026";
        assertThat(post(officer, """
                {"designation":"%s","titleZh":"编辑测试 并发","status":"current","reason":"新增"}""".formatted(d))).hasStatus(HttpStatus.CREATED);
        int read = version(d);
        assertThat(put(officer, d, """
                {"titleZh":"编辑测试 并发 甲","status":"current","reason":"甲的更正","version":%d}""".formatted(read))).hasStatusOk();
        MvcTestResult late = put(officer, d, """
                {"titleZh":"编辑测试 并发 乙","status":"current","reason":"乙的更正","version":%d}""".formatted(read));
        assertThat(late).hasStatus(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("select title_zh from standard where designation = ?", String.class, d))
                .isEqualTo("编辑测试 并发 甲");
        assertThat(post(officer, """
                {"designation":"%s","titleZh":"编辑测试 重复","reason":"重复"}""".formatted(d))).hasStatus(HttpStatus.CONFLICT);
        assertThat(put(officer, "DB41/T 9798-2026", """
                {"titleZh":"x","reason":"r","version":0}""")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyTheBaseOfficeEditsAndAReadOnlyTokenChangesNothing() {
        String json = """
                {"designation":"DB41/T 9706-2026","titleZh":"编辑测试 拒绝","reason":"r"}""";
        assertThat(mvc.post()
                        .uri("/api/v1/standards")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(post(person, json)).hasStatus(HttpStatus.FORBIDDEN);
        people.signIn(officer);
        String readOnly = tokens.create(officer, "read", Set.of("read"), 1).secret();
        SecurityContextHolder.clearContext();
        assertThat(mvc.post()
                        .uri("/api/v1/standards")
                        .header("Authorization", "Bearer " + readOnly)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/catalog/edit").with(people.as(person))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/catalog/quality").with(people.as(person)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/catalog/quality").with(people.as(person)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject(
                        "select count(*) from standard where designation = 'DB41/T 9706-2026'", Integer.class))
                .isZero();
        // the officer's correction form opens, filled in
        MvcTestResult form = mvc.get()
                .uri("/admin/catalog/edit/GB%2FT%2019001-2016")
                .with(people.as(officer))
                .exchange();
        assertThat(form).hasStatusOk();
        assertThat(body(form)).contains("GB/T 19001-2016").contains("name=\"version\"");
    }

    @Test
    void theQualityListsFindRecordsWithoutClassesUnknownTargetsAndContradictingStatuses() throws Exception {
        String lines = String.join(
                "\n",
                "{\"id_raw\":\"DB41/T 9710-2019\",\"title_zh\":\"质量测试 旧\",\"status\":\"current\",\"source\":\"test:edit\",\"ics\":[\"01.040\"]}",
                "{\"id_raw\":\"DB41/T 9710-2024\",\"title_zh\":\"质量测试 新\",\"status\":\"current\",\"source\":\"test:edit\","
                        + "\"ics\":[\"01.040\"],\"replaces\":[\"DB41/T 9710-2019\",\"DB41/T 9799-1998\"]}",
                "{\"id_raw\":\"DB41/T 9711-2024\",\"title_zh\":\"质量测试 无分类\",\"status\":\"current\",\"source\":\"test:edit\"}");
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        importer.importStream(new ByteArrayInputStream(bytes), "quality.jsonl", bytes.length);

        assertThat(lastPage("missing-class")).contains("DB41/T 9711-2024");
        assertThat(lastPage("unknown-target")).contains("DB41/T 9710-2024").contains("DB41/T 9799-1998");
        assertThat(lastPage("current-but-replaced")).contains("DB41/T 9710-2019");
        String counts = body(mvc.get()
                .uri("/api/v1/catalog/quality")
                .with(people.as(officer))
                .exchange());
        assertThat((Integer) JsonPath.read(counts, "$.missing-class")).isPositive();

        MvcTestResult page = mvc.get()
                .uri("/admin/catalog/quality?problem=current-but-replaced&page="
                        + lastPageNumber("current-but-replaced"))
                .with(people.as(officer))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains("现行但已被现行标准代替").contains("/admin/catalog/edit/DB41%2FT%209710-2019");
        assertThat(mvc.get().uri("/api/v1/catalog/quality/nonsense").with(people.as(officer)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    private int lastPageNumber(String problem) {
        String first = body(mvc.get()
                .uri("/api/v1/catalog/quality/" + problem + "?size=50")
                .with(people.as(officer))
                .exchange());
        int total = ((Number) JsonPath.read(first, "$.total")).intValue();
        return Math.max(0, (total - 1) / 50);
    }

    private String lastPage(String problem) {
        return body(mvc.get()
                .uri("/api/v1/catalog/quality/" + problem + "?size=50&page=" + lastPageNumber(problem))
                .with(people.as(officer))
                .exchange());
    }
}
