package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.CatalogTest;

/** The catalog's JSON API through HTTP: answers, problem details for bad input, export formats. */
@CatalogTest
class CatalogApiTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void parsesASloppyDesignation() {
        assertThat(mvc.get().uri("/api/v1/designations/parse").param("text", "gb／t19001—2016"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.normalized").isEqualTo("GB/T 19001-2016");
                    assertThat(json).extractingPath("$.prefix").isEqualTo("GB/T");
                    assertThat(json).extractingPath("$.kind").isEqualTo("national-recommended");
                    assertThat(json).extractingPath("$.number").isEqualTo("19001");
                    assertThat(json).extractingPath("$.year").isEqualTo("2016");
                });
        assertThat(mvc.get().uri("/api/v1/designations/parse").param("text", "ISO/IEC 29110-5-1-1:2012"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.number").isEqualTo("29110");
                    assertThat(json).extractingPath("$.part").isEqualTo("5-1-1");
                    assertThat(json).extractingPath("$.body").isEqualTo("ISO/IEC");
                });
    }

    @Test
    void anUnreadableDesignationIsA400ProblemInTheAskedLanguage() {
        var zh = mvc.get()
                .uri("/api/v1/designations/parse")
                .param("text", "GB/T ???")
                .header("Accept-Language", "zh-CN");
        assertThat(zh).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(zh).bodyJson().extractingPath("$.detail").asString().isNotBlank();
        assertThat(zh).bodyJson().extractingPath("$.title").isEqualTo("请求有误");
        var en = mvc.get().uri("/api/v1/designations/parse").param("text", "").header("Accept-Language", "en");
        assertThat(en).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(en).bodyJson().extractingPath("$.title").isEqualTo("Bad request");
    }

    @Test
    void searchesAndReturnsItemsAndFacets() {
        var result = mvc.get()
                .uri("/api/v1/standards/search")
                .param("q", "iso13485:2016")
                .param("size", "5");
        assertThat(result).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.items[0].designation").isEqualTo("ISO 13485:2016");
            assertThat(json).extractingPath("$.items[0].status").isEqualTo("current");
            assertThat(json)
                    .extractingPath("$.total")
                    .asNumber()
                    .satisfies(n -> assertThat(n.longValue()).isPositive());
            assertThat(json).extractingPath("$.facets.status").asArray().isNotEmpty();
            // a few matches: the facet counts are exact
            assertThat(json).extractingPath("$.facetsApproximate").isEqualTo(false);
        });
    }

    @Test
    void facetsCanBeLeftOutForSpeed() {
        assertThat(mvc.get()
                        .uri("/api/v1/standards/search")
                        .param("q", "medical devices")
                        .param("facets", "false"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.items").asArray().isNotEmpty();
                    assertThat(json).extractingPath("$.facets.status").asArray().isEmpty();
                    assertThat(json)
                            .extractingPath("$.total")
                            .asNumber()
                            .satisfies(n -> assertThat(n.longValue()).isPositive());
                });
    }

    @Test
    void badSearchParametersAreNamed() {
        assertThat(mvc.get()
                        .uri("/api/v1/standards/search")
                        .param("size", "101")
                        .header("Accept-Language", "en"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.parameter").isEqualTo("size");
                    assertThat(json).extractingPath("$.detail").asString().contains("100");
                });
        assertThat(mvc.get().uri("/api/v1/standards/search").param("page", "-1"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.parameter")
                .isEqualTo("page");
        assertThat(mvc.get().uri("/api/v1/standards/search").param("q", "x".repeat(501)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.parameter")
                .isEqualTo("q");
        assertThat(mvc.get().uri("/api/v1/standards/search").param("status", "obsolete"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.parameter")
                .isEqualTo("status");
        assertThat(mvc.get().uri("/api/v1/standards/search").param("page", "abc"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.parameter")
                .isEqualTo("page");
    }

    @Test
    void detailByEncodedOrSloppyDesignation() {
        assertThat(mvc.get().uri("/api/v1/standards/GB%2FT%2042061-2022"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.designation").isEqualTo("GB/T 42061-2022");
                    assertThat(json)
                            .extractingPath("$.adoptions[0].standard.designation")
                            .isEqualTo("ISO 13485:2016");
                    assertThat(json).extractingPath("$.adoptions[0].degree").isEqualTo("IDT");
                });
        assertThat(mvc.get().uri("/api/v1/standards/{d}", "iso 1:2002"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.replaces[0].designation").isEqualTo("ISO 1:1975");
                    assertThat(json)
                            .extractingPath("$.replacedBy[0].designation")
                            .isEqualTo("ISO 1:2016");
                });
    }

    @Test
    void unknownStandardIsA404Problem() {
        assertThat(mvc.get().uri("/api/v1/standards/{d}", "GB/T 99999-2099").header("Accept-Language", "en"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("GB/T 99999-2099");
    }

    @Test
    void exportsCsvAndExcel() {
        var csv = mvc.get()
                .uri("/api/v1/standards/export")
                .param("q", "ISO 1")
                .param("format", "csv")
                .exchange();
        assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
        assertThat(csv.getResponse().getContentAsByteArray()).hasSizeGreaterThan(100);
        String text = new String(csv.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFdesignation,title_zh,title_en").contains("ISO 1:2022");

        var xlsx = mvc.get()
                .uri("/api/v1/standards/export")
                .param("q", "医疗器械")
                .param("format", "xlsx")
                .exchange();
        assertThat(xlsx).hasStatusOk();
        byte[] bytes = xlsx.getResponse().getContentAsByteArray();
        assertThat(bytes).startsWith(new byte[] {'P', 'K'}); // a zip container, as xlsx is
        assertThat(mvc.get().uri("/api/v1/standards/export").param("format", "pdf"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.parameter")
                .isEqualTo("format");
    }

    @Test
    void publishesTheOpenApiDocument() {
        assertThat(mvc.get().uri("/api/v1/openapi.json"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.paths")
                .asMap()
                .containsKeys("/api/v1/standards/search", "/api/v1/designations/parse");
    }

    /** The seven IEC 61496 documents come first; their other editions, amendments and corrigenda carry a mark. */
    @Test
    void theSearchPageMarksAnotherEditionOfADocumentAbove() {
        String text = "Electro-sensitive protective equipment";
        assertThat(mvc.get().uri("/standards").param("q", text).param("size", "30"))
                .hasStatusOk()
                .bodyText()
                .contains("上列文件的其他版本或修改");
        assertThat(mvc.get()
                        .uri("/standards")
                        .param("q", text)
                        .param("size", "30")
                        .param("lang", "en"))
                .hasStatusOk()
                .bodyText()
                .contains("another edition or amendment of a document above");
        assertThat(mvc.get().uri("/standards").param("q", text).param("size", "5"))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("上列文件的其他版本或修改");
    }

    @Test
    void pagesSpeakChineseForDocumentTypesAndErrors() {
        assertThat(mvc.get().uri("/standards/ISO%201%3A2002"))
                .hasStatusOk()
                .bodyText()
                .contains("国际标准")
                .doesNotContain(">international-standard<");
        assertThat(mvc.get().uri("/standards/GB%2FT%2099999-2099"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyText()
                .contains("未找到", "目录中没有标准");
    }

    @Test
    void readinessIsUpOnceTheCatalogIsLoaded() {
        assertThat(mvc.get().uri("/actuator/health/readiness"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void aSearchTextExpandingToTooManyClausesIsABadQueryNotAServerError() {
        for (String q : java.util.List.of(
                "标准化".repeat(160), "医疗器械质量管理体系要求".repeat(40), "a+".repeat(200) + "a", "a AND a OR ".repeat(45))) {
            for (String path : java.util.List.of("/api/v1/standards/search", "/standards")) {
                var result = mvc.get().uri(path).param("q", q).exchange();
                assertThat(result.getResponse().getStatus())
                        .as(path + " " + q.substring(0, 6))
                        .isIn(200, 400);
            }
        }
        assertThat(mvc.get().uri("/api/v1/standards/search").param("q", "a+".repeat(200) + "a"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("search.error.q-too-complex");
    }
}
