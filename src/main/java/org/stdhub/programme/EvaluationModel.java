package org.stdhub.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The point-based indicator model of an evaluation (domain/06 §6.2–6.3): items with points per unit and a per-item
 * cap, grouped in dimensions whose subtotal is capped at the dimension's weight (the weights add up to 100), and the
 * class thresholds (优秀/良好/合格/不合格). Models are effective-dated: the one in force on the evaluation's date
 * applies. The weights and thresholds of the shipped model are placeholders (06 §6.3: no official weights found).
 */
public record EvaluationModel(LocalDate effectiveFrom, List<Dimension> dimensions, Thresholds thresholds) {

    /** A dimension: its weight (the most it can add) and its items. */
    public record Dimension(String code, BigDecimal weight, List<Item> items) {}

    /** An item: points per counted unit, and the most it can give. */
    public record Item(String code, BigDecimal pointsPerUnit, BigDecimal cap) {}

    /** The lowest totals of 优秀, 良好 and 合格; below 合格 is 不合格. */
    public record Thresholds(BigDecimal excellent, BigDecimal good, BigDecimal pass) {}

    /** The result class. */
    public enum ResultClass {
        EXCELLENT,
        GOOD,
        PASS,
        FAIL;

        public String messageKey() {
            return "programme.result-class." + name();
        }
    }

    /** One item's points: {@code min(quantity × points per unit, cap)}. */
    public record ItemScore(String code, BigDecimal quantity, BigDecimal raw, BigDecimal points, boolean capped) {}

    /** A dimension's subtotal, capped at its weight. */
    public record DimensionScore(
            String code, List<ItemScore> items, BigDecimal raw, BigDecimal points, boolean capped) {}

    /** The scored evaluation: dimensions, total, class. */
    public record Score(List<DimensionScore> dimensions, BigDecimal total, ResultClass resultClass) {}

    /** One unit's result in a ranking (1 = best; equal totals share a rank). */
    public record Ranked(String unit, Score score, int rank) {}

    public EvaluationModel {
        Objects.requireNonNull(effectiveFrom);
        dimensions = List.copyOf(dimensions);
        BigDecimal sum = dimensions.stream().map(Dimension::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(new BigDecimal("100")) != 0) {
            throw new IllegalArgumentException("the dimension weights add up to " + sum + ", not 100");
        }
        if (thresholds.excellent().compareTo(thresholds.good()) < 0
                || thresholds.good().compareTo(thresholds.pass()) < 0) {
            throw new IllegalArgumentException("thresholds must fall: excellent ≥ good ≥ pass");
        }
    }

