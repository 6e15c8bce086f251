package org.stdhub.verification.ilc;

/**
 * ISO 13528:2022 clause 9 performance statistics against an assigned value x_pt with standard uncertainty u(x_pt) and
 * the standard deviation for proficiency assessment σ_pt: z (9.4), z′ (9.5), ζ (9.6), E_n (9.7), with the
 * classification bands as data: |z| ≤ 2 satisfactory, 2 < |z| < 3 questionable (warning), |z| ≥ 3 unsatisfactory
 * (action); |E_n| ≥ 1 a signal.
 */
public final class PerformanceScores {

    /** The negligibility criterion of 9.2.1 Formula (10): u(x_pt) &lt; 0.3 σ_pt (strict). */
    public static final double NEGLIGIBLE_FACTOR = 0.3;

    /** The consensus uncertainty factor of 7.7.7 Formula (6): u(x_pt) = 1.25 s* / √p. */
    public static final double CONSENSUS_UNCERTAINTY_FACTOR = 1.25;

    /** A classification of a score. */
    public enum Band {
        SATISFACTORY,
        QUESTIONABLE,
        UNSATISFACTORY;

        public String messageKey() {
            return "verification.ilc.band." + name();
        }
    }

    /**
     * The bands' limits. {@code DEFAULT} is ISO 13528:2022 9.4.2: |z| ≤ 2.0 satisfactory, 2.0 < |z| < 3.0
     * questionable, |z| ≥ 3.0 unsatisfactory. {@code warningInclusive} makes |z| = 2.0 questionable (the reading
     * "|z| ≥ 2 questionable"); the ends are data, not code.
     */
    public record Bands(double warning, double action, boolean warningInclusive) {
        public static final Bands DEFAULT = new Bands(2.0, 3.0, false);

        public Band classify(double score) {
            double a = Math.abs(score);
            if (a >= action) {
                return Band.UNSATISFACTORY;
            }
            if (a > warning || (warningInclusive && a == warning)) {
                return Band.QUESTIONABLE;
            }
            return Band.SATISFACTORY;
        }
    }

    private PerformanceScores() {}

    public static double z(double x, double xpt, double sigmaPt) {
        return (x - xpt) / sigmaPt;
    }

    public static double zPrime(double x, double xpt, double sigmaPt, double uXpt) {
        return (x - xpt) / Math.sqrt(sigmaPt * sigmaPt + uXpt * uXpt);
    }

    public static double zeta(double x, double ux, double xpt, double uXpt) {
        return (x - xpt) / Math.sqrt(ux * ux + uXpt * uXpt);
    }

    public static double en(double x, double bigUx, double xpt, double bigUxpt) {
        return (x - xpt) / Math.sqrt(bigUx * bigUx + bigUxpt * bigUxpt);
    }

    /** u(x_pt) = 1.25 · s* / √p. */
    public static double consensusUncertainty(double robustSd, int p) {
        return CONSENSUS_UNCERTAINTY_FACTOR * robustSd / Math.sqrt(p);
    }

    /** u(x_pt) is negligible against σ_pt: z may be used; otherwise z′. */
    public static boolean negligible(double uXpt, double sigmaPt) {
        return uXpt < NEGLIGIBLE_FACTOR * sigmaPt;
    }

    /** |E_n| ≥ 1.0 is a signal (9.7.2). */
    public static boolean enSignal(double en) {
        return Math.abs(en) >= 1.0;
    }
}
