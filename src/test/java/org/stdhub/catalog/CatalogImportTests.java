package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.stdhub.CatalogTest;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;

/**
 * The importer: the shipped catalog went in whole, bad lines are reported and skipped, reruns change nothing, and an
 * import that changed the catalog tells the other modules ({@link CatalogUpdated}, caught by {@link PublishedEvents}).
 */
@CatalogTest
@ExtendWith(PublishedEventsExtension.class)
class CatalogImportTests {

    @Autowired
    StandardImporter importer;

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.test.web.servlet.assertj.MockMvcTester mvc;

    @Test
    void theShippedCatalogIsLoadedOnFirstStart() {
        // 145,609 shipped lines; 7 are the same IEC documents written twice by the source ("IEC 61360-C00168"
        // and "IEC 61360-C00168:") and 1 a Chinese one ("CB 879-77", "CB 879-1977"), reported and skipped by the
        // importer; 242 designations of the csres catalogues are refused for a named reason (DesignationRefusal)
        assertThat(jdbc.queryForObject("select count(*) from standard where source like 'github:%'", Long.class))
                .isEqualTo(145_359);
        Long seedBatch = jdbc.queryForObject("select min(id) from import_batch where status = 'finished'", Long.class);
        List<String> problems =
                jdbc.queryForList("select reason from import_problem where batch_id = ?", String.class, seedBatch);
        assertThat(problems).hasSize(250);
        assertThat(problems)
                .filteredOn(reason -> reason.contains("same standard as"))
                .hasSize(8)
                .filteredOn(reason -> reason.contains("same standard as intl_iec.jsonl.gz"))
                .hasSize(7);
        assertThat(problems).filteredOn(reason -> reason.contains(" refused (")).hasSize(242);
        assertThat(jdbc.queryForObject("select count(*) from ics_class", Long.class))
                .isEqualTo(1381);
        assertThat(jdbc.queryForObject("select count(*) from ccs_class", Long.class))
                .isEqualTo(1857);
        // relations whose both ends are in the catalog are linked
        assertThat(jdbc.queryForObject(
                        "select count(*) from standard_relation where target_id is not null", Long.class))
                .isGreaterThan(10_000);
        assertThat(jdbc.queryForObject(
                        "select count(*) from standard_adoption where international_id is not null", Long.class))
                .isPositive();
    }

    @Test
    void reimportingAShippedFileChangesNothing(PublishedEvents events) throws IOException {
        var file = new ClassPathResource("seed/standards/cn_nmpa_medical_devices.jsonl.gz");
        long before = jdbc.queryForObject("select max(version) from standard", Long.class);
        ImportReport report;
        try (var in = file.getInputStream()) {
            report = importer.importStream(in, "cn_nmpa_medical_devices.jsonl.gz", file.contentLength());
        }
        assertThat(report.read()).isEqualTo(2149);
        assertThat(report.unchanged()).isEqualTo(2149);
        assertThat(report.inserted()).isZero();
        assertThat(report.updated()).isZero();
        assertThat(report.rejected()).isZero();
        assertThat(jdbc.queryForObject("select max(version) from standard", Long.class))
                .isEqualTo(before);
        assertThat(events.ofType(CatalogUpdated.class))
                .as("nothing changed, nothing to tell")
                .isEmpty();
    }

    @Test
    void badLinesAreReportedWithLineNumberAndReasonAndTheRestGoesIn(@TempDir Path dir) throws IOException {
        String good = """
                {"id_raw":"T/STDHUB 001—2025","title_zh":"导入测试团体标准","title_en":"Import test group standard","status":"current","published":"2025-01-02","ics":["01.120"],"ccs":["A00"],"source":"test:CatalogImportTests"}""";
        String lines = String.join(
                "\n",
                good,
                "{not json",
                "{\"id_raw\":\"这不是标准号\",\"source\":\"test\"}",
                "{\"id_raw\":\"GB/T 1.1-2020\",\"status\":\"obsolete\",\"source\":\"test\"}",
                "{\"id_raw\":\"GB/T 1.2-2020\",\"published\":\"2020-13-01\",\"source\":\"test\"}",
                "",
                "{\"id_raw\":\"T/STDHUB 001-2025\",\"source\":\"test\"}",
                "{\"id_raw\":\"GB/T 1.3-2020\",\"ics\":[\"abc\"],\"source\":\"test\"}",
                "{\"id_raw\":\"GB/T 1.4-2020\"}");
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, lines, StandardCharsets.UTF_8);

