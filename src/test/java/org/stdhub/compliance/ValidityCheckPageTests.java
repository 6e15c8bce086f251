package org.stdhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stdhub.CatalogTest;

/** The validity check page over HTTP: the form, the result table, the exports and the watchlist form. */
@CatalogTest
class ValidityCheckPageTests {

    static final String LIST = "ISO 1:1975\n\ngbt42061—2022\nYY 0055-2026\nGB/T ???\nGB/T 42061-2021";

    @Autowired
    MockMvcTester mvc;

    @LocalServerPort
    int port;

    private MvcTestResult check(String text, boolean signedIn) {
        var request = mvc.post().uri("/compliance/check").with(csrf()).param("text", text);
        return signedIn ? request.with(user("checker")).exchange() : request.exchange();
    }

    private MvcTestResult export(String format, String text) {
        return mvc.post()
                .uri("/compliance/check/export")
                .with(csrf())
                .param("format", format)
                .param("text", text)
                .exchange();
    }

    @Test
    void theFormIsPublicAndLinkedFromTheNavigation() {
        var page = mvc.get().uri("/compliance/check").exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("<h1 class=\"h3\">标准查新</h1>")
                .contains("name=\"text\"")
                .contains("name=\"file\"")
                .contains("name=\"column\"")
                .contains("enctype=\"multipart/form-data\"")
                .contains("href=\"/compliance/check\"")
                .contains("未登录每次最多查新 200 条")
                .doesNotContain("id=\"results\"");
        assertThat(mvc.get().uri("/compliance")).hasStatus3xxRedirection();
    }

    @Test
    void theResultShowsSummaryBadgesVerdictsAndLinks() {
        var page = check(LIST, false);
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("查新结果（共 5 条）")
                .contains("<span class=\"badge fs-6 text-bg-danger\" data-verdict=\"withdrawn-replaced\">")
                .contains("<span class=\"badge fs-6 text-bg-success\" data-verdict=\"current\">")
                .contains("href=\"/standards/ISO%201:1975\"")
                .contains("href=\"/standards/ISO%201:2022\"")
                .contains("href=\"/standards/GB%2FT%2042061-2022\"")
                .contains("医疗器械 质量管理体系 用于法规的要求")
                .contains("已废止，有替代")
                .contains("2029-08-01 实施")
                .contains("无法识别")
                .contains("您是否要找")
                .contains("id=\"line-3\"")
                .contains("查新时间")
                .contains("标准数据更新时间")
                .contains("id=\"export-xlsx\"")
                .contains("id=\"export-pdf\"")
                .doesNotContain("id=\"save-watchlist\"")
                .contains("登录后可将结果保存为关注清单");
    }

    @Test
    void aSignedInPersonMaySaveTheMatchedDesignationsAsAWatchlist() throws IOException {
        var page = check(LIST, true);
        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        int start = html.indexOf("<form id=\"save-watchlist\"");
        assertThat(start).isPositive();
        String form = html.substring(start, html.indexOf("</form>", start));
        assertThat(form)
                .contains("action=\"/watchlists\"")
                .contains("method=\"post\"")
                .contains("name=\"name\"")
                .contains("name=\"_csrf\"")
                .contains("<input type=\"hidden\" name=\"designations\" value=\"ISO 1:1975\">")
                .contains("<input type=\"hidden\" name=\"designations\" value=\"GB/T 42061-2022\">")
                .contains("<input type=\"hidden\" name=\"designations\" value=\"YY 0055-2026\">")
                .doesNotContain("GB/T 42061-2021");
    }

