package org.stdhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stdhub.CatalogTest;
import tools.jackson.databind.ObjectMapper;

/** {@code POST /api/v1/compliance/check}: JSON lists, uploaded files, limits and bad input as problem details. */
@CatalogTest
class ValidityCheckApiTests {

    static final String URL = "/api/v1/compliance/check";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    private MvcTestResult postJson(List<String> designations, boolean signedIn) {
        var request = mvc.post()
                .uri(URL)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("designations", designations)));
        return signedIn ? request.with(user("checker")).exchange() : request.exchange();
    }

    private MvcTestResult upload(String filename, byte[] content, String column) {
        var request = mvc.post().uri(URL).multipart().file(new MockMultipartFile("file", filename, null, content));
        if (column != null) {
            request.param("column", column);
        }
        return request.header("Accept-Language", "en").exchange();
    }

    private static void problem(MvcTestResult result, String code) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
    }

    @Test
    void anAnonymousClientChecksAJsonListWithoutSessionOrCsrfToken() {
        var result =
                postJson(List.of("ISO 1:1975", "gbt42061—2022", "YY 0055-2026", "GB/T ???", "GB/T 42061-2021"), false);
        assertThat(result)
                .hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson()
                .satisfies(body -> {
                    assertThat(body).extractingPath("$.checkedAt").asString().matches("\\d{4}-\\d{2}-\\d{2}T.*");
                    assertThat(body)
                            .extractingPath("$.catalogDataDate")
                            .asString()
                            .isNotBlank();
                    assertThat(body).extractingPath("$.summary.total").isEqualTo(5);
                    assertThat(body)
                            .extractingPath("$.summary.withdrawnReplaced")
                            .isEqualTo(1);
                    assertThat(body).extractingPath("$.lines[0].line").isEqualTo(1);
                    assertThat(body).extractingPath("$.lines[0].input").isEqualTo("ISO 1:1975");
                    assertThat(body).extractingPath("$.lines[0].verdict").isEqualTo("withdrawn-replaced");
                    assertThat(body)
                            .extractingPath("$.lines[0].standard.designation")
                            .isEqualTo("ISO 1:1975");
                    assertThat(body)
                            .extractingPath("$.lines[0].currentReplacement[0].designation")
                            .isEqualTo("ISO 1:2022");
                    assertThat(body).extractingPath("$.lines[1].normalized").isEqualTo("GB/T 42061-2022");
                    assertThat(body).extractingPath("$.lines[1].verdict").isEqualTo("current");
                    assertThat(body).extractingPath("$.lines[2].verdict").isEqualTo("upcoming");
                    assertThat(body)
                            .extractingPath("$.lines[2].standard.implemented")
                            .isEqualTo("2029-08-01");
                    assertThat(body).extractingPath("$.lines[3].verdict").isEqualTo("unreadable");
                    assertThat(body)
                            .extractingPath("$.lines[3].reason")
                            .asString()
                            .isNotBlank();
                    assertThat(body).extractingPath("$.lines[4].verdict").isEqualTo("not-found");
                    assertThat(body)
                            .extractingPath("$.lines[4].suggestions[0].designation")
                            .isEqualTo("GB/T 42061-2022");
                });
    }

    @Test
    void aCsvFileInUtf8WithBomAndANamedColumn() {
        byte[] csv = ("\uFEFF序号,标准号,备注\r\n1,GB/T 42061-2022,\"质量, 管理\"\r\n2,ISO 13485:2003,\r\n\r\n3,iso 1 1975,x\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(upload("清单.csv", csv, "标准号")).hasStatusOk().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.summary.total").isEqualTo(3);
            assertThat(body).extractingPath("$.lines[0].line").isEqualTo(2);
            assertThat(body).extractingPath("$.lines[0].verdict").isEqualTo("current");
            assertThat(body)
                    .extractingPath("$.lines[1].currentReplacement[0].designation")
                    .isEqualTo("ISO 13485:2016");
            assertThat(body).extractingPath("$.lines[2].line").isEqualTo(5);
            assertThat(body).extractingPath("$.lines[2].normalized").isEqualTo("ISO 1:1975");
        });
    }

    @Test
    void aCsvFileInGbk() {
        byte[] csv = "标准号,名称\nＧＢ／Ｔ ４２０６１－２０２２,医疗器械 质量管理体系\nYY 0055-2018,牙科学 光固化机\n".getBytes(Charset.forName("GBK"));
        assertThat(upload("list.csv", csv, "标准号")).hasStatusOk().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.lines[0].input").isEqualTo("ＧＢ／Ｔ ４２０６１－２０２２");
            assertThat(body).extractingPath("$.lines[0].normalized").isEqualTo("GB/T 42061-2022");
            assertThat(body).extractingPath("$.lines[0].standard.titleZh").isEqualTo("医疗器械 质量管理体系 用于法规的要求");
            assertThat(body)
                    .extractingPath("$.lines[1].upcomingReplacement[0].designation")
                    .isEqualTo("YY 0055-2026");
        });
    }

    @Test
    void aPlainTextFileOneDesignationPerLine() {
        byte[] txt = "GB/T 42061-2022\n\nISO 1:1975\n".getBytes(StandardCharsets.UTF_8);
        assertThat(upload("list.txt", txt, null)).hasStatusOk().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.summary.total").isEqualTo(2);
            assertThat(body).extractingPath("$.lines[1].line").isEqualTo(3);
        });
    }

    @Test
    void anExcelWorkbookByColumnNameOrFirstColumn() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("list");
            String[][] rows = {
                {"No.", "Designation"}, {"1", "ISO 1:1975"}, {"2", "YY 0055-2026"}, {"3", ""}, {"4", "GB/T 34932-2017"}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(upload("list.xlsx", xlsx, "designation"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(body -> {
                    assertThat(body).extractingPath("$.summary.total").isEqualTo(3);
                    assertThat(body).extractingPath("$.lines[0].line").isEqualTo(2);
                    assertThat(body)
                            .extractingPath("$.lines[0].currentReplacement[0].designation")
                            .isEqualTo("ISO 1:2022");
                    assertThat(body).extractingPath("$.lines[1].verdict").isEqualTo("upcoming");
                    assertThat(body).extractingPath("$.lines[2].line").isEqualTo(5);
                    assertThat(body).extractingPath("$.lines[2].verdict").isEqualTo("edition-outdated");
                });
        // without a column: the first column ("No." is a header without digits, then the numbers 1–4)
        assertThat(upload("list.xlsx", xlsx, null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.summary.unreadable")
                .isEqualTo(4);
        problem(upload("list.xlsx", xlsx, "标准号"), "compliance.error.column-not-found");
    }

    @Test
    void filesOfAnotherTypeOrUnreadableContentAreRefused() {
        problem(upload("list.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), null), "compliance.error.file-type");
        problem(
                upload("list.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, null),
                "compliance.error.file-type");
        problem(
                upload("list.xlsx", "GB/T 42061-2022".getBytes(StandardCharsets.UTF_8), null),
                "compliance.error.workbook");
        problem(upload("list.csv", new byte[0], null), "compliance.error.file-empty");
        byte[] garbage = new byte[256];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (0x80 + (i * 37) % 128 | (i % 3 == 0 ? 0x7F : 0));
        }
        garbage[7] = (byte) 0xFF;
        var result = upload("list.csv", garbage, null);
        problem(result, "compliance.error.encoding");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("UTF-8")
                .contains("GBK");
        problem(
                upload("list.txt", "GB/T 1-2020\u0000\u0001binary".getBytes(StandardCharsets.UTF_8), null),
                "compliance.error.encoding");
        problem(mvc.post().uri(URL).multipart().param("column", "x").exchange(), "compliance.error.file-missing");
    }

    @Test
    void anonymousClientsCheckAtMost200LinesAndAreToldToSignIn() {
        var result = postJson(Collections.nCopies(201, "ISO 1:1975"), false);
        problem(result, "compliance.error.too-many-anonymous");
        assertThat(result).bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.limit").isEqualTo(200);
            assertThat(body).extractingPath("$.signedInLimit").isEqualTo(10_000);
            assertThat(body)
                    .extractingPath("$.detail")
                    .asString()
                    .contains("登录")
                    .contains("10,000");
        });
        assertThat(postJson(Collections.nCopies(200, "ISO 1:1975"), false)).hasStatusOk();
    }

    @Test
    void signedInClientsCheck10000LinesButNotMore() {
        String[] sample = {"ISO 1:1975", "gbt42061—2022", "YY 0055-2018", "GB/T 42061-2021", "??", "iso 9001"};
        List<String> list = Arrays.asList(new String[10_000]);
        for (int i = 0; i < list.size(); i++) {
            list.set(i, sample[i % sample.length]);
        }
        assertThat(postJson(list, true)).hasStatusOk().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.summary.total").isEqualTo(10_000);
            assertThat(body).extractingPath("$.lines[9999].line").isEqualTo(10_000);
        });
        problem(postJson(Collections.nCopies(10_001, "ISO 1:1975"), true), "compliance.error.too-many");
    }

    @Test
    void anEmptyListIsAProblemInTheAskedLanguage() {
        var en = mvc.post()
                .uri(URL)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"designations\": []}")
                .header("Accept-Language", "en")
                .exchange();
        problem(en, "compliance.error.empty");
        assertThat(en).bodyJson().extractingPath("$.detail").asString().startsWith("There is nothing to check");
        problem(
                mvc.post()
                        .uri(URL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .exchange(),
                "compliance.error.empty");
    }

    @Test
    void plainTextBodiesAreChecked() {
        assertThat(mvc.post()
                        .uri(URL)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("ISO 13485:2003\nISO 13485")
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.lines[1].standard.designation")
                .isEqualTo("ISO 13485:2016");
    }

    /** Through the real server: the size limit is enforced while Tomcat reads the multipart body. */
    @Test
    void anUploadOverFiveMegabytesIsA400ProblemDetail() throws Exception {
        String boundary = "----stdhub" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] line = "GB/T 42061-2022\n".getBytes(StandardCharsets.UTF_8);
        for (int written = 0; written < 5_500_000; written += line.length) {
            body.write(line);
        }
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + URL))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .header("Accept-Language", "en")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"code\":\"compliance.error.file-too-large\"")
                .contains("5 MB");
    }
}
