package org.stdhub.consulting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stdhub.consulting.declaration.DeclarationStore;

/** The ranking rule alone: best first by the direction, equal values (also 1.50 and 1.5) share a rank, 1-2-2-4. */
class FrontRunnerRankingTests {

    static DeclarationStore.ClassIndicator value(long id, String org, String v, IndicatorDirection d) {
        return new DeclarationStore.ClassIndicator(
                id, org, "产品" + id, "Q/T " + id, "指标", "W", d, new BigDecimal(v), false);
    }

    /** Tied values are listed by the enterprise's name (丁 U+4E01 before 丙 U+4E19), then by declaration. */
    @Test
    void higherIsBetterRanksFromTheTopWithCompetitionRanking() {
        var h = IndicatorDirection.HIGHER;
        List<FrontRunners.Entry> ranked = FrontRunners.rank(
                List.of(
                        value(1, "甲", "80", h),
                        value(2, "乙", "95", h),
                        value(3, "丙", "90", h),
                        value(4, "丁", "90.0", h)),
                h);
        assertThat(ranked).extracting(FrontRunners.Entry::declarationId).containsExactly(2L, 4L, 3L, 1L);
        assertThat(ranked).extracting(FrontRunners.Entry::rank).containsExactly(1, 2, 2, 4);
        assertThat(ranked).extracting(FrontRunners.Entry::tied).containsExactly(false, true, true, false);
    }

    @Test
    void lowerIsBetterRanksFromTheBottomAndAllEqualAreAllFirst() {
        var l = IndicatorDirection.LOWER;
        assertThat(FrontRunners.rank(List.of(value(1, "甲", "1.5", l), value(2, "乙", "0.9", l)), l))
                .extracting(FrontRunners.Entry::declarationId, FrontRunners.Entry::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, 1), org.assertj.core.groups.Tuple.tuple(1L, 2));
        assertThat(FrontRunners.rank(List.of(value(1, "甲", "1.50", l), value(2, "乙", "1.5", l)), l))
                .extracting(FrontRunners.Entry::rank)
                .containsExactly(1, 1);
    }
}
