package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.PostgresTest;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;

/**
 * The catalog on the real PostgreSQL of this machine (profile {@code postgres}): migrations, seed import,
 * recursive replacement chains, adoption links, search and the HTTP API. Shares the PostgreSQL tests'
 * context ({@link PostgresTest}).
 */
@PostgresTest
class PostgresCatalogTests {

    @Autowired
    CatalogService catalog;

    @Autowired
    StandardImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    @Test
    void runsOnPostgresqlWithTheMigratedSchema() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("PostgreSQL");
        assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo(PostgresTest.SCHEMA);
        // cn files (2149 + 2256 + 4) + the ISO and IEC samples
        assertThat(catalog.count()).isGreaterThan(4_400);
        assertThat(jdbc.queryForObject("select count(*) from ics_class", Long.class))
                .isEqualTo(1381);
    }

    @Test
    void replacementChainIsWalkedByTheRecursiveQuery() {
        StandardDetail middle = catalog.detail("ISO 1:2002");
        assertThat(middle.replacementChain())
                .extracting(l -> l.standard().designation())
                .containsExactly("ISO 1:1975", "ISO 1:2002", "ISO 1:2016", "ISO 1:2022");
        Standard oldest = catalog.find("ISO 1:1975").orElseThrow();
        assertThat(catalog.currentReplacements(oldest))
                .extracting(Standard::getDesignation)
                .containsExactly("ISO 1:2022");
    }

    @Test
    void adoptionsAreLinkedAndChineseSearchReachesTheAdoptedStandard() {
        StandardDetail gb = catalog.detail("GB/T 42061-2022");
        assertThat(gb.adoptions())
                .singleElement()
                .satisfies(a -> assertThat(a.standard().inCatalog()).isTrue());
        assertThat(catalog.search(StandardSearchQuery.of("质量管理体系 用于法规的要求").withPage(0, 50))
                        .items())
                .extracting(StandardSearchResult.Hit::designation)
                .contains("GB/T 42061-2022", "ISO 13485:2016");
        assertThat(catalog.search(StandardSearchQuery.of("gbt42061—2022"))
                        .items()
                        .getFirst()
                        .designation())
                .isEqualTo("GB/T 42061-2022");
    }

    @Test
    void importIsIdempotentAndRejectsBadLinesOnPostgresql() throws IOException {
        String lines = "{\"id_raw\":\"T/STDHUB 100-2025\",\"title_zh\":\"数据库测试\",\"source\":\"test\"}\n"
                + "{\"id_raw\":\"T/STDHUB 101-2025\",\"status\":\"gone\",\"source\":\"test\"}\n";
        ImportReport first =
                importer.importStream(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "pg.jsonl", -1);
        ImportReport second =
                importer.importStream(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "pg.jsonl", -1);
        assertThat(first.inserted()).isEqualTo(1);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(first.problems().getFirst().line()).isEqualTo(2);
        assertThat(second.inserted() + second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(1);
    }

    @Test
    void apiAnswersFromPostgresql() {
        assertThat(mvc.get().uri("/api/v1/standards/{d}", "YY 0055-2026"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.replaces[0].designation")
                .isEqualTo("YY 0055-2018");
    }
}
