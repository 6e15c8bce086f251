package org.stdhub.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.CatalogTest;

/**
 * Facet counting beyond the exact limit (lowered here to reach it on the shipped catalog): the total stays
 * exact, the counts are estimated from a sample, flagged approximate, and close to the exact ones.
 */
@CatalogTest
class FacetSamplingTests {

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    FacetCounter exact;

    @Test
    void beyondTheLimitCountsAreSampledAndCloseToTheExactOnes() {
        FacetCounter sampled = new FacetCounter(emf, 5_000);
        FacetCounter.Counts truth = exact.count(new MatchAllDocsQuery());
        FacetCounter.Counts estimate = sampled.count(new MatchAllDocsQuery());

        assertThat(truth.approximate()).isFalse();
        assertThat(estimate.approximate()).isTrue();
        assertThat(estimate.total()).isEqualTo(truth.total()).isGreaterThan(80_000);
        // the sample is drawn with a fixed seed: the same search gives the same counts
        assertThat(sampled.count(new MatchAllDocsQuery()).byField()).isEqualTo(estimate.byField());

        Map<String, Long> trueKinds = truth.byField().get("kind");
        Map<String, Long> estimatedKinds = estimate.byField().get("kind");
        trueKinds.forEach((kind, count) -> {
            if (count > 10_000) {
                assertThat((double) estimatedKinds.get(kind)).as(kind).isCloseTo(count, within(count * 0.15));
            }
        });
        long statusSum = estimate.byField().get("status").values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertThat((double) statusSum).isCloseTo(truth.total(), within(truth.total() * 0.05));
    }

    @Test
    void withinTheLimitCountsAreExact() {
        FacetCounter sampled = new FacetCounter(emf, 5_000);
        var iso = new TermQuery(new Term("body", "IEC"));
        FacetCounter.Counts truth = exact.count(iso);
        assertThat(truth.total()).isBetween(1L, 100_000L);
        FacetCounter.Counts counts = new FacetCounter(emf, (int) truth.total()).count(iso);
        assertThat(counts.approximate()).isFalse();
        assertThat(counts.byField()).isEqualTo(truth.byField());
        // Lucene samples in whole bins: below twice the limit every match is kept and the counts stay exact
        assertThat(sampled.count(iso).approximate()).isEqualTo(truth.total() >= 10_000);
    }
}
