package org.stdhub.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The amount rules of a tranche, to the cent: full, withheld, scaled with floor and cap, and their edges. */
class TrancheComputationTests {

    private static final BigDecimal PLANNED = new BigDecimal("100000.00");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private static TrancheComputation scaled(Integer actual, Integer target, BigDecimal floor, BigDecimal cap) {
        return TrancheComputation.compute(AmountRule.SCALED, PLANNED, actual, target, floor, cap);
    }

    @Test
    void fullPaysThePlannedAmountAndWithheldNothing() {
        assertThat(TrancheComputation.compute(AmountRule.FULL, new BigDecimal("1234.5"), 0, null, null, null)
                        .amount())
                .isEqualByComparingTo("1234.50");
        TrancheComputation withheld = TrancheComputation.compute(AmountRule.WITHHELD, PLANNED, 99, 10, null, null);
        assertThat(withheld.amount()).isEqualByComparingTo("0.00");
        assertThat(withheld.amount().scale()).isEqualTo(2);
    }

    @Test
    void scaledFollowsTheAchievementBetweenFloorAndCap() {
        TrancheComputation c = scaled(7, 10, HALF, BigDecimal.ONE);
        assertThat(c.amount()).isEqualByComparingTo("70000.00");
        assertThat(c.ratio()).isEqualByComparingTo("0.7000");
        assertThat(c.actual()).isEqualTo(7);
        assertThat(c.target()).isEqualTo(10);
        assertThat(c.describe()).contains("7/10").contains("70000.00");
    }

    @Test
    void nothingAchievedPaysTheFloor() {
        TrancheComputation c = scaled(0, 10, HALF, BigDecimal.ONE);
        assertThat(c.amount()).isEqualByComparingTo("50000.00");
        assertThat(c.factor()).isEqualByComparingTo("0.5");
        assertThat(scaled(null, 10, null, null).amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void overAchievementIsCapped() {
        assertThat(scaled(25, 10, HALF, BigDecimal.ONE).amount()).isEqualByComparingTo("100000.00");
        assertThat(scaled(25, 10, HALF, new BigDecimal("1.2")).amount()).isEqualByComparingTo("120000.00");
        // exactly on the floor and exactly on the target
        assertThat(scaled(5, 10, HALF, BigDecimal.ONE).amount()).isEqualByComparingTo("50000.00");
        assertThat(scaled(10, 10, HALF, BigDecimal.ONE).amount()).isEqualByComparingTo("100000.00");
    }

    @Test
    void amountsAreRoundedHalfUpToTheCentFromTheExactFraction() {
        // 100000 × 2/3 = 66666.666… → 66666.67 (not 100000 × 0.6667 = 66670.00)
        assertThat(scaled(2, 3, null, null).amount()).isEqualByComparingTo("66666.67");
        assertThat(TrancheComputation.compute(AmountRule.SCALED, new BigDecimal("0.01"), 1, 2, null, null)
                        .amount())
                .isEqualByComparingTo("0.01");
        assertThat(TrancheComputation.compute(AmountRule.SCALED, new BigDecimal("999.99"), 1, 3, null, null)
                        .amount())
                .isEqualByComparingTo("333.33");
    }

    @Test
    void aScaledTrancheNeedsAPositiveTarget() {
        assertThatThrownBy(() -> scaled(1, 0, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scaled(1, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
