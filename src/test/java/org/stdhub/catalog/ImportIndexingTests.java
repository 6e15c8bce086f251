package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.index.IndexReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stdhub.CatalogTest;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.catalog.search.CatalogIndexer;

/**
 * The search index an import feeds from the records it writes (no rebuild afterwards): it matches the database, it
 * carries the Chinese titles of adopting standards whichever comes first, and a re-import touches none of it.
 */
@CatalogTest
class ImportIndexingTests {

    @Autowired
    StandardImporter importer;

    @Autowired
    CatalogService catalog;

    @Autowired
    CatalogIndexer indexer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory emf;

    private ImportReport importLines(String name, String... lines) throws IOException {
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        return importer.importStream(new ByteArrayInputStream(bytes), name, bytes.length);
    }

    private java.util.List<String> found(String text) {
        return catalog.search(StandardSearchQuery.of(text)).items().stream()
                .map(StandardSearchResult.Hit::designation)
                .toList();
    }

    @Test
    void theFirstStartIndexedEveryShippedStandardWithThisMapping() {
        Long standards = jdbc.queryForObject("select count(*) from standard", Long.class);
        assertThat(indexer.indexedCount()).isEqualTo(standards);
        assertThat(indexer.isCurrentMapping()).isTrue();
        // a sample of the catalog, each found by its designation
        jdbc.queryForList("select designation from standard where mod(id, 997) = 0", String.class)
                .forEach(designation ->
                        assertThat(found(designation)).as(designation).contains(designation));
    }

    @Test
    void anAdopterInTheSameImportPutsItsChineseTitleIntoTheAdoptedStandardsDocument() throws IOException {
        ImportReport report = importLines(
                "same-import.jsonl",
                "{\"id_raw\":\"ISO 99991:2025\",\"title_en\":\"Quokka gearing\",\"status\":\"current\",\"source\":\"test\"}",
                "{\"id_raw\":\"GB/T 99991-2025\",\"title_zh\":\"袋鼬齿轮传动规范\",\"status\":\"current\","
                        + "\"adoption\":[{\"designation\":\"ISO 99991:2025\",\"degree\":\"IDT\"}],\"source\":\"test\"}");

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(found("袋鼬齿轮传动规范")).contains("GB/T 99991-2025", "ISO 99991:2025");
        assertThat(jdbc.queryForObject(
                        "select count(*) from standard_adoption a join standard s on s.id = a.international_id"
                                + " where s.designation = 'ISO 99991:2025'",
                        Long.class))
                .isEqualTo(1);
    }

    @Test
    void anAdopterImportedLaterReachesTheAdoptedStandardAndLeavesItWhenItNoLongerAdoptsIt() throws IOException {
        importLines(
                "iso-first.jsonl",
                "{\"id_raw\":\"ISO 99992:2025\",\"title_en\":\"Platypus valves\",\"status\":\"current\",\"source\":\"test\"}");
        assertThat(found("鸭嘴兽阀门试验方法")).doesNotContain("ISO 99992:2025");

        importLines(
                "adopter-later.jsonl",
                "{\"id_raw\":\"GB/T 99992-2025\",\"title_zh\":\"鸭嘴兽阀门试验方法\",\"status\":\"current\","
                        + "\"adoption\":[{\"designation\":\"ISO 99992:2025\",\"degree\":\"MOD\"}],\"source\":\"test\"}");
        assertThat(found("鸭嘴兽阀门试验方法")).contains("GB/T 99992-2025", "ISO 99992:2025");

        ImportReport dropped = importLines(
                "adoption-dropped.jsonl",
                "{\"id_raw\":\"GB/T 99992-2025\",\"title_zh\":\"鸭嘴兽阀门试验方法\",\"status\":\"current\","
                        + "\"source\":\"test\"}");
        assertThat(dropped.updated()).isEqualTo(1);
        assertThat(found("鸭嘴兽阀门试验方法")).contains("GB/T 99992-2025").doesNotContain("ISO 99992:2025");
    }

    @Test
    void relationsAreLinkedBothWaysWhicheverEndComesFirst() throws IOException {
        importLines(
                "editions.jsonl",
                "{\"id_raw\":\"ISO 99993:2020\",\"title_en\":\"Wombat burrows\",\"status\":\"withdrawn\","
                        + "\"replaced_by\":[\"ISO 99993:2025\"],\"source\":\"test\"}",
                "{\"id_raw\":\"ISO 99993:2025\",\"title_en\":\"Wombat burrows\",\"status\":\"current\","
                        + "\"replaces\":[\"ISO 99993:2020\"],\"source\":\"test\"}");

        // the first points forward (linked once the import is in), the second back (linked as it is written)
        assertThat(jdbc.queryForList(
                        "select r.kind || ' ' || t.designation from standard_relation r join standard s on s.id = r.standard_id"
                                + " join standard t on t.id = r.target_id where s.designation like 'ISO 99993:%'"
                                + " order by r.kind",
                        String.class))
                .containsExactly("REPLACED_BY ISO 99993:2025", "REPLACES ISO 99993:2020");
        assertThat(jdbc.queryForObject(
                        "select count(*) from standard_relation r join standard s on s.id = r.standard_id"
                                + " where s.designation like 'ISO 99993:%' and r.target_id is null",
                        Long.class))
                .isZero();
    }

    @Test
    void reimportingTheSameRecordsWritesNoDocument() throws IOException {
        String[] lines = {
            "{\"id_raw\":\"T/STDHUB 003-2025\",\"title_zh\":\"重复导入测试\",\"status\":\"current\",\"source\":\"test\"}",
            "{\"id_raw\":\"T/STDHUB 004-2025\",\"title_zh\":\"重复导入测试二\",\"status\":\"current\",\"source\":\"test\"}"
        };
        assertThat(importLines("once.jsonl", lines).inserted()).isEqualTo(2);
        int[] before = documents();

        ImportReport again = importLines("twice.jsonl", lines);

        assertThat(again.unchanged()).isEqualTo(2);
        // no document added or replaced: a replaced document would leave a deleted one behind
        assertThat(documents()).containsExactly(before);
        assertThat(found("重复导入测试")).contains("T/STDHUB 003-2025");
    }

    /** Documents in the index: live ones, and all including deleted ones. */
    private int[] documents() throws IOException {
        try (IndexReader reader = Search.mapping(emf)
                .scope(Standard.class)
                .extension(LuceneExtension.get())
                .openIndexReader()) {
            return new int[] {reader.numDocs(), reader.maxDoc()};
        }
    }
}
