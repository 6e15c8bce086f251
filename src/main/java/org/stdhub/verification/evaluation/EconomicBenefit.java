package org.stdhub.verification.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The economic benefit calculators of {@code domain/04_economic_benefit.md}, in {@link BigDecimal}:
 *
 * <ul>
 *   <li>"GB/T 3533.1 classical" (§4.2): inputs K_z, K_s (standardization costs), C0, C1 (unit cost before and after),
 *       Q1 (annual output after), t (effective period, whole years) and optionally i (discount rate) → J_n, K, X,
 *       discounted X, E, T_K, R. These formulas are a <em>recollection</em> of the 1983/2009 editions; the text of
 *       GB/T 3533.1-2017 was not available, so every one is {@link Source#UNVERIFIED_RECOLLECTION}.
 *   <li>"ISO value-chain" worksheet (§4.3): value drivers (ΔCost, ΔRev × margin → ΔEBIT), totals, share of sales
 *       revenue S and of EBIT. The computable form is the document author's formalisation of the ISO Methodology
 *       step 4, not a quotation: {@link Source#AUTHORS_FORMALISATION}.
 * </ul>
 *
 * Neither is ever presented as the national method: {@link Indicator#verified()} is false for both.
 */
public final class EconomicBenefit {

    /** Money results: two decimals; ratios and years: four. Half up, as in accounting. */
    static final int MONEY_SCALE = 2;

    static final int RATIO_SCALE = 4;
    private static final MathContext MC = MathContext.DECIMAL128;

    /** Where a formula comes from, and whether it was checked against the source text. */
    public enum Source {
        /** GB/T 3533.1 classical set, recalled from the 1983/2009 editions; not checked against the 2017 text. */
        UNVERIFIED_RECOLLECTION(false),
        /** The document author's formalisation of the ISO Methodology's step 4; consistent with it, not a quotation. */
        AUTHORS_FORMALISATION(false);

        private final boolean verified;

        Source(boolean verified) {
            this.verified = verified;
        }

        public boolean verified() {
            return verified;
        }

        public String messageKey() {
            return "verification.evaluation.source." + name();
        }
    }

    /** Input names of the classical calculator. */
    public static final List<String> CLASSICAL_INPUTS = List.of("K_z", "K_s", "C0", "C1", "Q1", "t", "i");

    /** Input names of the value-chain worksheet's totals (besides its drivers). */
    public static final List<String> VALUE_CHAIN_INPUTS = List.of("S", "EBIT");

    /** Every input name an evaluation accepts. */
    public static final List<String> INPUTS = List.of("K_z", "K_s", "C0", "C1", "Q1", "t", "i", "S", "EBIT");

    /**
     * One indicator: its symbol, formula as written in domain/04, the inputs it used (name → value), its value
     * (null when an input is missing or a divisor is zero — {@code missing} says which), its unit and source.
     */
    public record Indicator(
            String code,
            String formula,
            Map<String, BigDecimal> inputs,
            BigDecimal value,
            String unit,
            Source source,
            String missing) {

        public Indicator {
            inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }

        public boolean verified() {
            return source.verified();
        }

        public String nameKey() {
            return "verification.evaluation.indicator." + code;
        }
    }

    /** One value driver of the ISO worksheet. {@code margin} is a fraction (0.25 = 25 %). */
    public record Driver(
            String businessFunction,
            String driver,
            BigDecimal baselineCost,
            BigDecimal costWith,
            BigDecimal baselineRevenue,
            BigDecimal revenueWith,
            BigDecimal margin) {

        public BigDecimal deltaCost() {
            return baselineCost.subtract(costWith, MC);
        }

        public BigDecimal deltaRevenue() {
            return revenueWith.subtract(baselineRevenue, MC).multiply(margin, MC);
        }

        public BigDecimal deltaEbit() {
            return deltaCost().add(deltaRevenue(), MC).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
        }
    }

    private EconomicBenefit() {}

    /** The classical indicators from {@code inputs} (any may be missing: those indicators say what is missing). */
    public static List<Indicator> classical(Map<String, BigDecimal> inputs) {
        Source src = Source.UNVERIFIED_RECOLLECTION;
        List<Indicator> out = new ArrayList<>();
        Optional<BigDecimal> kz = get(inputs, "K_z");
        Optional<BigDecimal> ks = get(inputs, "K_s");
        Optional<BigDecimal> c0 = get(inputs, "C0");
        Optional<BigDecimal> c1 = get(inputs, "C1");
        Optional<BigDecimal> q1 = get(inputs, "Q1");
        Optional<BigDecimal> t = get(inputs, "t");
        Optional<BigDecimal> i = get(inputs, "i");

        BigDecimal k = kz.isPresent() && ks.isPresent() ? money(kz.get().add(ks.get(), MC)) : null;
        out.add(indicator(
                "K", "K = K_z + K_s", used(inputs, "K_z", "K_s"), k, "currency", src, missing(inputs, "K_z", "K_s")));

        BigDecimal jn = c0.isPresent() && c1.isPresent() && q1.isPresent()
                ? money(c0.get().subtract(c1.get(), MC).multiply(q1.get(), MC))
                : null;
        out.add(indicator(
                "J_n",
                "J_n = (C0 − C1) · Q1",
                used(inputs, "C0", "C1", "Q1"),
                jn,
                "currency/yr",
                src,
                missing(inputs, "C0", "C1", "Q1")));

        Map<String, BigDecimal> withK = new LinkedHashMap<>();
        if (jn != null) {
            withK.put("J_n", jn);
        }
        t.ifPresent(v -> withK.put("t", v));
        if (k != null) {
            withK.put("K", k);
        }
        String needJtk = jn == null ? "J_n" : t.isEmpty() ? "t" : k == null ? "K" : null;
        BigDecimal x = needJtk == null ? money(jn.multiply(t.get(), MC).subtract(k, MC)) : null;
        out.add(indicator("X", "X = J_n · t − K", withK, x, "currency", src, needJtk));

        boolean wholeYears = t.isPresent()
                && t.get().signum() > 0
                && t.get().stripTrailingZeros().scale() <= 0;
        String needDiscount = needJtk != null ? needJtk : i.isEmpty() ? "i" : !wholeYears ? "t" : null;
        Map<String, BigDecimal> withI = new LinkedHashMap<>(withK);
        i.ifPresent(v -> withI.put("i", v));
        BigDecimal pv = needDiscount == null ? presentValue(jn, i.get(), t.get().intValueExact()) : null;
        out.add(indicator(
                "X_d",
                "X = Σ_{k=1..t} J_k / (1+i)^k − K",
                withI,
                pv == null ? null : money(pv.subtract(k, MC)),
                "currency",
                src,
                needDiscount));

        boolean kPositive = k != null && k.signum() > 0;
        String needE = needJtk != null ? needJtk : !kPositive ? "K" : null;
        out.add(indicator(
                "E",
                "E = (J_n · t) / K",
                withK,
                needE == null ? ratio(jn.multiply(t.get(), MC), k) : null,
                "ratio",
                src,
                needE));
        String needEd = needDiscount != null ? needDiscount : !kPositive ? "K" : null;
        out.add(indicator(
                "E_d",
                "E = Σ_{k=1..t} J_k / (1+i)^k / K",
                withI,
                needEd == null ? ratio(pv, k) : null,
                "ratio",
                src,
                needEd));

        Map<String, BigDecimal> kj = new LinkedHashMap<>();
        if (k != null) {
            kj.put("K", k);
        }
        if (jn != null) {
            kj.put("J_n", jn);
        }
        String needT = k == null ? "K" : jn == null || jn.signum() <= 0 ? "J_n" : null;
        out.add(indicator("T_K", "T_K = K / J_n", kj, needT == null ? ratio(k, jn) : null, "years", src, needT));
        String needR = jn == null ? "J_n" : !kPositive ? "K" : null;
        out.add(indicator("R", "R = J_n / K", kj, needR == null ? ratio(jn, k) : null, "1/yr", src, needR));
        return out;
    }

    /** The value-chain worksheet's totals from its drivers and the inputs S (annual sales revenue) and EBIT. */
    public static List<Indicator> valueChain(List<Driver> drivers, Map<String, BigDecimal> inputs) {
        Source src = Source.AUTHORS_FORMALISATION;
        List<Indicator> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(MONEY_SCALE);
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        int n = 0;
        for (Driver d : drivers) {
            BigDecimal e = d.deltaEbit();
            parts.put("ΔEBIT_" + (++n), e);
            total = total.add(e);
        }
        out.add(indicator(
                "DELTA_EBIT",
                "ΔEBIT_total = Σ_d (ΔCost_d + ΔRev_d), ΔCost_d = baseline_cost_d − cost_with_d,"
                        + " ΔRev_d = (revenue_with_d − baseline_revenue_d) · margin_d",
                parts,
                drivers.isEmpty() ? null : total,
                "currency/yr",
                src,
                drivers.isEmpty() ? "drivers" : null));
        Optional<BigDecimal> s = get(inputs, "S");
        Optional<BigDecimal> ebit = get(inputs, "EBIT");
        Map<String, BigDecimal> ts = new LinkedHashMap<>();
        ts.put("ΔEBIT_total", total);
        s.ifPresent(v -> ts.put("S", v));
        String needS = drivers.isEmpty() ? "drivers" : s.isEmpty() || s.get().signum() == 0 ? "S" : null;
        out.add(indicator(
                "SHARE_OF_SALES",
                "share_of_sales = ΔEBIT_total / S",
                ts,
                needS == null ? ratio(total, s.get()) : null,
                "ratio",
                src,
                needS));
        Map<String, BigDecimal> te = new LinkedHashMap<>();
        te.put("ΔEBIT_total", total);
        ebit.ifPresent(v -> te.put("EBIT", v));
        String needE =
                drivers.isEmpty() ? "drivers" : ebit.isEmpty() || ebit.get().signum() == 0 ? "EBIT" : null;
        out.add(indicator(
                "SHARE_OF_EBIT",
                "share_of_EBIT = ΔEBIT_total / EBIT",
                te,
                needE == null ? ratio(total, ebit.get()) : null,
                "ratio",
                src,
                needE));
        return out;
    }

    /** Σ_{k=1..t} J / (1+i)^k, unrounded. */
    static BigDecimal presentValue(BigDecimal j, BigDecimal i, int years) {
        BigDecimal factor = BigDecimal.ONE.add(i, MC);
        BigDecimal discount = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 1; k <= years; k++) {
            discount = discount.multiply(factor, MC);
            sum = sum.add(j.divide(discount, MC), MC);
        }
        return sum;
    }

    private static Indicator indicator(
            String code,
            String formula,
            Map<String, BigDecimal> inputs,
            BigDecimal value,
            String unit,
            Source source,
            String missing) {
        return new Indicator(code, formula, inputs, value, unit, source, value == null ? missing : null);
    }

    private static Optional<BigDecimal> get(Map<String, BigDecimal> inputs, String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    private static Map<String, BigDecimal> used(Map<String, BigDecimal> inputs, String... names) {
        Map<String, BigDecimal> used = new LinkedHashMap<>();
        for (String n : names) {
            if (inputs.get(n) != null) {
                used.put(n, inputs.get(n));
            }
        }
        return used;
    }

    private static String missing(Map<String, BigDecimal> inputs, String... names) {
        List<String> absent = new ArrayList<>();
        for (String n : names) {
            if (inputs.get(n) == null) {
                absent.add(n);
            }
        }
        return absent.isEmpty() ? null : String.join(", ", absent);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, MC).setScale(RATIO_SCALE, RoundingMode.HALF_UP);
    }
}