    /** Scores counted quantities (item code → quantity; a missing item counts zero). */
    public Score score(Map<String, BigDecimal> quantities) {
        List<DimensionScore> scored = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Dimension d : dimensions) {
            List<ItemScore> items = new ArrayList<>();
            BigDecimal raw = BigDecimal.ZERO;
            for (Item i : d.items()) {
                BigDecimal q =
                        quantities.getOrDefault(i.code(), BigDecimal.ZERO).max(BigDecimal.ZERO);
                BigDecimal itemRaw = q.multiply(i.pointsPerUnit()).setScale(2, RoundingMode.HALF_UP);
                BigDecimal points = itemRaw.min(i.cap());
                items.add(new ItemScore(i.code(), q, itemRaw, points, itemRaw.compareTo(i.cap()) > 0));
                raw = raw.add(points);
            }
            BigDecimal points = raw.min(d.weight());
            scored.add(new DimensionScore(d.code(), List.copyOf(items), raw, points, raw.compareTo(d.weight()) > 0));
            total = total.add(points);
        }
        return new Score(List.copyOf(scored), total, classOf(total));
    }

    /**
     * The experts' scoring: each expert's item quantities are scored, and the panel's total is the mean of the
     * experts' totals (two places, half up).
     */
    public BigDecimal panelTotal(List<Map<String, BigDecimal>> experts) {
        if (experts.isEmpty()) {
            throw new IllegalArgumentException("no expert scored");
        }
        BigDecimal sum = experts.stream().map(e -> score(e).total()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(experts.size()), 2, RoundingMode.HALF_UP);
    }

    public ResultClass classOf(BigDecimal total) {
        if (total.compareTo(thresholds.excellent()) >= 0) {
            return ResultClass.EXCELLENT;
        }
        if (total.compareTo(thresholds.good()) >= 0) {
            return ResultClass.GOOD;
        }
        return total.compareTo(thresholds.pass()) >= 0 ? ResultClass.PASS : ResultClass.FAIL;
    }

    /** Ranks units by total, best first; equal totals share a rank (1, 2, 2, 4). */
    public static List<Ranked> rank(Map<String, Score> byUnit) {
        List<Map.Entry<String, Score>> sorted = new ArrayList<>(byUnit.entrySet());
        sorted.sort(Comparator.comparing(
                        (Map.Entry<String, Score> e) -> e.getValue().total())
                .reversed()
                .thenComparing(Map.Entry::getKey));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            var e = sorted.get(i);
            int rank = i > 0
                            && e.getValue()
                                            .total()
                                            .compareTo(
                                                    sorted.get(i - 1).getValue().total())
                                    == 0
                    ? ranked.get(i - 1).rank()
                    : i + 1;
            ranked.add(new Ranked(e.getKey(), e.getValue(), rank));
        }
        return List.copyOf(ranked);
    }

    /** The model in force on {@code day}: the latest that took effect by then. */
    public static EvaluationModel inForce(List<EvaluationModel> models, LocalDate day) {
        return models.stream()
                .filter(m -> !m.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(EvaluationModel::effectiveFrom))
                .orElseThrow(() -> new IllegalArgumentException("no evaluation model in force on " + day));
    }

    /** The shipped model (06 §6.3's three dimensions, 25/50/25; items after 06 §6.2's caps; placeholders). */
    public static EvaluationModel shipped() {
        BigDecimal half = new BigDecimal("0.5");
        return new EvaluationModel(
                LocalDate.of(2024, 1, 1),
                List.of(
                        new Dimension(
                                "organization",
                                new BigDecimal("25"),
                                List.of(
                                        new Item("full-time-staff", half, new BigDecimal("3")),
                                        new Item("governance-bodies", new BigDecimal("2"), new BigDecimal("6")),
                                        new Item(
                                                "budget-executed-percent", new BigDecimal("0.1"), new BigDecimal("10")),
                                        new Item("annual-report-on-time", new BigDecimal("6"), new BigDecimal("6")))),
                        new Dimension(
                                "service",
                                new BigDecimal("50"),
                                List.of(
                                        new Item(
                                                "international-standards-led",
                                                new BigDecimal("5"),
                                                new BigDecimal("15")),
                                        new Item("national-standards-led", new BigDecimal("2"), new BigDecimal("12")),
                                        new Item("group-standards-published", half, new BigDecimal("8")),
                                        new Item("tc-secretariats", new BigDecimal("2"), new BigDecimal("6")),
                                        new Item("enterprises-served", new BigDecimal("0.1"), new BigDecimal("6")),
                                        new Item("people-certified", new BigDecimal("0.02"), new BigDecimal("5")),
                                        new Item("verifications-done", new BigDecimal("0.2"), new BigDecimal("5")))),
                        new Dimension(
                                "innovation",
                                new BigDecimal("25"),
                                List.of(
                                        new Item("new-mechanisms", new BigDecimal("3"), new BigDecimal("9")),
                                        new Item("cooperation-agreements", new BigDecimal("1"), new BigDecimal("6")),
                                        new Item("results-converted", half, new BigDecimal("5")),
                                        new Item(
                                                "practices-adopted-elsewhere",
                                                new BigDecimal("2.5"),
                                                new BigDecimal("10"))))),
                new Thresholds(new BigDecimal("90"), new BigDecimal("75"), new BigDecimal("60")));
    }

    /** Item codes in model order, for forms. */
    public Map<String, String> itemDimensions() {
        Map<String, String> codes = new LinkedHashMap<>();
        dimensions.forEach(d -> d.items().forEach(i -> codes.put(i.code(), d.code())));
        return codes;
    }
}
