package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;
import org.junit.jupiter.api.Test;
import org.stdhub.talent.draw.DrawGenerator;
import org.stdhub.talent.draw.DrawInputs;
import org.stdhub.talent.draw.DrawVerifier;

/**
 * The deterministic draw: reproducible from its published inputs, refused when any input is changed, and fair (each
 * eligible expert drawn with equal frequency, over fixed seeds so the test never flickers).
 */
class DrawGeneratorTests {

    static final String SEED = "5f1c8e0a3b9d47e2a6c4f0b8d2e9a1c37b5d8f0e2a4c6b8d0f1e3a5c7b9d1f20";

    static DrawInputs inputs() {
        return new DrawInputs(
                DrawGenerator.ALGORITHM,
                42,
                5,
                2,
                List.of(31L, 3L, 7L, 12L, 15L, 18L, 21L, 22L, 25L, 27L, 40L),
                List.of("12:SAME_EMPLOYER", "3:PENALTY", "12:DRAFTING_GROUP"));
    }

    static String seed(int i) {
        return DrawInputs.sha256Hex(("fixed seed " + i).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theInputsAreCanonicalSortedAndTheEligibleAreThePoolWithoutTheExcluded() {
        DrawInputs in = inputs();
        assertThat(in.pool()).containsExactly(3L, 7L, 12L, 15L, 18L, 21L, 22L, 25L, 27L, 31L, 40L);
        assertThat(in.exclusions()).containsExactly("3:PENALTY", "12:DRAFTING_GROUP", "12:SAME_EMPLOYER");
        assertThat(in.eligible()).containsExactly(7L, 15L, 18L, 21L, 22L, 25L, 27L, 31L, 40L);
        assertThat(in.canonical()).contains("eligible=7,15,18,21,22,25,27,31,40\n");
        // the same inputs given in another order give the same hash
        DrawInputs shuffled = new DrawInputs(
                DrawGenerator.ALGORITHM,
                42,
                5,
                2,
                List.of(40L, 3L, 31L, 7L, 12L, 15L, 27L, 18L, 21L, 22L, 25L),
                List.of("3:PENALTY", "12:DRAFTING_GROUP", "12:SAME_EMPLOYER"));
        assertThat(shuffled.hash()).isEqualTo(in.hash());
    }

    @Test
    void aDrawIsReproducedFromItsPublishedInputs() {
        DrawInputs in = inputs();
        List<Long> first = DrawGenerator.order(SEED, in.hash(), in.eligible(), 7);
        List<Long> again = DrawGenerator.order(SEED, in.hash(), in.eligible(), 7);
        assertThat(first).hasSize(7).doesNotHaveDuplicates().isEqualTo(again);
        assertThat(in.eligible()).containsAll(first);
        String commitment = DrawInputs.sha256Hex(HexFormat.of().parseHex(SEED));
        DrawVerifier.Checks checks = DrawVerifier.verify(in, SEED, commitment, in.hash(), first);
        assertThat(checks.verified()).isTrue();
        assertThat(checks.recomputed()).isEqualTo(first);
    }

    @Test
    void aTamperedInputIsRefused() {
        DrawInputs in = inputs();
        String commitment = DrawInputs.sha256Hex(HexFormat.of().parseHex(SEED));
        List<Long> published = DrawGenerator.order(SEED, in.hash(), in.eligible(), 7);

        // another seed: does not match the commitment
        String otherSeed = seed(1);
        assertThat(DrawVerifier.verify(in, otherSeed, commitment, in.hash(), published)
                        .commitmentMatches())
                .isFalse();
        // an expert dropped from the pool: the inputs no longer match their hash, the result differs
        List<Long> pool = new ArrayList<>(in.pool());
        pool.remove(Long.valueOf(40L));
        DrawInputs fewer = new DrawInputs(in.algorithm(), 42, 5, 2, pool, in.exclusions());
        var checks = DrawVerifier.verify(fewer, SEED, commitment, in.hash(), published);
        assertThat(checks.inputsMatch()).isFalse();
        assertThat(checks.verified()).isFalse();
        // an exclusion removed
        DrawInputs lessExcluded = new DrawInputs(in.algorithm(), 42, 5, 2, in.pool(), List.of("3:PENALTY"));
        assertThat(DrawVerifier.verify(lessExcluded, SEED, commitment, in.hash(), published)
                        .verified())
                .isFalse();
        // a published result with two places swapped
        List<Long> swapped = new ArrayList<>(published);
        swapped.set(0, published.get(1));
        swapped.set(1, published.get(0));
        var swappedChecks = DrawVerifier.verify(in, SEED, commitment, in.hash(), swapped);
        assertThat(swappedChecks.inputsMatch()).isTrue();
        assertThat(swappedChecks.commitmentMatches()).isTrue();
        assertThat(swappedChecks.resultMatches()).isFalse();
        assertThat(swappedChecks.verified()).isFalse();
    }

    @Test
    void aKnownDrawKeepsItsResultAcrossVersions() {
        // pins the algorithm: if this changes, published draws could no longer be verified
        DrawInputs in = inputs();
        List<Long> result = DrawGenerator.order(SEED, in.hash(), in.eligible(), 7);
        assertThat(in.hash()).isEqualTo("de82b9b95713eade4cd001ef278c3de69876ed2382ef4cb38993176f09880a02");
        // the same list as an independent implementation of SP 800-90A HMAC_DRBG (docs/verify_draw.py, Python hmac)
        assertThat(result).containsExactly(21L, 40L, 15L, 25L, 27L, 22L, 31L);
        assertThat(result)
                .isEqualTo(
                        DrawGenerator.order(SEED, in.hash(), in.eligible(), 9).subList(0, 7));
        assertThat(DrawGenerator.ALGORITHM).isEqualTo("HMAC_DRBG-SHA256+FisherYates/v1");
    }

    @Test
    void aDrawNeedsAFullSeedAndEnoughEligibleExperts() {
        DrawInputs in = inputs();
        assertThatThrownBy(() -> DrawGenerator.order("abcd", in.hash(), in.eligible(), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DrawGenerator.order(SEED, in.hash(), in.eligible(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachEligibleExpertIsDrawnWithEqualFrequency() {
        List<Long> eligible = LongStream.rangeClosed(1, 12).boxed().toList();
        int draws = 6000;
        int picked = 3;
        long[] chosen = new long[eligible.size()];
        long[] first = new long[eligible.size()];
        for (int i = 0; i < draws; i++) {
            String hash = DrawInputs.sha256Hex(("inputs " + i).getBytes(StandardCharsets.UTF_8));
            List<Long> result = DrawGenerator.order(seed(i), hash, eligible, picked);
            assertThat(new HashSet<>(result)).hasSize(picked);
            for (Long id : result) {
                chosen[(int) (id - 1)]++;
            }
            first[(int) (result.get(0) - 1)]++;
        }
        SignificanceResult any = ChiSquareTest.withDefaults().test(chosen);
        SignificanceResult firstPlace = ChiSquareTest.withDefaults().test(first);
        // equal expected counts: 1500 per expert among the chosen, 500 in first place
        assertThat(LongStream.of(chosen).sum()).isEqualTo((long) draws * picked);
        assertThat(any.getPValue()).as("chi-square p of being drawn").isGreaterThan(0.001);
        assertThat(firstPlace.getPValue()).as("chi-square p of first place").isGreaterThan(0.001);
        // and the test would notice a biased draw: one expert never first
        long[] biased = first.clone();
        biased[1] += biased[0];
        biased[0] = 0;
        assertThat(ChiSquareTest.withDefaults().test(biased).getPValue()).isLessThan(0.001);
    }
}
