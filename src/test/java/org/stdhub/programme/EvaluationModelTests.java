package org.stdhub.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stdhub.programme.EvaluationModel.Dimension;
import org.stdhub.programme.EvaluationModel.Item;
import org.stdhub.programme.EvaluationModel.ResultClass;
import org.stdhub.programme.EvaluationModel.Thresholds;

/** Evaluation scoring: per-item caps, dimension weights as caps, classes, panel mean, ranking, effective dates. */
class EvaluationModelTests {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** Two dimensions: A (weight 40: x 2 pts each, cap 30; y 5 pts, cap 25) and B (weight 60: z 10 pts, cap 60). */
    private static EvaluationModel model(LocalDate from, String pass) {
        return new EvaluationModel(
                from,
                List.of(
                        new Dimension(
                                "A", d("40"), List.of(new Item("x", d("2"), d("30")), new Item("y", d("5"), d("25")))),
                        new Dimension("B", d("60"), List.of(new Item("z", d("10"), d("60"))))),
                new Thresholds(d("90"), d("75"), d(pass)));
    }

    @Test
    void itemsAreCappedThenDimensionsAtTheirWeight() {
        EvaluationModel m = model(LocalDate.of(2024, 1, 1), "60");
        // x: 20 × 2 = 40 → capped 30; y: 3 × 5 = 15; A raw 45 → capped at weight 40; z: 4 × 10 = 40
        EvaluationModel.Score s = m.score(Map.of("x", d("20"), "y", d("3"), "z", d("4")));
        EvaluationModel.DimensionScore a = s.dimensions().get(0);
        assertThat(a.items().get(0).points()).isEqualByComparingTo("30");
        assertThat(a.items().get(0).capped()).isTrue();
        assertThat(a.raw()).isEqualByComparingTo("45");
        assertThat(a.points()).isEqualByComparingTo("40");
        assertThat(a.capped()).isTrue();
        assertThat(s.total()).isEqualByComparingTo("80");
        assertThat(s.resultClass()).isEqualTo(ResultClass.GOOD);
    }

    @Test
    void classesFollowTheThresholdsAtTheirEdges() {
        EvaluationModel m = model(LocalDate.of(2024, 1, 1), "60");
        assertThat(m.classOf(d("90"))).isEqualTo(ResultClass.EXCELLENT);
        assertThat(m.classOf(d("89.99"))).isEqualTo(ResultClass.GOOD);
        assertThat(m.classOf(d("75"))).isEqualTo(ResultClass.GOOD);
        assertThat(m.classOf(d("60"))).isEqualTo(ResultClass.PASS);
        assertThat(m.classOf(d("59.99"))).isEqualTo(ResultClass.FAIL);
        assertThat(m.score(Map.of()).resultClass()).isEqualTo(ResultClass.FAIL);
        // negative quantities count as zero; a full score is 100
        assertThat(m.score(Map.of("x", d("-5"))).total()).isEqualByComparingTo("0");
        assertThat(m.score(Map.of("x", d("100"), "y", d("100"), "z", d("100"))).total())
                .isEqualByComparingTo("100");
    }

    @Test
    void thePanelTotalIsTheMeanOfTheExpertsTotals() {
        EvaluationModel m = model(LocalDate.of(2024, 1, 1), "60");
        BigDecimal total =
                m.panelTotal(List.of(Map.of("z", d("6")), Map.of("z", d("7")), Map.of("z", d("7"), "y", d("1"))));
        // 60, 60 (capped 70 → 60), 65 → 185 / 3 = 61.67
        assertThat(total).isEqualByComparingTo("61.67");
        assertThatThrownBy(() -> m.panelTotal(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitsAreRankedByTotalAndTiesShareARank() {
        EvaluationModel m = model(LocalDate.of(2024, 1, 1), "60");
        Map<String, EvaluationModel.Score> scores = new LinkedHashMap<>();
        scores.put("丙", m.score(Map.of("z", d("5"))));
        scores.put("甲", m.score(Map.of("z", d("9"))));
        scores.put("乙", m.score(Map.of("z", d("5"))));
        scores.put("丁", m.score(Map.of("z", d("1"))));
        assertThat(EvaluationModel.rank(scores))
                .extracting(EvaluationModel.Ranked::unit, EvaluationModel.Ranked::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("甲", 1),
                        org.assertj.core.groups.Tuple.tuple("丙", 2),
                        org.assertj.core.groups.Tuple.tuple("乙", 2),
                        org.assertj.core.groups.Tuple.tuple("丁", 4));
    }

    @Test
    void theModelInForceOnTheEvaluationsDateApplies() {
        EvaluationModel old = model(LocalDate.of(2024, 1, 1), "60");
        EvaluationModel stricter = model(LocalDate.of(2026, 7, 1), "70");
        List<EvaluationModel> models = List.of(stricter, old);
        assertThat(EvaluationModel.inForce(models, LocalDate.of(2026, 6, 30))).isSameAs(old);
        assertThat(EvaluationModel.inForce(models, LocalDate.of(2026, 7, 1))).isSameAs(stricter);
        assertThat(EvaluationModel.inForce(models, LocalDate.of(2026, 6, 30)).classOf(d("65")))
                .isEqualTo(ResultClass.PASS);
        assertThat(EvaluationModel.inForce(models, LocalDate.of(2026, 7, 1)).classOf(d("65")))
                .isEqualTo(ResultClass.FAIL);
        assertThatThrownBy(() -> EvaluationModel.inForce(models, LocalDate.of(2023, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightsMustAddUpToAHundredAndTheShippedModelDoes() {
        assertThatThrownBy(() -> new EvaluationModel(
                        LocalDate.of(2024, 1, 1),
                        List.of(new Dimension("A", d("50"), List.of())),
                        new Thresholds(d("90"), d("75"), d("60"))))
                .isInstanceOf(IllegalArgumentException.class);
        EvaluationModel shipped = EvaluationModel.shipped();
        assertThat(shipped.itemDimensions()).containsKeys("national-standards-led", "verifications-done");
        assertThat(shipped.score(Map.of("national-standards-led", d("10"))).total())
                .isEqualByComparingTo("12");
    }
}
