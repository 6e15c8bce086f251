package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.CatalogTest;

/**
 * Facet counts on the shipped catalog agree with the searches they lead to: each bucket's count is the total
 * of the same search filtered by that value, and the total agrees with the search without facets.
 */
@CatalogTest
class CatalogFacetTests {

    @Autowired
    CatalogService catalog;

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "medical devices", "医疗器械", "ISO 9001", "road vehicles electrical"})
    void eachBucketCountsWhatItsFilterFinds(String text) {
        var result = catalog.search(StandardSearchQuery.of(text));
        assertThat(result.total()).isPositive();
        var facets = result.facets();
        assertThat(facets.status()).isNotEmpty();
        assertThat(facets.status().stream()
                        .mapToLong(StandardSearchResult.Bucket::count)
                        .sum())
                .as("every standard has one status")
                .isEqualTo(result.total());
        assertThat(facets.kind().stream()
                        .mapToLong(StandardSearchResult.Bucket::count)
                        .sum())
                .as("every standard has one kind")
                .isEqualTo(result.total());

        for (var b : facets.status()) {
            assertThat(total(text, List.of(b.value()), null, null, null, null)).isEqualTo(b.count());
        }
        for (var b : facets.body().subList(0, Math.min(3, facets.body().size()))) {
            assertThat(total(text, null, List.of(b.value()), null, null, null)).isEqualTo(b.count());
        }
        for (var b : facets.kind().subList(0, Math.min(3, facets.kind().size()))) {
            assertThat(total(text, null, null, List.of(b.value()), null, null)).isEqualTo(b.count());
        }
        for (var b : facets.ics().subList(0, Math.min(3, facets.ics().size()))) {
            assertThat(total(text, null, null, null, b.value(), null)).isEqualTo(b.count());
        }
        for (var b : facets.year().subList(0, Math.min(3, facets.year().size()))) {
            int year = Integer.parseInt(b.value());
            assertThat(total(text, null, null, null, null, year)).isEqualTo(b.count());
        }
        if (result.total() < 10_000) {
            assertThat(catalog.searchHits(StandardSearchQuery.of(text)).total()).isEqualTo(result.total());
        }
    }

    @org.junit.jupiter.api.Test
    void theYearFacetListsNewestFirstAndTheIcsFacetItsTopLevelFields() {
        var result = catalog.search(StandardSearchQuery.of("medical devices"));
        List<Integer> years = result.facets().year().stream()
                .map(b -> Integer.valueOf(b.value()))
                .toList();
        assertThat(years).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(result.facets().ics()).allSatisfy(b -> assertThat(b.value()).matches("\\d{2}"));
    }

    private long total(
            String text, List<String> status, List<String> body, List<String> kind, String ics, Integer year) {
        return catalog.search(new StandardSearchQuery(text, status, body, kind, ics, null, year, year, null, 0, 10))
                .total();
    }
}
