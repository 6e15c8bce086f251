package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.CatalogTest;

/** Search over the whole shipped catalog: designations in sloppy forms, Chinese and English titles, facets. */
@CatalogTest
class CatalogSearchTests {

    @Autowired
    CatalogService catalog;

    @ParameterizedTest(name = "{0} finds {1} first")
    @CsvSource(
            delimiter = '|',
            value = {
                "GB/T 42061-2022 | GB/T 42061-2022",
                "gbt42061-2022 | GB/T 42061-2022",
                "GB／T 42061—2022 | GB/T 42061-2022",
                "gb/t 42061 | GB/T 42061-2022",
                "42061 | GB/T 42061-2022",
                "ISO 13485 | ISO 13485:2016",
                "iso13485:2016 | ISO 13485:2016",
                "ISO 13485:2003 | ISO 13485:2003",
                "YY 0055 | YY 0055-2018",
                "ISO 1:2002 | ISO 1:2002",
                "IEC 60601-1 | IEC 60601-1:2005",
                "ISO 9001 | ISO 9001:2015",
            })
    void sloppyDesignationsFindTheRightStandardFirst(String typed, String expected) {
        var result = catalog.search(StandardSearchQuery.of(typed));
        assertThat(result.items()).isNotEmpty();
        if (typed.equals("IEC 60601-1")) {
            // several editions of IEC 60601-1 exist; the one in force must come first
            assertThat(result.items().getFirst().designation()).startsWith("IEC 60601-1:");
            assertThat(result.items().getFirst().status()).isEqualTo("current");
            return;
        }
        assertThat(result.items().getFirst().designation()).isEqualTo(expected);
    }

    @Test
    void chineseWordsFindChineseTitlesWithHighlights() {
        var result = catalog.search(StandardSearchQuery.of("医疗器械 质量管理体系"));
        assertThat(result.total()).isPositive();
        assertThat(result.items())
                .extracting(StandardSearchResult.Hit::designation)
                .contains("GB/T 42061-2022");
        var hit = result.items().stream()
                .filter(h -> h.designation().equals("GB/T 42061-2022"))
                .findFirst()
                .orElseThrow();
        assertThat(hit.highlightZh()).contains("<mark>");
    }

    @Test
    void chineseSearchReachesTheInternationalStandardAChineseOneAdopts() {
        // GB/T 42061-2022 "医疗器械 质量管理体系 用于法规的要求" adopts ISO 13485:2016 IDT
        var result = catalog.search(StandardSearchQuery.of("质量管理体系 用于法规的要求").withPage(0, 50));
        assertThat(result.items())
                .extracting(StandardSearchResult.Hit::designation)
                .contains("ISO 13485:2016");
    }

    @Test
    void englishWordsAreStemmed() {
        var result = catalog.search(StandardSearchQuery.of("medical device quality management system"));
        assertThat(result.items().subList(0, 10))
                .extracting(StandardSearchResult.Hit::designation)
                .anyMatch(d -> d.startsWith("ISO 13485"));
    }

    @Test
    void facetsCountAndFilter() {
        var all = catalog.search(StandardSearchQuery.of(""));
        assertThat(all.total()).isGreaterThan(80_000);
        assertThat(all.facets().kind())
                .extracting(StandardSearchResult.Bucket::value)
                .contains("international", "national-recommended", "industry");
        assertThat(all.facets().ics()).allSatisfy(b -> assertThat(b.value()).matches("\\d{2}"));

        var iso = new StandardSearchQuery(
                "", java.util.List.of("current"), java.util.List.of("ISO"), null, "11", null, 2010, 2020, null, 0, 20);
        var filtered = catalog.search(iso);
        assertThat(filtered.total()).isPositive().isLessThan(all.total());
        assertThat(filtered.items()).allSatisfy(h -> {
            assertThat(h.status()).isEqualTo("current");
            assertThat(h.designation()).matches("^(ISO|IWA).*"); // IWA documents are published by ISO
            assertThat(h.ics()).anyMatch(c -> c.startsWith("11"));
            assertThat(Integer.parseInt(h.published().substring(0, 4))).isBetween(2010, 2020);
        });
        // drill-down: under field 11 the ICS facet offers its groups
        assertThat(filtered.facets().ics())
                .allSatisfy(b -> assertThat(b.value()).startsWith("11."));
    }

    @Test
    void sortsByDesignationNaturally() {
        var q = new StandardSearchQuery(
                "ISO 1",
                null,
                java.util.List.of("ISO"),
                null,
                null,
                null,
                null,
                null,
                StandardSearchQuery.Sort.DESIGNATION,
                0,
                5);
        var result = catalog.search(q);
        assertThat(result.items())
                .extracting(StandardSearchResult.Hit::designation)
                .first()
                .asString()
                .startsWith("ISO 1:");
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> catalog.search(StandardSearchQuery.of("x").withPage(0, 101)))
                .isInstanceOfSatisfying(
                        InvalidSearchException.class,
                        e -> assertThat(e.parameter()).isEqualTo("size"));
        assertThatThrownBy(() -> catalog.search(StandardSearchQuery.of("x").withPage(-1, 10)))
                .isInstanceOfSatisfying(
                        InvalidSearchException.class,
                        e -> assertThat(e.parameter()).isEqualTo("page"));
        assertThatThrownBy(() -> catalog.search(StandardSearchQuery.of("x".repeat(501))))
                .isInstanceOfSatisfying(
                        InvalidSearchException.class,
                        e -> assertThat(e.parameter()).isEqualTo("q"));
        assertThatThrownBy(() -> catalog.search(new StandardSearchQuery(
                        "", java.util.List.of("obsolete"), null, null, null, null, null, null, null, 0, 10)))
                .isInstanceOfSatisfying(
                        InvalidSearchException.class,
                        e -> assertThat(e.parameter()).isEqualTo("status"));
    }
}
