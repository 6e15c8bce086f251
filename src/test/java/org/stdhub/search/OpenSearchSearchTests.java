package org.stdhub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.StdHubApplication;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.StandardSearchResult;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.catalog.search.CatalogIndexer;

/**
 * The catalog search on OpenSearch (profile {@code cluster}: Hibernate Search's Elasticsearch backend, outbox-polling
 * coordination, PostgreSQL) against the embedded Lucene backend, both loaded with the same few hundred real records
 * ({@link OpenSearchTest#SAMPLE}): the same queries — designations typed sloppily, English and Chinese title phrases,
 * texts that only the relaxed match finds, filters, sorts — give the same totals, the same hits in the same order, the
 * same facets and the same highlights. The Lucene side is a second application (H2, its own data directory) started
 * by this class.
 */
@OpenSearchTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class OpenSearchSearchTests {

    private static ConfigurableApplicationContext lucene;

    @Autowired
    CatalogService catalog;

    @Autowired
    CatalogIndexer indexer;

    @Autowired
    StandardImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    @BeforeAll
    static void startTheEmbeddedBackend() {
        OpenSearchTest.Setup.writeSeedSample(Path.of(OpenSearchTest.SEED_SAMPLE));
        lucene = new SpringApplicationBuilder(StdHubApplication.class)
                .web(WebApplicationType.NONE)
                // as arguments: they must win over application.yml
                .run(
                        "--stdhub.data-dir=target/test-data/opensearch-lucene",
                        "--stdhub.seed.location=file:" + OpenSearchTest.SEED_SAMPLE + "/",
                        "--stdhub.seed.overlays=",
                        "--stdhub.development.deadline-cron=-",
                        "--stdhub.consulting.reminder-cron=-",
                        "--stdhub.demo.enabled=false",
                        "--spring.jmx.enabled=false");
    }

    @AfterAll
    static void stopTheEmbeddedBackend() {
        if (lucene != null) {
            lucene.close();
        }
    }

    private static boolean rebuilt;

    /**
     * Both indexes rebuilt once from their databases before the comparisons, each into one segment without deleted
     * documents: word scores (BM25) count deleted documents until they are merged away, and the two imports leave
     * different ones behind.
     */
    @org.junit.jupiter.api.BeforeEach
    void rebuildBothIndexesOnce() {
        if (!rebuilt) {
            assertThat(indexer.indexedCount())
                    .as("the import indexed every standard through the outbox")
                    .isEqualTo(jdbc.queryForObject("select count(*) from standard", Long.class));
            indexer.rebuild();
            lucene.getBean(CatalogIndexer.class).rebuild();
            rebuilt = true;
        }
    }

    private static CatalogService embedded() {
        return lucene.getBean(CatalogService.class);
    }

    @Test
    void theSeedIsIndexedThroughTheOutboxOnceEach() {
        long standards = jdbc.queryForObject("select count(*) from standard", Long.class);
        assertThat(standards).isBetween(500L, 700L);
        assertThat(indexer.indexedCount()).isEqualTo(standards);
        assertThat(jdbc.queryForObject("select count(*) from hsearch_outbox_event", Long.class))
                .isZero();
        assertThat(embedded().search(StandardSearchQuery.of("")).total()).isEqualTo(standards);
        assertThat(OpenSearchNode.single(OpenSearchTest.NODE).get("/_cat/plugins?h=component"))
                .contains("analysis-common", "analysis-smartcn", "reindex");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                // designations, typed sloppily
                "gbt42061—2022",
                "GB／T 42061",
                "iso14001:2015",
                "iso iec 27001 2013",
                "ISO 1",
                "IEC 60601-1-2",
                "yy/t 1433-2016",
                "gbt 16886.19",
                "NB/T 35071",
                // English title words and phrases
                "medical electrical equipment",
                "quality management systems",
                "environmental management",
                "general requirements for basic safety",
                "Requirements with guidance for use",
                "software life cycle",
                // Chinese title words and phrases
                "医疗器械质量",
                "医疗器械 质量管理体系",
                "抽水蓄能电站",
                "光伏发电站",
                "包装试验方法",
                "灭菌",
                "生物学评价",
                // only the relaxed match finds these
                "please find GB/T 42061-2022 for me",
                "医疗器械 xyzzy 质量",
            })
    void theSameQueryGivesTheSameResultsOnBothBackends(String text) {
        StandardSearchQuery q = StandardSearchQuery.of(text).withPage(0, 20);
        StandardSearchResult onOpenSearch = catalog.search(q);
        assertThat(onOpenSearch.total()).as("%s finds something", text).isPositive();
        assertSame(q, onOpenSearch, embedded().search(q));
        assertSame(q, catalog.searchHits(q), embedded().searchHits(q));
    }

    /**
     * On OpenSearch too the pages are cut from the first hits reordered one title first, so that they fit together
     * whichever is asked for, and the export lists the hits in that order.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"medical electrical equipment", "quality management systems", "医疗器械"})
    void thePagesAndTheExportFollowOneOrder(String text) {
        StandardSearchQuery q = StandardSearchQuery.of(text).withPage(0, 70);
        List<StandardSearchResult.Hit> hits = catalog.search(q).items();
        List<String> pageByPage = new java.util.ArrayList<>();
        // pages 0-4 are cut from the reordered first 50 hits, pages 5 and 6 fetched past them
        for (int page = 0; page < 7; page++) {
            catalog.search(StandardSearchQuery.of(text).withPage(page, 10)).items().stream()
                    .map(StandardSearchResult.Hit::designation)
                    .forEach(pageByPage::add);
        }
        List<String> designations =
                hits.stream().map(StandardSearchResult.Hit::designation).toList();
        assertThat(pageByPage).containsExactlyElementsOf(designations);
        assertThat(catalog.exportRows(q, 70).stream().map(org.stdhub.catalog.ExportRow::designation))
                .containsExactlyElementsOf(designations);
    }

    @Test
    void filtersSortsAndPagesAreTheSame() {
        List<StandardSearchQuery> queries = List.of(
                new StandardSearchQuery(
                        "医疗器械", List.of("current"), List.of(), List.of(), null, null, null, null, null, 0, 10),
                new StandardSearchQuery(
                        "",
                        List.of(),
                        List.of("YY"),
                        List.of("industry"),
                        null,
                        null,
                        2015,
                        2020,
                        StandardSearchQuery.Sort.DESIGNATION,
                        0,
                        10),
                new StandardSearchQuery(
                        "medical", List.of(), List.of(), List.of(), "11", null, null, null, null, 0, 10),
                new StandardSearchQuery(
                        "医疗器械",
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        StandardSearchQuery.Sort.DATE,
                        1,
                        10),
                new StandardSearchQuery(
                        "",
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        StandardSearchQuery.Sort.DESIGNATION,
                        2,
                        10));
        for (StandardSearchQuery q : queries) {
            StandardSearchResult onOpenSearch = catalog.search(q);
            assertThat(onOpenSearch.items()).as("%s", q).isNotEmpty();
            assertSame(q, onOpenSearch, embedded().search(q));
        }
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: it adds standards to the OpenSearch side only
    void anImportIsSearchableWhenItReturnsAndIndexedOnce() throws Exception {
        String lines = "{\"id_raw\":\"T/OSTEST 1-2026\",\"title_zh\":\"集群检索测试方法\",\"title_en\":\"Cluster search test"
                + " methods\",\"source\":\"test\"}\n"
                + "{\"id_raw\":\"T/OSTEST 2-2026\",\"title_zh\":\"集群检索第二部分\",\"source\":\"test\"}\n"
                // a dated edition and a record under the bare designation (as the shipped ISO catalog has)
                + "{\"id_raw\":\"ISO 99123:2024\",\"title_en\":\"Cluster ranking edition\",\"source\":\"test\"}\n"
                + "{\"id_raw\":\"ISO 99123\",\"title_en\":\"Cluster ranking next edition\",\"source\":\"test\"}\n";
        ImportReport report = importer.importStream(
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "opensearch.jsonl", -1);
        assertThat(report.inserted()).isEqualTo(4);
        assertThat(catalog.search(StandardSearchQuery.of("集群检索")).items())
                .extracting(StandardSearchResult.Hit::designation)
                .contains("T/OSTEST 1-2026", "T/OSTEST 2-2026");
        assertThat(catalog.search(StandardSearchQuery.of("tostest1"))
                        .items()
                        .getFirst()
                        .designation())
                .isEqualTo("T/OSTEST 1-2026");
        // the record designated exactly as the text reads comes first, as on the embedded backend
        assertThat(catalog.search(StandardSearchQuery.of("iso99123")).items())
                .extracting(StandardSearchResult.Hit::designation)
                .startsWith("ISO 99123", "ISO 99123:2024");
        assertThat(catalog.search(StandardSearchQuery.of("ISO 99123:2024")).items())
                .extracting(StandardSearchResult.Hit::designation)
                .startsWith("ISO 99123:2024");
        assertThat(indexer.indexedCount()).isEqualTo(jdbc.queryForObject("select count(*) from standard", Long.class));
        // the same import again changes nothing and indexes nothing
        ImportReport again = importer.importStream(
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "opensearch.jsonl", -1);
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(indexer.indexedCount()).isEqualTo(jdbc.queryForObject("select count(*) from standard", Long.class));
    }

    @Test
    void theApiAnswersFromOpenSearch() {
        assertThat(mvc.get().uri("/api/v1/standards/search?q={q}&lang=en", "gbt42061-2022"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].designation")
                .isEqualTo("GB/T 42061-2022");
        assertThat(mvc.get().uri("/api/v1/standards/search?q={q}", "x".repeat(600)))
                .hasStatus(400);
    }

    private static void assertSame(
            StandardSearchQuery q, StandardSearchResult openSearch, StandardSearchResult lucene) {
        assertThat(openSearch.total()).as("total of %s", q).isEqualTo(lucene.total());
        // the first hit (the tiers: designation keys, exact and near phrases) is the same; below it, word scores
        // (BM25) of the two engines differ in the last digits, so equally good titles may come in another order
        assertThat(openSearch.items().getFirst().designation())
                .as("first hit of %s", q)
                .isEqualTo(lucene.items().getFirst().designation());
        java.util.Map<String, String> marks = new java.util.HashMap<>();
        lucene.items().forEach(h -> marks.put(h.designation(), h.highlightZh() + " | " + h.highlightEn()));
        for (StandardSearchResult.Hit hit : openSearch.items()) {
            if (marks.containsKey(hit.designation())) {
                assertThat(hit.highlightZh() + " | " + hit.highlightEn())
                        .as("highlights of %s in %s", hit.designation(), q)
                        .isEqualTo(marks.get(hit.designation()));
            }
        }
        assertThat(openSearch.facets()).as("facets of %s", q).isEqualTo(lucene.facets());
    }
}
