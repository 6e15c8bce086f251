package org.stdhub.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.CatalogTest;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.platform.UserFacingException;
import org.stdhub.research.analytics.CatalogFigures;

/**
 * The analytics on the shipped catalog: every figure equals the count SQL gives directly over the catalog's tables,
 * the read model follows an import through its event, the landscape of a field, and the pages and API in both
 * languages, with their refusals.
 */
@CatalogTest
class AnalyticsTests {

    @Autowired
    Analytics analytics;

    @Autowired
    CatalogFigures figures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StandardImporter importer;

    @Autowired
    MockMvcTester mvc;

    private Map<String, Long> figure(String key) {
        return analytics.figure(key).orElseThrow().rows().stream()
                .collect(Collectors.toMap(Figure.Row::key, Figure.Row::value));
    }

    private Map<String, Long> sql(String query) {
        return jdbc.query(query, (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void everyCatalogFigureEqualsTheCountSqlGivesOverTheCatalogTables() {
        figures.refresh("test");
        long standards = jdbc.queryForObject("select count(*) from standard", Long.class);
        assertThat(standards).isGreaterThan(140_000);

        assertThat(figure(CatalogFigures.KIND))
                .isEqualTo(sql("select kind, count(*) from standard group by kind"))
                .containsKeys("international", "national-recommended", "group");
        assertThat(figure(CatalogFigures.STATUS))
                .isEqualTo(sql("select coalesce(status, 'unknown'), count(*) from standard group by 2"
                        .replace("group by 2", "group by coalesce(status, 'unknown')")));
        assertThat(figure(CatalogFigures.BODY)).isEqualTo(sql("select body, count(*) from standard group by body"));
        assertThat(figure(CatalogFigures.KIND).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(standards);
        assertThat(figure(CatalogFigures.ICS))
                .isEqualTo(sql("select substring(code, 1, 2), count(distinct standard_id) from standard_ics"
                        + " group by substring(code, 1, 2)"));
        assertThat(figure(CatalogFigures.CCS))
                .isEqualTo(sql("select substring(code, 1, 1), count(distinct standard_id) from standard_ccs"
                        + " group by substring(code, 1, 1)"));

        // adoption: current international standards per field, and those a Chinese standard adopts
        List<Figure.Row> adoption =
                analytics.figure(CatalogFigures.ADOPTION).orElseThrow().rows();
        String current = " from standard s join standard_ics i on i.standard_id = s.id"
                + " where s.kind = 'international' and s.status = 'current'";
        assertThat(adoption.stream().collect(Collectors.toMap(Figure.Row::key, Figure.Row::value)))
                .isEqualTo(sql("select substring(i.code, 1, 2), count(distinct s.id)" + current
                        + " group by substring(i.code, 1, 2)"));
        Map<String, Long> adopted = sql("select substring(i.code, 1, 2), count(distinct s.id)"
                + current.replace(" where", " join standard_adoption a on a.international_id = s.id where")
                + " group by substring(i.code, 1, 2)");
        assertThat(adopted).isNotEmpty();
        for (Figure.Row r : adoption) {
            assertThat(r.extra()).as("adopted in field %s", r.key()).isEqualTo(adopted.getOrDefault(r.key(), 0L));
        }

        // derived figures: every current standard has an age bucket; overdue is within the current of its kind
        long inForce = jdbc.queryForObject("select count(*) from standard where status = 'current'", Long.class);
        assertThat(figure(Analytics.AGE).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(inForce);
        for (Figure.Row r :
                analytics.figure(Analytics.REVIEW_OVERDUE).orElseThrow().rows()) {
            assertThat(r.key()).isNotEqualTo("international");
            assertThat(r.extra()).isBetween(0L, r.value());
            assertThat(r.value())
                    .isEqualTo(jdbc.queryForObject(
                            "select count(*) from standard where status = 'current' and kind = ?",
                            Long.class,
                            r.key()));
        }
        assertThat(figure(Analytics.YEAR)).containsKey("2016");
    }

    @Test
    void anImportUpdatesTheReadModelThroughItsEvent() throws IOException {
        figures.refresh("test");
        long before = figure(CatalogFigures.KIND).getOrDefault("local", 0L);
        byte[] line = ("{\"id_raw\":\"DB41/T 9901-2026\",\"title_zh\":\"研究统计测试用地方标准\",\"status\":\"current\","
                        + "\"source\":\"test:research\",\"ics\":[\"03.120.10\"]}")
                .getBytes(StandardCharsets.UTF_8);
        importer.importStream(new ByteArrayInputStream(line), "research-analytics.jsonl", line.length);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(figure(CatalogFigures.KIND).get("local")).isEqualTo(before + 1));
        // the same import again changes nothing, and the figures stay
        importer.importStream(new ByteArrayInputStream(line), "research-analytics.jsonl", line.length);
        figures.refresh("replay");
        assertThat(figure(CatalogFigures.KIND).get("local")).isEqualTo(before + 1);
    }

    @Test
    void theLandscapeOfAFieldListsItsKindsItsUnadoptedInternationalStandardsAndItsDrift() {
        Landscape l = analytics.landscape("25.040", 20, Locale.SIMPLIFIED_CHINESE);
        assertThat(l.icsTitle()).isNotBlank();
        assertThat(l.kinds()).extracting(k -> k.key()).contains("international");
        assertThat(l.total())
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from standard s where exists (select 1 from standard_ics i"
                                + " where i.standard_id = s.id and i.code like '25.040%')",
                        Long.class));
        assertThat(l.unadopted().rows()).hasSizeLessThanOrEqualTo(20);
        assertThat(l.unadopted().total())
                .isGreaterThanOrEqualTo(l.unadopted().rows().size());
        for (var u : l.unadopted().rows()) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from standard_adoption a join standard s on s.id = a.international_id"
                                    + " where s.designation = ?",
                            Long.class,
                            u.designation()))
                    .as("%s is adopted by no Chinese standard", u.designation())
                    .isZero();
        }
        assertThatThrownBy(() -> analytics.landscape("25.04", 20, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> analytics.landscape("x'; drop table standard; --", 20, Locale.ENGLISH))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void theDashboardShowsEachChartWithItsTableInChineseAndEnglish() {
        figures.refresh("test");
        assertThat(mvc.get().uri("/analytics"))
                .hasStatusOk()
                .bodyText()
                .contains("标准化统计分析", "按标准类别", "data-chart=", "推荐性国家标准", "查看数据表", "团体标准项目进展");
        assertThat(mvc.get().uri("/analytics?lang=en"))
                .hasStatusOk()
                .bodyText()
                .contains("Standardization analytics", "By kind of standard");
        assertThat(mvc.get().uri("/analytics/landscape?ics=25.040"))
                .hasStatusOk()
                .bodyText()
                .contains("尚无我国采标的现行国际标准");
        assertThat(mvc.get().uri("/analytics/landscape?ics=abc"))
                .hasStatusOk()
                .bodyText()
                .contains("不是 ICS 分类号");
    }

    @Test
    void theApiAnswersFiguresPipelineAndLandscapeAndRefusesWhatItDoesNotKnow() {
        figures.refresh("test");
        assertThat(mvc.get().uri("/api/v1/analytics/catalog/catalog.kind").header("Accept-Language", "en"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.rows[0].label")
                .isEqualTo("International standard");
        assertThat(mvc.get().uri("/api/v1/analytics/catalog/catalog.nothing")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/analytics/landscape?ics=9")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/analytics/landscape?ics=25.040&limit=5"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.unadopted.rows.length()")
                .isEqualTo(5);
        assertThat(mvc.get().uri("/api/v1/analytics/pipeline")).hasStatusOk();
    }

    @Test
    void eachFigureExportsAsCsvAndXlsx() {
        figures.refresh("test");
        var csv = mvc.get().uri("/analytics/export?figure=catalog.adoption&format=csv");
        assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
        assertThat(csv).bodyText().contains("ICS 领域", "已被我国标准采用", "\r\n01,");
        assertThat(mvc.get().uri("/analytics/export?figure=catalog.kind&format=xlsx"))
                .hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(mvc.get().uri("/analytics/export?figure=catalog.kind&format=pdf"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/analytics/export?figure=nothing&format=csv")).hasStatus(HttpStatus.NOT_FOUND);
    }
}
