package org.stdhub.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.stdhub.verification.evaluation.EconomicBenefit;

/**
 * An evaluation as its page, report and API show it: the standard, the panel and its sign-off, every economic input
 * with its provenance, every indicator with its formula, inputs and source (none verified against the standard's
 * text: see {@link EconomicBenefit.Source}), the related international standards from the catalog's adoption data
 * with the panel's key indicators, and the applicability questionnaire's responses and average scores.
 */
public record EvaluationView(
        long id,
        String designation,
        String title,
        EvaluationState state,
        String responsibleName,
        Long drawId,
        List<Member> panel,
        List<Input> inputs,
        List<EconomicBenefit.Driver> drivers,
        List<String> driverSources,
        List<EconomicBenefit.Indicator> classical,
        List<EconomicBenefit.Indicator> valueChain,
        List<Adoption> adoptions,
        List<Indicator> indicators,
        List<Response> responses,
        String conclusion,
        Instant signedOffAt,
        Instant issuedAt,
        boolean demo,
        boolean viewerIsOffice,
        List<Long> viewerMayRespondFor) {

    public EvaluationView {
        panel = List.copyOf(panel);
        inputs = List.copyOf(inputs);
        drivers = List.copyOf(drivers);
        driverSources = List.copyOf(driverSources);
        classical = List.copyOf(classical);
        valueChain = List.copyOf(valueChain);
        adoptions = List.copyOf(adoptions);
        indicators = List.copyOf(indicators);
        responses = List.copyOf(responses);
        viewerMayRespondFor = List.copyOf(viewerMayRespondFor);
    }

    public record Member(int position, String expertName, Instant signedAt) {}

    public record Input(String name, BigDecimal amount, String source, String enteredBy, Instant enteredAt) {}

    /** A related international standard by the catalog's adoption data: designation and degree (IDT/MOD/NEQ). */
    public record Adoption(String designation, String title, String degree, String status) {}

    public record Indicator(
            String internationalDesignation,
            String degree,
            String indicator,
            String nationalValue,
            String internationalValue,
            String assessment) {}

    public record Response(
            String enterpriseName,
            int clarity,
            int feasibility,
            int costFit,
            int effect,
            String remarks,
            Instant respondedAt) {

        public BigDecimal average() {
            return BigDecimal.valueOf(clarity + feasibility + costFit + effect)
                    .divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
        }
    }

    /** Any indicator shown is not verified against the standard's text (true for every one today). */
    public boolean anyUnverified() {
        return classical.stream().anyMatch(i -> !i.verified())
                || valueChain.stream().anyMatch(i -> !i.verified());
    }

    /** Average of each questionnaire score over the responses (clarity, feasibility, cost fit, effect), or null. */
    public List<BigDecimal> averageScores() {
        if (responses.isEmpty()) {
            return List.of();
        }
        BigDecimal n = BigDecimal.valueOf(responses.size());
        return List.of(
                avg(responses.stream().mapToInt(Response::clarity).sum(), n),
                avg(responses.stream().mapToInt(Response::feasibility).sum(), n),
                avg(responses.stream().mapToInt(Response::costFit).sum(), n),
                avg(responses.stream().mapToInt(Response::effect).sum(), n));
    }

    /** The overall applicability score: the mean of all scores of all responses (1..5), or null without responses. */
    public BigDecimal applicabilityScore() {
        if (responses.isEmpty()) {
            return null;
        }
        int sum = responses.stream()
                .mapToInt(r -> r.clarity() + r.feasibility() + r.costFit() + r.effect())
                .sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(4L * responses.size()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal avg(int sum, BigDecimal n) {
        return BigDecimal.valueOf(sum).divide(n, 2, RoundingMode.HALF_UP);
    }
}
