package org.stdhub.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A tranche's amount and the inputs it follows from, in {@link BigDecimal} to the cent (half up):
 *
 * <ul>
 *   <li>{@link AmountRule#FULL}: the planned amount;
 *   <li>{@link AmountRule#WITHHELD}: zero;
 *   <li>{@link AmountRule#SCALED}: planned × actual ÷ target, kept between planned × floor and planned × cap.
 * </ul>
 *
 * @param ratio actual ÷ target to four places (SCALED only)
 * @param factor the ratio after floor and cap (SCALED only)
 */
public record TrancheComputation(
        AmountRule rule,
        BigDecimal planned,
        Integer actual,
        Integer target,
        BigDecimal floor,
        BigDecimal cap,
        BigDecimal ratio,
        BigDecimal factor,
        BigDecimal amount) {

    /** The default floor and cap of a scaled tranche: nothing at least, the planned amount at most. */
    public static final BigDecimal NO_FLOOR = BigDecimal.ZERO;

    public static final BigDecimal PLANNED_CAP = BigDecimal.ONE;

    public static TrancheComputation compute(
            AmountRule rule, BigDecimal planned, Integer actual, Integer target, BigDecimal floor, BigDecimal cap) {
        Objects.requireNonNull(rule);
        BigDecimal base = planned.setScale(2, RoundingMode.HALF_UP);
        return switch (rule) {
            case FULL -> new TrancheComputation(rule, base, null, null, null, null, null, null, base);
            case WITHHELD ->
                new TrancheComputation(
                        rule,
                        base,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        BigDecimal.ZERO.setScale(2, RoundingMode.HALF_UP));
            case SCALED ->
                scaled(base, actual, target, floor == null ? NO_FLOOR : floor, cap == null ? PLANNED_CAP : cap);
        };
    }

    private static TrancheComputation scaled(
            BigDecimal planned, Integer actual, Integer target, BigDecimal floor, BigDecimal cap) {
        if (target == null || target <= 0) {
            throw new IllegalArgumentException("a scaled tranche needs a positive target");
        }
        int got = actual == null ? 0 : Math.max(0, actual);
        BigDecimal achieved = BigDecimal.valueOf(got);
        BigDecimal wanted = BigDecimal.valueOf(target);
        BigDecimal ratio = achieved.divide(wanted, 4, RoundingMode.HALF_UP);
        BigDecimal low = planned.multiply(floor).setScale(2, RoundingMode.HALF_UP);
        BigDecimal high = planned.multiply(cap).setScale(2, RoundingMode.HALF_UP);
        BigDecimal amount = planned.multiply(achieved).divide(wanted, 2, RoundingMode.HALF_UP);
        BigDecimal factor = ratio;
        if (amount.compareTo(low) < 0) {
            amount = low;
            factor = floor;
        } else if (amount.compareTo(high) > 0) {
            amount = high;
            factor = cap;
        }
        return new TrancheComputation(AmountRule.SCALED, planned, got, target, floor, cap, ratio, factor, amount);
    }

    /** The computation in one line, for the record and the finance export. */
    public String describe() {
        return switch (rule) {
            case FULL -> "FULL: " + planned.toPlainString();
            case WITHHELD -> "WITHHELD: 0.00";
            case SCALED ->
                "SCALED: " + planned.toPlainString() + " × " + actual + "/" + target + " (ratio "
                        + ratio.toPlainString()
                        + ", floor " + floor.toPlainString() + ", cap " + cap.toPlainString() + ") = "
                        + amount.toPlainString();
        };
    }
}
