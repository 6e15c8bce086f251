package org.stdhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.Principals;

/**
 * Crafted inputs that used to end in a server error or unbounded work: each now gets a 4xx answer a person or a
 * client understands, or a page that works.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CraftedInputTests {

    static final String RAW_QUERY = "x=a=b&y=%25&z=<script>";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    ExpensiveRequests expensive;

    @Autowired
    JdbcTemplate jdbc;

    String person;

    @BeforeAll
    void people() {
        person = "crafted" + System.nanoTime() % 100_000_000L;
        newPerson(person, "构造输入");
    }

    /** An active account, created as the system would (the operator's way), with a known password. */
    private long newPerson(String login, String nameZh) {
        return SystemActor.run(
                "test",
                () -> accounts.createPerson(
                                new NewPerson(login, login + "@example.com", null, nameZh, null, "Tea-Garden-2026"))
                        .personId());
    }

    private RequestPostProcessor signedIn() {
        return user(principals.principal(person, Set.of()).orElseThrow());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The query exactly as a client wrote it, not re-encoded by the test's request builder. */
    private static RequestPostProcessor rawQuery() {
        return request -> {
            request.setQueryString(RAW_QUERY);
            request.addParameter("x", "a=b");
            request.addParameter("y", "%");
            request.addParameter("z", "<script>");
            return request;
        };
    }

    @Test
    void everyPageAndApiAnswersAQueryWithEqualsSignsPercentAndMarkup() {
        List<String> pages = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.stdhub")) {
                return;
            }
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
            }
            info.getPatternValues().stream().filter(p -> !p.contains("{")).forEach(pages::add);
        });
        assertThat(pages).contains("/", "/standards", "/compliance/check", "/api/v1/standards/search", "/login");
        for (String page : pages) {
            for (RequestPostProcessor who : List.of(from("127.0.3.1"), signedIn())) {
                MvcTestResult result = mvc.get()
                        .uri(page)
                        .with(from("127.0.3.1"))
                        .with(who)
                        .with(rawQuery())
                        .exchange();
                assertThat(result.getUnresolvedException()).as(page).isNull();
                assertThat(result.getResponse().getStatus()).as(page).isLessThan(500);
            }
        }
        // the language switch keeps the query, encoded
        assertThat(mvc.get().uri("/standards").with(rawQuery()))
                .hasStatusOk()
                .bodyText()
                .contains("x=a%3Db&amp;y=%25&amp;z=%3Cscript%3E&amp;lang=en");
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFound() {
        assertThat(mvc.get().uri("/error")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/error").accept(MediaType.APPLICATION_JSON)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUnreadableLanguageCookieIsIgnored() {
        for (String value : List.of("xx_YY_zz_!!", "%", "fr", "de GMT+99", "zh_CN Not/AZone", "_")) {
            assertThat(mvc.get().uri("/compliance/check").cookie(new Cookie("stdhub-lang", value)))
                    .as(value)
                    .hasStatusOk()
                    .bodyText()
                    .contains("查新");
        }
        assertThat(mvc.get().uri("/compliance/check").cookie(new Cookie("stdhub-lang", "en")))
                .hasStatusOk()
                .bodyText()
                .contains("Validity check");
    }

    @Test
    void aSearchExpandingToTooManyClausesIsABadQueryParameter() {
        for (String q : List.of("a+".repeat(200) + "a", "a AND a OR ".repeat(45) + "a", "GB T " + "x y ".repeat(60))) {
            assertThat(mvc.get().uri("/api/v1/standards/search").param("q", q))
                    .as(q.substring(0, 10))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.parameter")
                    .isEqualTo("q");
            assertThat(mvc.get().uri("/standards").param("q", q))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyText()
                    .contains("检索词过多");
        }
        // long Chinese text has no words to count: whatever Lucene makes of it, never a server error
        assertThat(mvc.get().uri("/api/v1/standards/search").param("q", "标准化".repeat(160)))
                .satisfies(r -> assertThat(r.getResponse().getStatus()).isIn(200, 400));
    }

    @Test
    void pagingParametersNearIntegerLimitsAreRefusedOrClamped() {
        for (String page : List.of("2147483647", "2147483648", "-2147483648", "99999999999")) {
            assertThat(mvc.get().uri("/compliance/drift").param("page", page))
                    .as(page)
                    .satisfies(r -> assertThat(r.getResponse().getStatus()).isIn(200, 400));
            assertThat(mvc.get().uri("/api/v1/compliance/drift").param("page", page))
                    .as(page)
                    .satisfies(r -> assertThat(r.getResponse().getStatus()).isIn(200, 400));
            assertThat(mvc.get().uri("/api/v1/standards/search").param("page", page))
                    .as(page)
                    .hasStatus(HttpStatus.BAD_REQUEST);
        }
        assertThat(mvc.get().uri("/api/v1/compliance/drift").param("page", "2147483647"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.gaps")
                .asArray()
                .isEmpty();
        // deep pages are refused: Lucene would collect every hit before them
        assertThat(mvc.get()
                        .uri("/api/v1/standards/search")
                        .param("page", "200")
                        .param("size", "100"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/standards/search").param("page", "99").param("size", "100"))
                .hasStatusOk();
    }

    @Test
    void aStrayPercentInADesignationPathIsNotAServerError() {
        for (String path : List.of("/api/v1/standards/%25", "/standards/%25", "/api/v1/standards/%25zz")) {
            assertThat(mvc.get().uri(path))
                    .as(path)
                    .satisfies(r -> assertThat(r.getResponse().getStatus()).isIn(400, 404));
        }
    }

    @Test
    void anAnonymousExcelUploadIsReadOnlyUpToTheLimitAndRefusedAsTooLong() throws IOException {
        byte[] workbook = workbook(50_000);
        var anonymous = mvc.post()
                .uri("/api/v1/compliance/check")
                .with(from("127.0.4.1"))
                .multipart()
                .file(new MockMultipartFile("file", "big.xlsx", null, workbook))
                .exchange();
        assertThat(anonymous).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(anonymous).bodyJson().extractingPath("$.code").isEqualTo("compliance.error.too-many-anonymous-over");
        assertThat(anonymous).bodyJson().extractingPath("$.limit").isEqualTo(200);
        var signed = mvc.post()
                .uri("/api/v1/compliance/check")
                .with(signedIn())
                .multipart()
                .file(new MockMultipartFile("file", "big.xlsx", null, workbook))
                .exchange();
        assertThat(signed).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(signed).bodyJson().extractingPath("$.code").isEqualTo("compliance.error.too-many-over");
        // the page says so too
        assertThat(mvc.post()
                        .uri("/compliance/check")
                        .with(from("127.0.4.1"))
                        .with(csrf())
                        .multipart()
                        .file(new MockMultipartFile("file", "big.xlsx", null, workbook)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("清单超过 200 条");
    }

    static byte[] workbook(int rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("list");
            sheet.createRow(0).createCell(0).setCellValue("标准号");
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("GB/T " + (10000 + r) + "-2020");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    @Test
    void aJsonBodyOverTheLimitIs413ProblemAndMalformedJsonA400Problem() {
        String huge = "{\"designations\":[\"" + "G".repeat(3 * 1024 * 1024) + "\"]}";
        var result = mvc.post()
                .uri("/api/v1/compliance/check")
                .with(from("127.0.4.2"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(huge)
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("error.body-too-large");
        var malformed = mvc.post()
                .uri("/api/v1/compliance/check")
                .with(from("127.0.4.2"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"designations\":[")
                .exchange();
        assertThat(malformed).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(malformed).bodyJson().extractingPath("$.code").isEqualTo("error.body-unreadable");
    }

    @Test
    void theAnonymousExportAfterTheAllowanceIsRefusedWith429AndRetryAfter() {
        int capacity = expensive.anonymousCapacity();
        assertThat(capacity).isPositive();
        for (int i = 0; i < capacity; i++) {
            assertThat(mvc.get()
                            .uri("/api/v1/standards/export")
                            .param("q", "GB/T 19001-2016")
                            .param("format", "csv")
                            .with(from("127.0.5.1")))
                    .hasStatusOk();
        }
        var refused = mvc.get()
                .uri("/api/v1/standards/export")
                .param("q", "GB/T 19001-2016")
                .param("format", "csv")
                .with(from("127.0.5.1"))
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
        assertThat(refused).bodyJson().extractingPath("$.code").isEqualTo("error.too-many-requests");
        // the page export and the check API share the allowance of the address
        assertThat(mvc.post()
                        .uri("/api/v1/compliance/check")
                        .with(from("127.0.5.1"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("GB/T 1-2020"))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        // another address, and a signed-in person, are still served
        assertThat(mvc.get()
                        .uri("/api/v1/standards/export")
                        .param("format", "csv")
                        .param("q", "GB/T 19001-2016")
                        .with(from("127.0.5.2")))
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/v1/standards/export")
                        .param("format", "csv")
                        .param("q", "GB/T 19001-2016")
                        .with(from("127.0.5.1"))
                        .with(signedIn()))
                .hasStatusOk();
    }

    @Test
    void theApiDocumentationIsPublic() {
        var docs = mvc.get().uri("/api/v1/docs").exchange();
        assertThat(docs.getResponse().getStatus()).isIn(200, 302);
        String location = docs.getResponse().getRedirectedUrl();
        if (location != null) {
            assertThat(location).doesNotContain("/login");
            assertThat(mvc.get().uri(location)).as(location).hasStatusOk();
        }
        assertThat(mvc.get()
                        .uri("/swagger-ui/index.html")
                        .exchange()
                        .getResponse()
                        .getStatus())
                .as("/swagger-ui/index.html")
                .isNotIn(401, 403, 500);
        assertThat(mvc.get().uri("/api/v1/openapi.json"))
                .as("/api/v1/openapi.json")
                .hasStatusOk();
    }

    @Test
    void aPdfReportOfLinesWithControlCharactersIsWritten() {
        var pdf = mvc.post()
                .uri("/compliance/check/export")
                .with(from("127.0.4.3"))
                .with(csrf())
                .param("format", "pdf")
                .param("text", "GB/T 1-2020\u0001\u0002\nISO\u001b 9001\u0000")
                .exchange();
        assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
    }

    @Test
    void aWatchlistNameWithControlCharactersIsAFieldError() {
        var result = mvc.post()
                .uri("/api/v1/watchlists")
                .with(signedIn())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Liste\\u0007\\u0000\",\"designations\":[\"GB/T 1-2020\"]}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors.name").asString().isNotBlank();
        var tooLong = mvc.post()
                .uri("/api/v1/watchlists")
                .with(signedIn())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"ok\",\"designations\":[\"" + "9".repeat(100_000) + "\"]}")
                .exchange();
        assertThat(tooLong).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(tooLong)
                .bodyJson()
                .extractingPath("$.errors.designations")
                .asString()
                .isNotBlank();
    }

    @Test
    void concurrentFirstClicksOnWatchBothLandOnOneDefaultList() throws Exception {
        String login = "quick" + System.nanoTime() % 100_000_000L;
        long personId = newPerson(login, "并发关注");
        var principal = user(principals.principal(login, Set.of()).orElseThrow());
        int clicks = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clicks; i++) {
                String designation = "GB/T " + (30001 + i) + "-2020";
                Callable<Integer> click = () -> {
                    start.await();
                    return mvc.post()
                            .uri("/watchlists/quick")
                            .with(principal)
                            .with(csrf())
                            .param("designation", designation)
                            .exchange()
                            .getResponse()
                            .getStatus();
                };
                answers.add(pool.submit(click));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(302);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from watchlist where default_of_person_id = ?", Integer.class, personId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from watch_item i join watchlist w on w.id = i.watchlist_id"
                                + " where w.default_of_person_id = ?",
                        Integer.class,
                        personId))
                .isEqualTo(clicks);
    }

    @Test
    void markingAlertsReadIsAudited() {
        String login = "reader" + System.nanoTime() % 100_000_000L;
        long personId = newPerson(login, "已读审计");
        var principal = user(principals.principal(login, Set.of()).orElseThrow());
        assertThat(mvc.post()
                        .uri("/watchlists/quick")
                        .with(principal)
                        .with(csrf())
                        .param("designation", "GB/T 1-2020"))
                .hasStatus(HttpStatus.FOUND);
        long list =
                jdbc.queryForObject("select id from watchlist where default_of_person_id = ?", Long.class, personId);
        for (int i = 0; i < 2; i++) {
            jdbc.update(
                    "insert into alert (watchlist_id, dedup_key, kind, standard_designation, created_at)"
                            + " values (?, ?, 'WITHDRAWN', 'GB/T 1-2020', current_timestamp)",
                    list,
                    "test:" + i);
        }
        long first = jdbc.queryForObject("select min(id) from alert where watchlist_id = ?", Long.class, list);
        assertThat(mvc.post().uri("/alerts/{id}/read", first).with(principal).with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(audited("alert", String.valueOf(first), "read")).isEqualTo(1);
        assertThat(mvc.post().uri("/alerts/read").with(principal).with(csrf())).hasStatus(HttpStatus.FOUND);
        assertThat(audited("person", String.valueOf(personId), "alerts-read")).isEqualTo(1);
        // nothing left unread: nothing more to record
        assertThat(mvc.post().uri("/watchlists/{id}/read", list).with(principal).with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(audited("watchlist", String.valueOf(list), "alerts-read")).isZero();
    }

    private int audited(String type, String id, String action) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where object_type = ? and object_id = ? and action = ?",
                Integer.class,
                type,
                id,
                action);
    }

    @Test
    void unknownMethodsOnKnownPathsAreNotServerErrors() {
        assertThat(mvc.method(HttpMethod.DELETE)
                        .uri("/standards")
                        .with(csrf())
                        .exchange()
                        .getResponse()
                        .getStatus())
                .isLessThan(500);
    }
}