        ImportReport report = importer.importFile(file);

        assertThat(report.read()).isEqualTo(8);
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(7);
        assertThat(report.problems()).extracting(ImportReport.Problem::line).containsExactly(2, 3, 4, 5, 7, 8, 9);
        assertThat(report.problems().get(0).reason()).contains("JSON");
        assertThat(report.problems().get(1).reason()).contains("这不是标准号");
        assertThat(report.problems().get(2).reason()).contains("obsolete");
        assertThat(report.problems().get(3).reason()).contains("2020-13-01");
        assertThat(report.problems().get(4).reason()).contains("bad.jsonl:1");
        assertThat(report.problems().get(5).reason()).contains("abc");
        assertThat(report.problems().get(6).reason()).contains("source");
        StandardDetail added = catalog.detail("T/STDHUB 001-2025");
        assertThat(added.titleZh()).isEqualTo("导入测试团体标准");
        assertThat(added.kind()).isEqualTo(StandardKind.GROUP.code());
        assertThat(added.ics()).extracting(StandardDetail.ClassRef::code).containsExactly("01.120");
        // and it is searchable right after the import
        assertThat(catalog.search(StandardSearchQuery.of("导入测试团体标准")).items())
                .extracting(StandardSearchResult.Hit::designation)
                .contains("T/STDHUB 001-2025");
        assertThat(jdbc.queryForObject(
                        "select count(*) from import_problem where batch_id = ?", Long.class, report.batchId()))
                .isEqualTo(7);
    }

    @Test
    void aChangedRecordIsUpdatedAndReindexed(PublishedEvents events) throws IOException {
        String v1 =
                "{\"id_raw\":\"T/STDHUB 002-2025\",\"title_zh\":\"第一版名称\",\"status\":\"upcoming\",\"source\":\"test\"}";
        String v2 =
                "{\"id_raw\":\"T/STDHUB 002-2025\",\"title_zh\":\"更正后的名称\",\"status\":\"current\",\"source\":\"test\"}";
        ImportReport first =
                importer.importStream(new ByteArrayInputStream(v1.getBytes(StandardCharsets.UTF_8)), "v1.jsonl", -1);
        ImportReport second =
                importer.importStream(new ByteArrayInputStream(v2.getBytes(StandardCharsets.UTF_8)), "v2.jsonl", -1);
        assertThat(first.inserted()).isEqualTo(1);
        assertThat(second.updated()).isEqualTo(1);
        // each import that changed the catalog told the other modules, with its batch
        assertThat(events.ofType(CatalogUpdated.class))
                .containsExactly(new CatalogUpdated(first.batchId(), 1, 0), new CatalogUpdated(second.batchId(), 0, 1));
        // the change log says what changed, for watchers
        assertThat(catalog.changesIn(second.batchId())).singleElement().satisfies(c -> {
            assertThat(c.designation()).isEqualTo("T/STDHUB 002-2025");
            assertThat(c.kind()).isEqualTo(StandardChange.Kind.STATUS);
            assertThat(c.statusBefore()).isEqualTo("upcoming");
            assertThat(c.statusAfter()).isEqualTo("current");
        });
        assertThat(catalog.find("T/STDHUB 002-2025"))
                .get()
                .extracting(Standard::getStatus)
                .isEqualTo("current");
        assertThat(catalog.search(StandardSearchQuery.of("更正后的名称")).items())
                .extracting(StandardSearchResult.Hit::designation)
                .contains("T/STDHUB 002-2025");
        assertThat(catalog.search(StandardSearchQuery.of("第一版名称")).items())
                .extracting(StandardSearchResult.Hit::designation)
                .doesNotContain("T/STDHUB 002-2025");
        assertThat(catalog.detail("T/STDHUB 002-2025").history())
                .extracting(StandardChange::kind)
                .contains(StandardChange.Kind.STATUS);
        assertThat(mvc.get().uri("/standards/{d}", "T/STDHUB 002-2025"))
                .hasStatusOk()
                .bodyText()
                .contains("变更历史", "将状态由“即将实施”改为“现行”");
    }
}
