package org.stdhub.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stdhub.verification.ilc.AlgorithmA;
import org.stdhub.verification.ilc.PerformanceScores;
import org.stdhub.verification.ilc.PerformanceScores.Band;
import org.stdhub.verification.ilc.RoundEvaluation;

/**
 * ISO 13528 Algorithm A and performance scores against the worked examples of domain/09 (ISO 13528:2022 Annex E as
 * reproduced by pt13528 and estatistica_robusta; the iteration trace of the Subramanian slides).
 */
class InterlaboratoryComparisonTests {

    /** E.3, Tables E.4/E.5: atrazine in drinking water, p = 34. */
    static final double[] E3 = {
        0.040, 0.055, 0.178, 0.202, 0.206, 0.227, 0.228, 0.230, 0.230, 0.235, 0.236, 0.237, 0.243, 0.244, 0.245, 0.2555,
        0.260, 0.264, 0.267, 0.270, 0.273, 0.274, 0.274, 0.278, 0.2811, 0.287, 0.287, 0.288, 0.289, 0.295, 0.296, 0.311,
        0.331, 0.4246
    };

    @Test
    void e3WithTheThirdFigureRuleGivesThePrintedFigures() {
        AlgorithmA.Result r = AlgorithmA.estimate(E3, AlgorithmA.StoppingRule.SIG3, 1000);
        assertThat(r.robustMean()).isCloseTo(0.2570, within(0.00005));
        assertThat(r.robustSd()).isCloseTo(0.0395, within(0.00005));
        assertThat(r.converged()).isTrue();
        assertThat(r.p()).isEqualTo(34);
        assertThat(r.rule().toString()).isEqualTo("SIG3");
        assertThat(PerformanceScores.consensusUncertainty(r.robustSd(), r.p())).isCloseTo(0.0085, within(0.00005));
    }

    @Test
    void e3FullyConvergedMatchesTheIndependentImplementation() {
        AlgorithmA.Result r = AlgorithmA.estimate(E3, new AlgorithmA.StoppingRule.AbsoluteTolerance(1e-12), 10_000);
        assertThat(r.robustMean()).isCloseTo(0.25701103928138352, within(1e-9));
        assertThat(r.robustSd()).isCloseTo(0.03951990722658958, within(1e-9));
    }

    @Test
    void e1TheStoppingRuleChangesTheThirdFigure() {
        double[] e1 = {10, 10, 12, 19, 20, 20, 23, 23, 25, 25, 26, 28, 28, 30, 28, 29, 30, 30, 31, 32, 32, 45, 50};
        AlgorithmA.Result sig3 = AlgorithmA.estimate(e1, AlgorithmA.StoppingRule.SIG3, 1000);
        assertThat(sig3.robustMean()).isCloseTo(26.01, within(0.005));
        assertThat(sig3.robustSd()).isCloseTo(7.23, within(0.005));
        AlgorithmA.Result full = AlgorithmA.estimate(e1, new AlgorithmA.StoppingRule.AbsoluteTolerance(1e-12), 10_000);
        assertThat(full.robustSd()).isCloseTo(7.24, within(0.005));
    }

    @Test
    void theIterationTraceMatchesTheSlides() {
        double[] data = {1.69, 0.74, 2.05, 1.14, 2.19, 1.39, 1.52, 1.50, 1.58, 0.80, 1.21, 1.63};
        double[][] trace = AlgorithmA.trace(data, 2);
        assertThat(trace[0][0]).isCloseTo(1.510, within(0.0005));
        assertThat(trace[0][1]).isCloseTo(0.3559, within(0.00005));
        assertThat(trace[1][0]).isCloseTo(1.475, within(0.0005));
        assertThat(trace[1][1]).isCloseTo(0.4072, within(0.00005));
        assertThat(trace[2][0]).isCloseTo(1.460, within(0.0005));
        assertThat(trace[2][1]).isCloseTo(0.4486, within(0.00005));
    }

