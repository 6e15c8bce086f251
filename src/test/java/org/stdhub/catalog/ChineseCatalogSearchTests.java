package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.CatalogTest;

/** With the csres/biaozhun catalogues shipped, the common Chinese standards are found, the typed edition first. */
@CatalogTest
class ChineseCatalogSearchTests {

    @Autowired
    CatalogService catalog;

    @ParameterizedTest(name = "{0} finds {1} first")
    @CsvSource(
            delimiter = '|',
            value = {
                "GB/T 19001 | GB/T 19001-2016",
                "gb/t19001 | GB/T 19001-2016",
                "GB/T 19001-2016 | GB/T 19001-2016",
                "GBT19001—2016 | GB/T 19001-2016",
                "gb t 19001 2016 | GB/T 19001-2016",
                "JJF(纺织) 16-1985 | JJF(纺织) 16-1985",
                "jjf（纺织）16 | JJF(纺织) 16-1985",
            })
    void aChineseDesignationFindsItsStandardFirst(String typed, String expected) {
        var result = catalog.search(StandardSearchQuery.of(typed));
        assertThat(result.items())
                .as("results for %s", typed)
                .isNotEmpty()
                .first()
                .extracting(StandardSearchResult.Hit::designation)
                .isEqualTo(expected);
    }
}
