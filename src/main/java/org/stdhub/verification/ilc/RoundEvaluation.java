package org.stdhub.verification.ilc;

import java.util.List;

/**
 * One comparison round: one result per lab → Algorithm A (third-significant-figure rule) gives x_pt = x* and σ_pt =
 * s*; u(x_pt) = 1.25 s* / √p; each lab scored by z, or by z′ when u(x_pt) is not negligible.
 */
public final class RoundEvaluation {

    public static final String EDITION = "ISO 13528:2022 (GB/T 28043-2019)";
    public static final String SIGMA_PT_SOURCE = "ALGORITHM_A_ROBUST_SD";

    /** A lab's result. */
    public record Result(long labId, String lab, double value) {}

    /** A lab's score. */
    public record Scored(Result result, double score, PerformanceScores.Band band) {}

    /** The round's figures. */
    public record Outcome(AlgorithmA.Result robust, double uAssigned, boolean zPrime, List<Scored> scores) {}

    private RoundEvaluation() {}

    public static Outcome evaluate(List<Result> results, PerformanceScores.Bands bands) {
        double[] values = results.stream().mapToDouble(Result::value).toArray();
        AlgorithmA.Result r = AlgorithmA.estimate(values, AlgorithmA.StoppingRule.SIG3, 1000);
        double u = PerformanceScores.consensusUncertainty(r.robustSd(), r.p());
        double sigma = r.robustSd();
        boolean usePrime = !PerformanceScores.negligible(u, sigma);
        List<Scored> scored = results.stream()
                .map(res -> {
                    double s = sigma == 0.0
                            ? 0.0
                            : usePrime
                                    ? PerformanceScores.zPrime(res.value(), r.robustMean(), sigma, u)
                                    : PerformanceScores.z(res.value(), r.robustMean(), sigma);
                    return new Scored(res, s, bands.classify(s));
                })
                .toList();
        return new Outcome(r, u, usePrime, scored);
    }
}