    /** E.4, Tables E.6/E.7: mercury in feed; x_pt = 0.044, U(x_pt) = 0.0082, σ_pt = 0.0066. */
    @Test
    void e4ScoresAndBands() {
        double xpt = 0.044;
        double bigU = 0.0082;
        double u = 0.0041;
        double sigma = 0.0066;
        assertThat(PerformanceScores.negligible(u, sigma)).isFalse();
        // lab, x, U(x), k, z, z', zeta, En
        Object[][] rows = {
            {"L04", 0.013, 0.003, 2.0, -4.70, -3.99, -7.10, -3.55},
            {"L23", 0.0135, 0.00108, 1.732, -4.62, -3.93, -7.35, -3.69},
            {"L12", 0.0239, 0.0036, 2.0, -3.05, -2.59, -4.49, -2.24},
            {"L03", 0.037, 0.013, 2.0, -1.06, -0.90, -0.91, -0.46},
            {"L21", 0.04, 0.03, 2.0, -0.61, -0.51, -0.26, -0.13},
            {"L08", 0.044, 0.007, 2.0, 0.00, 0.00, 0.00, 0.00},
            {"L24", 0.045, 0.005, 2.0, 0.15, 0.13, 0.21, 0.10},
            {"L01", 0.053, 0.007, 2.0, 1.36, 1.16, 1.67, 0.83}
        };
        for (Object[] row : rows) {
            double x = (double) row[1];
            double ux = (double) row[2] / (double) row[3];
            assertThat(PerformanceScores.z(x, xpt, sigma)).as("z " + row[0]).isCloseTo((double) row[4], within(0.005));
            assertThat(PerformanceScores.zPrime(x, xpt, sigma, u))
                    .as("z' " + row[0])
                    .isCloseTo((double) row[5], within(0.005));
            assertThat(PerformanceScores.zeta(x, ux, xpt, u))
                    .as("zeta " + row[0])
                    .isCloseTo((double) row[6], within(0.005));
            assertThat(PerformanceScores.en(x, (double) row[2], xpt, bigU))
                    .as("En " + row[0])
                    .isCloseTo((double) row[7], within(0.005));
        }
        PerformanceScores.Bands bands = PerformanceScores.Bands.DEFAULT;
        // L12: z is an action signal, z' only a warning
        assertThat(bands.classify(PerformanceScores.z(0.0239, xpt, sigma))).isEqualTo(Band.UNSATISFACTORY);
        assertThat(bands.classify(PerformanceScores.zPrime(0.0239, xpt, sigma, u)))
                .isEqualTo(Band.QUESTIONABLE);
        assertThat(bands.classify(1.36)).isEqualTo(Band.SATISFACTORY);
        assertThat(bands.classify(2.0)).isEqualTo(Band.SATISFACTORY);
        assertThat(bands.classify(-2.01)).isEqualTo(Band.QUESTIONABLE);
        assertThat(bands.classify(3.0)).isEqualTo(Band.UNSATISFACTORY);
        assertThat(new PerformanceScores.Bands(2.0, 3.0, true).classify(2.0)).isEqualTo(Band.QUESTIONABLE);
        assertThat(PerformanceScores.enSignal(-3.55)).isTrue();
        assertThat(PerformanceScores.enSignal(0.83)).isFalse();
    }

    @Test
    void aRoundOfFewLabsUsesZPrimeAndFlagsTheOutlier() {
        Comparison c = Comparisons.compare(
                "温升",
                "K",
                List.of(
                        new RoundEvaluation.Result(1, "A", 12.4),
                        new RoundEvaluation.Result(2, "B", 12.6),
                        new RoundEvaluation.Result(3, "C", 12.5),
                        new RoundEvaluation.Result(4, "D", 12.45),
                        new RoundEvaluation.Result(5, "E", 16.0)));
        assertThat(c.score()).isEqualTo("z′");
        assertThat(c.p()).isEqualTo(5);
        assertThat(c.rows().getLast().band()).isEqualTo("UNSATISFACTORY");
        assertThat(c.rows().getFirst().band()).isEqualTo("SATISFACTORY");
        assertThat(c.stoppingRule()).isEqualTo("SIG3");
    }

    @Test
    void oneResultIsNoComparison() {
        assertThatThrownBy(() -> AlgorithmA.estimate(new double[] {1.0}, AlgorithmA.StoppingRule.SIG3, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
