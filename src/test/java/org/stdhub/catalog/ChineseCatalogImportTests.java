package org.stdhub.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.CatalogTest;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.OverlapMerge;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.platform.StdHubCommand;

/**
 * The Chinese catalog (issue 10, item 5): the two csres/biaozhun files are in the seed, unreadable designations
 * are refused for a named reason and counted, and the overlaps add fields to shipped standards only where they
 * lack them, once, with both sources on the detail API and page.
 */
@CatalogTest
@ExtendWith(PublishedEventsExtension.class)
class ChineseCatalogImportTests {

    static final String LDASSISTANT =
            "github:luoda2023/LDAssistant/data/all_standards.json.gz@8290690085c4dc785ff51823c9cd4b066f5b5373";

    /** Standards of the older files that gained fields from cn_csres_overlaps.jsonl.gz. */
    static final long MERGED_ON_FIRST_START = 1_350;

    @Autowired
    StandardImporter importer;

    @Autowired
    OverlapMerge overlapMerge;

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    List<StdHubCommand> commands;

    @Test
    void bothFilesAreInTheSeedAndTheirUnreadableDesignationsWereRefusedForANamedReason() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from standard where source like 'github:luoda2023/LDAssistant/%'", Long.class))
                .isGreaterThan(48_000);
        assertThat(jdbc.queryForObject(
                        "select count(*) from standard where source like 'github:laokevincn/standard_scrapting/%'",
                        Long.class))
                .isGreaterThan(13_000);
        Long seedBatch = jdbc.queryForObject("select min(id) from import_batch where status = 'finished'", Long.class);
        List<String> reasons =
                jdbc.queryForList("select reason from import_problem where batch_id = ?", String.class, seedBatch);
        assertThat(reasons)
                .filteredOn(r -> r.contains(" refused (RANGE): "))
                .hasSize(27)
                .anySatisfy(r -> assertThat(r).contains("cn_ldassistant_catalog.jsonl.gz", "GA/T 600.1~600.5-2006"));
        assertThat(reasons).filteredOn(r -> r.contains(" refused (JOINT): ")).hasSize(27);
        // every refusal of the shipped data names its rule: none is refused as merely "cannot be read"
        assertThat(reasons).noneMatch(r -> r.contains("cannot be read"));
        // the forms the engine learnt for these files are in the catalog
        assertThat(catalog.find("JJF(纺织) 16-1985")).isPresent();
        assertThat(catalog.find("GB/T 19001-2016"))
                .get()
                .satisfies(s -> assertThat(s.getSource()).isEqualTo(LDASSISTANT));
    }

    @Test
    void anImportCountsEachRefusalWithItsReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("refusals.jsonl");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "{\"id_raw\":\"GA/T 9600.1~9600.5-2006\",\"source\":\"test:cn\"}",
                        "{\"id_raw\":\"DB50/T 19005-2023 DB51/T 19005-2023\",\"source\":\"test:cn\"}",
                        "{\"id_raw\":\"JJG(豫) 901-2024\",\"title_zh\":\"测试检定规程\",\"source\":\"test:cn\"}",
                        "{\"id_raw\":\"这不是标准号\",\"source\":\"test:cn\"}"),
                UTF_8);

        ImportReport report = importer.importFile(file);

        assertThat(report.read()).isEqualTo(4);
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.problems())
                .extracting(ImportReport.Problem::reason)
                .satisfiesExactly(
                        r -> assertThat(r).contains("refused (RANGE)", "a range of standards"),
                        r -> assertThat(r).contains("refused (JOINT)", "several designations in one"),
                        r -> assertThat(r).contains("cannot be read", "这不是标准号"));
        assertThat(catalog.detail("JJG(豫) 901-2024").prefix()).isEqualTo("JJG(豫)");
    }

    @Test
    void theImportCommandPrintsEachRefusalAndTheCountsPerRule(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cli-refusals.jsonl");
        Files.writeString(
                file,
                "{\"id_raw\":\"GB 9100~9102-1993\",\"source\":\"test:cn\"}\n"
                        + "{\"id_raw\":\"GB 9095-1979(1990)\",\"source\":\"test:cn\"}\n",
                UTF_8);

        Outcome out = run("import", file.toString());

        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(out.out())
                .contains("rejected cli-refusals.jsonl:1 [GB 9100~9102-1993]", "refused (RANGE)")
                .contains("refused (REAFFIRMED)")
                .contains("refused by rule: {RANGE=1, REAFFIRMED=1}")
                .contains("2 read, 0 inserted, 0 updated, 0 unchanged, 2 rejected");
    }

    @Test
    void theShippedOverlapsWereMergedAfterTheSeedWithBothSourcesShown() {
        // the first merge, on first start right after the seed (another test merges the same file again)
        var first = jdbc.queryForMap(
                "select id, updated, rejected from import_batch where id = (select min(id) from import_batch"
                        + " where status = 'finished' and source_name = ?)",
                "overlay: cn_csres_overlaps.jsonl.gz");
        assertThat(((Number) first.get("updated")).longValue()).isEqualTo(MERGED_ON_FIRST_START);
        assertThat(((Number) first.get("rejected")).longValue()).isZero();
        Long seedBatch = jdbc.queryForObject("select min(id) from import_batch where status = 'finished'", Long.class);
        assertThat(((Number) first.get("id")).longValue()).isEqualTo(seedBatch + 1);
        // nobody could be watching a catalog seeded by this start: no change log for the merge
        assertThat(catalog.changesIn(((Number) first.get("id")).longValue())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from standard_source where source like 'github:%'", Long.class))
                .isGreaterThanOrEqualTo(MERGED_ON_FIRST_START);
        // a standard of the energy file (no dates, no classes) gained them from LDAssistant
        StandardDetail d = catalog.detail("DB15/T 3875-2025");
        assertThat(d.ics()).extracting(StandardDetail.ClassRef::code).containsExactly("07.060");
        assertThat(d.ccs()).extracting(StandardDetail.ClassRef::code).containsExactly("A47");
        assertThat(d.published()).isEqualTo("2025-02-17");
        assertThat(d.implemented()).isEqualTo("2025-03-17");
        assertThat(d.provenance().source()).contains("tang730125633/dai-zerocarbon-kb");
        assertThat(d.provenance().merged()).singleElement().satisfies(m -> {
            assertThat(m.source()).isEqualTo(LDASSISTANT);
            assertThat(m.fields()).containsExactly("published", "implemented", "ics", "ccs");
            assertThat(m.licence()).isEqualTo("none stated");
        });
        // the standard's index document has the classes it gained
        assertThat(catalog.search(StandardSearchQuery.of("DB15/T 3875-2025")).items())
                .first()
                .extracting(StandardSearchResult.Hit::designation)
                .isEqualTo("DB15/T 3875-2025");
    }

    @Test
    void mergingTheShippedOverlapsAgainChangesNothing(PublishedEvents events) throws IOException {
        long version = jdbc.queryForObject("select max(version) from standard", Long.class);
        long sources = jdbc.queryForObject("select count(*) from standard_source", Long.class);
        var file = new ClassPathResource("seed/overlaps/cn_csres_overlaps.jsonl.gz");
        OverlapMerge.OverlayReport report;
        try (var in = file.getInputStream()) {
            report = overlapMerge.merge(List.of(new OverlapMerge.Overlay(in, "cn_csres_overlaps.jsonl.gz")), true);
        }
        assertThat(report.read()).isEqualTo(1_423);
        assertThat(report.merged()).isZero();
        assertThat(report.fieldsAdded()).isEmpty();
        assertThat(report.unchanged() + report.rejected()).isEqualTo(1_423);
        assertThat(jdbc.queryForObject("select max(version) from standard", Long.class))
                .isEqualTo(version);
        assertThat(jdbc.queryForObject("select count(*) from standard_source", Long.class))
                .isEqualTo(sources);
        assertThat(catalog.changesIn(report.batchId())).isEmpty();
        assertThat(events.ofType(CatalogUpdated.class)).isEmpty();
    }

    @Test
    void anOverlayFillsOnlyWhatTheStandardLacksAndWatchersHearOfTheStatus(PublishedEvents events) throws IOException {
        String base =
                "{\"id_raw\":\"T/CNTEST 101-2025\",\"title_zh\":\"覆盖合并测试\",\"published\":\"2025-01-01\",\"source\":\"test:cn:base\"}";
        importer.importStream(new ByteArrayInputStream(base.getBytes(UTF_8)), "base.jsonl", -1);
        String overlay = String.join(
                "\n",
                // status and ICS are missing and filled; the published date is present and kept; tc is not offered
                "{\"id_raw\":\"T/CNTEST 101-2025\",\"status\":\"current\",\"status_raw\":\"现行\","
                        + "\"published\":\"2024-12-01\",\"ics\":[\"01.120\"],\"ccs\":[\"A00\"],\"tc\":\"SAC/TC 1\","
                        + "\"source\":\"test:cn:overlay\",\"overlaps_file\":\"base.jsonl\","
                        + "\"adds\":[\"status\",\"published\",\"ics\"]}",
                "{\"id_raw\":\"T/CNTEST 999-2025\",\"status\":\"current\",\"source\":\"test:cn:overlay\",\"adds\":[\"status\"]}",
                "{\"id_raw\":\"T/CNTEST 101-2025\",\"source\":\"test:cn:overlay\"}",
                "{\"id_raw\":\"T/CNTEST 101-2025\",\"source\":\"test:cn:overlay\",\"adds\":[\"title_zh\"]}");

        OverlapMerge.OverlayReport first = merge(overlay);

        assertThat(first.read()).isEqualTo(4);
        assertThat(first.merged()).isEqualTo(1);
        assertThat(first.fieldsAdded()).containsOnlyKeys("status", "ics");
        assertThat(first.problems())
                .extracting(ImportReport.Problem::line, ImportReport.Problem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                2, "no standard T/CNTEST 999-2025 in the catalog to add fields to"),
                        org.assertj.core.groups.Tuple.tuple(3, "an overlay line must name the fields it adds ('adds')"),
                        org.assertj.core.groups.Tuple.tuple(
                                4,
                                "'adds' names 'title_zh', not one of [status, status_raw, publisher, published,"
                                        + " implemented, tc, ics, ccs, replaces, replaced_by]"));
        StandardDetail d = catalog.detail("T/CNTEST 101-2025");
        assertThat(d.status()).isEqualTo("current");
        assertThat(d.statusRaw()).isEqualTo("现行");
        assertThat(d.published()).isEqualTo("2025-01-01");
        assertThat(d.committee()).isNull();
        assertThat(d.ics()).extracting(StandardDetail.ClassRef::code).containsExactly("01.120");
        assertThat(d.ccs()).isEmpty();
        assertThat(d.provenance().source()).isEqualTo("test:cn:base");
        assertThat(d.provenance().merged()).singleElement().satisfies(m -> {
            assertThat(m.source()).isEqualTo("test:cn:overlay");
            assertThat(m.fields()).containsExactly("status", "ics");
            assertThat(m.importBatch()).isEqualTo(first.batchId());
        });
        // published as a catalog change: the status it gained is a status change for watchers
        assertThat(events.ofType(CatalogUpdated.class)).contains(new CatalogUpdated(first.batchId(), 0, 1));
        assertThat(catalog.changesIn(first.batchId())).singleElement().satisfies(c -> {
            assertThat(c.designation()).isEqualTo("T/CNTEST 101-2025");
            assertThat(c.kind()).isEqualTo(StandardChange.Kind.STATUS);
            assertThat(c.statusBefore()).isNull();
            assertThat(c.statusAfter()).isEqualTo("current");
        });
        // the index was refreshed after the merge
        assertThat(catalog.search(StandardSearchQuery.of("覆盖合并测试")).items())
                .first()
                .extracting(StandardSearchResult.Hit::designation)
                .isEqualTo("T/CNTEST 101-2025");

        // a second run changes nothing and tells nobody
        OverlapMerge.OverlayReport second = merge(overlay);
        assertThat(second.merged()).isZero();
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(catalog.changesIn(second.batchId())).isEmpty();
        assertThat(events.ofType(CatalogUpdated.class)).doesNotContain(new CatalogUpdated(second.batchId(), 0, 1));
        assertThat(catalog.detail("T/CNTEST 101-2025").provenance().merged()).hasSize(1);

        // the detail API and page show both sources
        assertThat(mvc.get().uri("/api/v1/standards/{d}", "T/CNTEST 101-2025"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.provenance.source").isEqualTo("test:cn:base");
                    assertThat(json)
                            .extractingPath("$.provenance.merged[0].source")
                            .isEqualTo("test:cn:overlay");
                    assertThat(json)
                            .extractingPath("$.provenance.merged[0].fields")
                            .asArray()
                            .containsExactly("status", "ics");
                });
        assertThat(mvc.get().uri("/standards/{d}", "T/CNTEST 101-2025").header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("test:cn:base", "补充来源", "标准状态、ICS 分类", "来自 test:cn:overlay");
        assertThat(mvc.get().uri("/standards/{d}", "T/CNTEST 101-2025").param("lang", "en"))
                .hasStatusOk()
                .bodyText()
                .contains("Fields from another source", "status, ICS", "from test:cn:overlay");
    }

    @Test
    void theImportCommandMergesAnOverlay(@TempDir Path dir) throws Exception {
        importer.importStream(
                new ByteArrayInputStream(
                        "{\"id_raw\":\"T/CNTEST 102-2025\",\"source\":\"test:cn:base\"}".getBytes(UTF_8)),
                "base.jsonl",
                -1);
        Path file = dir.resolve("overlay.jsonl");
        Files.writeString(
                file,
                "{\"id_raw\":\"T/CNTEST 102-2025\",\"implemented\":\"2025-06-01\",\"ccs\":[\"A00\"],"
                        + "\"source\":\"test:cn:overlay\",\"adds\":[\"implemented\",\"ccs\"]}\n",
                UTF_8);

        Outcome first = run("import", "--overlay", file.toString());
        Outcome again = run("import", "--overlay", file.toString());

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("overlay: 1 read, 1 standards gained fields {ccs=1, implemented=1}");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("overlay: 1 read, 0 standards gained fields {}, 1 unchanged, 0 rejected");
        assertThat(catalog.detail("T/CNTEST 102-2025").implemented()).isEqualTo("2025-06-01");
    }

    private OverlapMerge.OverlayReport merge(String lines) throws IOException {
        return overlapMerge.merge(
                List.of(new OverlapMerge.Overlay(new ByteArrayInputStream(lines.getBytes(UTF_8)), "overlay.jsonl")),
                true);
    }

    record Outcome(int exitCode, String out, String err) {}

    private Outcome run(String command, String... args) throws Exception {
        StdHubCommand target = commands.stream()
                .filter(c -> c.name().equals(command))
                .findFirst()
                .orElseThrow();
        PrintStream out = System.out;
        PrintStream err = System.err;
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, UTF_8));
        System.setErr(new PrintStream(stderr, true, UTF_8));
        try {
            int exit = target.run(List.of(args));
            return new Outcome(exit, stdout.toString(UTF_8), stderr.toString(UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
