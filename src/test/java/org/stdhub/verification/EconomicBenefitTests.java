package org.stdhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stdhub.verification.evaluation.EconomicBenefit;

/**
 * The economic benefit formulas of domain/04 on a worked example computed by hand: K = 100,000 + 200,000; unit cost
 * from 12.50 to 11.00 at 400,000 units a year; effective for 5 years; discounted at 8 %. And the ISO value-chain
 * worksheet on two drivers. Every indicator is labelled unverified (domain/04: the formula text was not available).
 */
class EconomicBenefitTests {

    private static Map<String, BigDecimal> example() {
        Map<String, BigDecimal> in = new LinkedHashMap<>();
        in.put("K_z", new BigDecimal("100000"));
        in.put("K_s", new BigDecimal("200000"));
        in.put("C0", new BigDecimal("12.50"));
        in.put("C1", new BigDecimal("11.00"));
        in.put("Q1", new BigDecimal("400000"));
        in.put("t", new BigDecimal("5"));
        in.put("i", new BigDecimal("0.08"));
        return in;
    }

    private static Map<String, EconomicBenefit.Indicator> byCode(List<EconomicBenefit.Indicator> list) {
        return list.stream().collect(Collectors.toMap(EconomicBenefit.Indicator::code, Function.identity()));
    }

    @Test
    void theClassicalIndicatorsOfTheWorkedExample() {
        var i = byCode(EconomicBenefit.classical(example()));
        assertThat(i.get("K").value()).isEqualByComparingTo("300000.00");
        assertThat(i.get("J_n").value()).isEqualByComparingTo("600000.00");
        // X = J_n · t − K = 3,000,000 − 300,000
        assertThat(i.get("X").value()).isEqualByComparingTo("2700000.00");
        // Σ 600,000 / 1.08^k, k = 1..5 = 2,395,626.022… ; minus K
        assertThat(i.get("X_d").value()).isEqualByComparingTo("2095626.02");
        assertThat(i.get("E").value()).isEqualByComparingTo("10.0000");
        assertThat(i.get("E_d").value()).isEqualByComparingTo("7.9854");
        assertThat(i.get("T_K").value()).isEqualByComparingTo("0.5000");
        assertThat(i.get("R").value()).isEqualByComparingTo("2.0000");
        // each shows its formula and the inputs it used
        assertThat(i.get("J_n").formula()).isEqualTo("J_n = (C0 − C1) · Q1");
        assertThat(i.get("J_n").inputs()).containsOnlyKeys("C0", "C1", "Q1");
        assertThat(i.get("X").inputs()).containsOnlyKeys("J_n", "t", "K");
        assertThat(i.get("X").inputs().get("J_n")).isEqualByComparingTo("600000");
    }

    @Test
    void everyIndicatorIsLabelledUnverifiedAndNoneIsPresentedAsTheNationalMethod() {
        var classical = EconomicBenefit.classical(example());
        assertThat(classical).allSatisfy(ind -> {
            assertThat(ind.verified()).isFalse();
            assertThat(ind.source()).isEqualTo(EconomicBenefit.Source.UNVERIFIED_RECOLLECTION);
        });
        var chain = EconomicBenefit.valueChain(List.of(), Map.of());
        assertThat(chain).allSatisfy(ind -> {
            assertThat(ind.verified()).isFalse();
            assertThat(ind.source()).isEqualTo(EconomicBenefit.Source.AUTHORS_FORMALISATION);
        });
    }

    @Test
    void missingInputsAreNamedInsteadOfComputed() {
        Map<String, BigDecimal> in = example();
        in.remove("i");
        in.remove("K_s");
        var i = byCode(EconomicBenefit.classical(in));
        assertThat(i.get("K").value()).isNull();
        assertThat(i.get("K").missing()).isEqualTo("K_s");
        assertThat(i.get("X").missing()).isEqualTo("K");
        assertThat(i.get("J_n").value()).isEqualByComparingTo("600000.00");
        assertThat(i.get("X_d").value()).isNull();
        // no saving: no payback period (a division by zero is never attempted)
        in.put("K_s", new BigDecimal("200000"));
        in.put("C1", new BigDecimal("12.50"));
        var none = byCode(EconomicBenefit.classical(in));
        assertThat(none.get("T_K").value()).isNull();
        assertThat(none.get("T_K").missing()).isEqualTo("J_n");
        assertThat(none.get("X").value()).isEqualByComparingTo("-300000.00");
    }

    @Test
    void theValueChainWorksheetAddsCostSavingsAndTheMarginOfExtraSales() {
        var drivers = List.of(
                new EconomicBenefit.Driver(
                        "production",
                        "scrap rate",
                        new BigDecimal("900000"),
                        new BigDecimal("600000"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO),
                new EconomicBenefit.Driver(
                        "sales",
                        "export orders",
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        new BigDecimal("10000000"),
                        new BigDecimal("12000000"),
                        new BigDecimal("0.25")));
        var i = byCode(EconomicBenefit.valueChain(
                drivers, Map.of("S", new BigDecimal("48000000"), "EBIT", new BigDecimal("4800000"))));
        // 300,000 saved + 2,000,000 more sales at 25 % margin
        assertThat(i.get("DELTA_EBIT").value()).isEqualByComparingTo("800000.00");
        assertThat(i.get("SHARE_OF_SALES").value()).isEqualByComparingTo("0.0167");
        assertThat(i.get("SHARE_OF_EBIT").value()).isEqualByComparingTo("0.1667");
        assertThat(i.get("SHARE_OF_EBIT").inputs()).containsKeys("ΔEBIT_total", "EBIT");
    }
}
