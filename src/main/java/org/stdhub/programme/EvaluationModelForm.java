package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A new evaluation model as the base office sets it: the day it takes effect, each dimension's weight (code →
 * weight, adding up to 100), each item's points per counted unit and cap (item code → number; a cap of 0 leaves the
 * item out), the lowest totals of 优秀, 良好 and 合格, and why the model changes. The dimensions and items are the
 * application's ({@link EvaluationModels#structure()}); the numbers are the office's.
 */
public record EvaluationModelForm(
        LocalDate effectiveFrom,
        Map<String, BigDecimal> weights,
        Map<String, BigDecimal> points,
        Map<String, BigDecimal> caps,
        BigDecimal excellent,
        BigDecimal good,
        BigDecimal pass,
        String reason) {

    /** The form filled in with a model's numbers (the page's starting point for the next one). */
    public static EvaluationModelForm of(EvaluationModel model, LocalDate effectiveFrom) {
        Map<String, BigDecimal> weights = new java.util.LinkedHashMap<>();
        Map<String, BigDecimal> points = new java.util.LinkedHashMap<>();
        Map<String, BigDecimal> caps = new java.util.LinkedHashMap<>();
        for (EvaluationModel.Dimension d : model.dimensions()) {
            weights.put(d.code(), d.weight());
            for (EvaluationModel.Item i : d.items()) {
                points.put(i.code(), i.pointsPerUnit());
                caps.put(i.code(), i.cap());
            }
        }
        EvaluationModel.Thresholds t = model.thresholds();
        return new EvaluationModelForm(effectiveFrom, weights, points, caps, t.excellent(), t.good(), t.pass(), null);
    }
}