    @Test
    void pagePostsNeedTheCsrfToken() {
        assertThat(mvc.post().uri("/compliance/check").param("text", LIST)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/compliance/check/export").param("text", LIST))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aListOverTheAnonymousLimitIsRefusedOnThePageWithASignInHint() {
        var page = check(String.join("\n", Collections.nCopies(201, "ISO 1:1975")), false);
        assertThat(page).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(page)
                .bodyText()
                .contains("id=\"check-error\"")
                .contains("未登录每次最多查新 200 条")
                .contains("10,000");
        assertThat(check(String.join("\n", Collections.nCopies(201, "ISO 1:1975")), true))
                .hasStatusOk();
    }

    @Test
    void theExcelExportHasTheDatesAndOneRowPerLine() throws IOException {
        var result = export("xlsx", "\n" + LIST);
        assertThat(result)
                .hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("attachment")
                .contains(".xlsx");
        try (Workbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(f.formatCellValue(c)));
                rows.add(cells);
            }
            assertThat(rows.get(0)).containsExactly("标准查新");
            assertThat(rows.get(1).get(0)).isEqualTo("查新时间");
            assertThat(rows.get(1).get(1)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} .*");
            assertThat(rows.get(2).get(0)).isEqualTo("标准数据更新时间");
            assertThat(rows.get(2).get(1)).matches("\\d{4}-.*");
            int header = 0;
            while (!rows.get(header).contains("结论代码")) {
                header++;
            }
            List<List<String>> lines = rows.subList(header + 1, rows.size());
            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).startsWith("2", "ISO 1:1975", "ISO 1:1975", "ISO 1:1975");
            assertThat(lines.get(0)).contains("withdrawn-replaced", "已废止 → 被 ISO 1:2022 代替", "ISO 1:2022");
            assertThat(lines.get(1))
                    .contains("4", "gbt42061—2022", "GB/T 42061-2022", "医疗器械 质量管理体系 用于法规的要求", "current");
            assertThat(lines.get(2)).contains("upcoming", "即将实施（2029-08-01 实施）");
            assertThat(lines.get(3)).contains("unreadable");
            assertThat(lines.get(4)).contains("not-found", "GB/T 42061-2022");
        }
    }

    @Test
    void thePdfReportRendersChineseTitles() throws IOException {
        var result = export("pdf", LIST);
        assertThat(result).hasStatusOk().hasContentType("application/pdf");
        byte[] pdf = result.getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("标准查新")
                    .contains("查新时间")
                    .contains("医疗器械 质量管理体系 用于法规的要求")
                    .contains("被代替为 ISO 1:2022")
                    .contains("2029-08-01 实施");
        }
        var english = mvc.post()
                .uri("/compliance/check/export?lang=en")
                .with(csrf())
                .param("format", "pdf")
                .param("text", LIST)
                .exchange();
        try (PDDocument document = Loader.loadPDF(english.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Validity check")
                    .contains("Withdrawn, replaced")
                    .contains("Replaced by ISO 1:2022");
        }
    }

    /**
     * Through the real server: Tomcat refuses the oversized body before Spring Security reads the form's CSRF
     * field; the request is still answered with the reason (not a 403), and the token never goes into the URL.
     */
    @Test
    void anUploadOverFiveMegabytesIsRefusedOnThePageWithItsReason() throws Exception {
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build()) {
            String base = "http://localhost:" + port;
            String form = client.send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/compliance/check"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            var action = java.util.regex.Pattern.compile("<form id=\"check-form\" action=\"([^\"]+)\"")
                    .matcher(form);
            assertThat(action.find()).isTrue();
            String url = action.group(1).replace("&amp;", "&");
            // the CSRF token is a hidden field, never in the address
            assertThat(url).isEqualTo("/compliance/check");
            assertThat(form).contains("name=\"_csrf\"");

            String boundary = "----stdhub" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                            + "Content-Type: text/csv\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(new byte[5_500_000]);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var response = client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + url))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("id=\"check-error\"").contains("文件过大：最大 5 MB");
        }
    }

    @Test
    void anUnknownExportFormatIsRefused() {
        assertThat(export("docx", LIST)).hasStatus(HttpStatus.BAD_REQUEST);
    }
}
