package org.stdhub.verification;

import java.math.BigDecimal;

/** What the base office and implementing enterprises write to an evaluation. */
public final class EvaluationForms {

    private EvaluationForms() {}

    public record NewEvaluation(String designation) {}

    /** The talent center's draw (purpose EVALUATION, drawn or decided) that forms the panel. */
    public record Panel(Long drawId) {}

    /** An economic input with where it came from (provenance is required). */
    public record Input(String name, BigDecimal amount, String source) {}

    /** A value driver of the ISO worksheet; margin as a fraction (0.25). */
    public record Driver(
            String businessFunction,
            String driver,
            BigDecimal baselineCost,
            BigDecimal costWith,
            BigDecimal baselineRevenue,
            BigDecimal revenueWith,
            BigDecimal margin,
            String source) {}

    /** A key indicator beside a related international standard; assessment HIGHER, EQUAL or LOWER. */
    public record Indicator(
            String internationalDesignation,
            String indicator,
            String nationalValue,
            String internationalValue,
            String assessment) {}

    /** An implementing enterprise's questionnaire answers: four scores 1..5 and remarks. */
    public record Response(
            Long enterpriseId, Integer clarity, Integer feasibility, Integer costFit, Integer effect, String remarks) {}

    /** The panel's conclusion at sign-off. */
    public record SignOff(String conclusion) {}
}
