package org.stdhub.verification.ilc;

import java.util.Arrays;

/**
 * ISO 13528 Algorithm A (2005 Annex C.1 = GB/T 28043-2011; 2015/2022 C.3.1): the robust average x* and robust
 * standard deviation s* of one result per participant, by winsorising at x* ± 1.5 s* until the stopping rule holds.
 * The constants are the standard's (1.483, 1.5, 1.134), never R's 1.4826.
 */
public final class AlgorithmA {

    /** The scaled median absolute deviation factor, MADe = 1.483 · median |x_i − x*|. */
    public static final double MADE_FACTOR = 1.483;
    /** δ = 1.5 · s*. */
    public static final double DELTA_FACTOR = 1.5;
    /** s* = 1.134 · sd(winsorised). */
    public static final double SD_FACTOR = 1.134;

    /** When to stop iterating; stored with every result since it changes the third figure. */
    public sealed interface StoppingRule {
        /** The third significant figures of x* and of s* no longer change (ISO 13528:2022 C.3.1). */
        record ThirdSignificantFigure() implements StoppingRule {
            @Override
            public String toString() {
                return "SIG3";
            }
        }

        /** Both absolute changes are below ε ("alternative convergence criteria"). */
        record AbsoluteTolerance(double epsilon) implements StoppingRule {
            @Override
            public String toString() {
                return "ABS_TOL(" + epsilon + ")";
            }
        }

        StoppingRule SIG3 = new ThirdSignificantFigure();
    }

    /**
     * What Algorithm A found.
     *
     * @param startFallback s* started at the sample standard deviation because MADe was 0 (≥ 50 % identical results,
     *     ISO 13528:2022 C.3.1 NOTE 2 as pt13528 reads it)
     */
    public record Result(
            double robustMean,
            double robustSd,
            int iterations,
            boolean converged,
            double[] winsorised,
            StoppingRule rule,
            boolean startFallback,
            int p) {}

    private AlgorithmA() {}

    public static Result estimate(double[] values, StoppingRule rule, int maxIterations) {
        if (values == null || values.length < 2) {
            throw new IllegalArgumentException("Algorithm A needs at least two results");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("results must be finite");
            }
        }
        double[] x = values.clone();
        Arrays.sort(x);
        int p = x.length;
        double mean = median(x);
        double[] deviations = new double[p];
        for (int i = 0; i < p; i++) {
            deviations[i] = Math.abs(x[i] - mean);
        }
        Arrays.sort(deviations);
        double sd = MADE_FACTOR * median(deviations);
        boolean fallback = false;
        if (sd == 0.0) {
            sd = sampleSd(x);
            fallback = true;
        }
        double[] w = x.clone();
        if (sd == 0.0) {
            return new Result(mean, 0.0, 0, true, w, rule, fallback, p);
        }
        for (int it = 1; it <= maxIterations; it++) {
            double delta = DELTA_FACTOR * sd;
            double lo = mean - delta;
            double hi = mean + delta;
            double sum = 0;
            for (int i = 0; i < p; i++) {
                w[i] = Math.min(Math.max(x[i], lo), hi);
                sum += w[i];
            }
            double newMean = sum / p;
            double squares = 0;
            for (double v : w) {
                squares += (v - newMean) * (v - newMean);
            }
            double newSd = SD_FACTOR * Math.sqrt(squares / (p - 1));
            boolean done = switch (rule) {
                case StoppingRule.ThirdSignificantFigure s -> sig3(newMean) == sig3(mean) && sig3(newSd) == sig3(sd);
                case StoppingRule.AbsoluteTolerance t ->
                    Math.abs(newMean - mean) < t.epsilon() && Math.abs(newSd - sd) < t.epsilon();
            };
            mean = newMean;
            sd = newSd;
            if (done) {
                return new Result(mean, sd, it, true, w.clone(), rule, fallback, p);
            }
        }
        return new Result(mean, sd, maxIterations, false, w.clone(), rule, fallback, p);
    }

    /** The first iterations' (x*, s*) pairs, for showing and checking the trace. */
    public static double[][] trace(double[] values, int iterations) {
        double[][] out = new double[iterations + 1][];
        double[] x = values.clone();
        Arrays.sort(x);
        double mean = median(x);
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - mean);
        }
        Arrays.sort(dev);
        double sd = MADE_FACTOR * median(dev);
        out[0] = new double[] {mean, sd};
        for (int it = 1; it <= iterations; it++) {
            double delta = DELTA_FACTOR * sd;
            double sum = 0;
            double[] w = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                w[i] = Math.min(Math.max(x[i], mean - delta), mean + delta);
                sum += w[i];
            }
            double m = sum / x.length;
            double sq = 0;
            for (double v : w) {
                sq += (v - m) * (v - m);
            }
            mean = m;
            sd = SD_FACTOR * Math.sqrt(sq / (x.length - 1));
            out[it] = new double[] {mean, sd};
        }
        return out;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    static double sampleSd(double[] x) {
        double m = Arrays.stream(x).average().orElse(0);
        double sq = 0;
        for (double v : x) {
            sq += (v - m) * (v - m);
        }
        return Math.sqrt(sq / (x.length - 1));
    }

    /** {@code v} rounded to three significant figures (half-up on the decimal value). */
    static double sig3(double v) {
        if (v == 0.0) {
            return 0.0;
        }
        int scale = 2 - (int) Math.floor(Math.log10(Math.abs(v)));
        return new java.math.BigDecimal(v)
                .setScale(scale, java.math.RoundingMode.HALF_EVEN)
                .doubleValue();
    }
}
