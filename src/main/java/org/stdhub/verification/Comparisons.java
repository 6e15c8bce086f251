package org.stdhub.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stdhub.verification.ilc.PerformanceScores;
import org.stdhub.verification.ilc.RoundEvaluation;

/**
 * Inter-laboratory comparison of a clause: when two or more labs measured the same quantity in the same unit, each
 * lab's result (the mean of its records of that quantity) enters ISO 13528 Algorithm A and is scored.
 */
public final class Comparisons {

    private Comparisons() {}

    /** The comparison of the first quantity several labs measured, if any. */
    public static Optional<Comparison> of(List<TaskView.Record> records) {
        Map<String, Map<Long, List<TaskView.Record>>> byQuantity = new LinkedHashMap<>();
        for (TaskView.Record r : records) {
            byQuantity
                    .computeIfAbsent(r.quantity() + "\u0000" + r.unit(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.labId(), k -> new ArrayList<>())
                    .add(r);
        }
        for (Map<Long, List<TaskView.Record>> perLab : byQuantity.values()) {
            if (perLab.size() < 2) {
                continue;
            }
            List<RoundEvaluation.Result> results = new ArrayList<>();
            perLab.forEach((lab, rs) -> results.add(new RoundEvaluation.Result(
                    lab,
                    rs.getFirst().lab(),
                    rs.stream()
                            .mapToDouble(r -> r.measuredValue().doubleValue())
                            .average()
                            .orElseThrow())));
            TaskView.Record first = perLab.values().iterator().next().getFirst();
            return Optional.of(compare(first.quantity(), first.unit(), results));
        }
        return Optional.empty();
    }

    public static Comparison compare(String quantity, String unit, List<RoundEvaluation.Result> results) {
        RoundEvaluation.Outcome o = RoundEvaluation.evaluate(results, PerformanceScores.Bands.DEFAULT);
        return new Comparison(
                quantity,
                unit,
                o.robust().p(),
                o.robust().robustMean(),
                o.robust().robustSd(),
                o.uAssigned(),
                o.zPrime() ? "z′" : "z",
                o.robust().iterations(),
                o.robust().converged(),
                o.robust().rule().toString(),
                RoundEvaluation.EDITION,
                RoundEvaluation.SIGMA_PT_SOURCE,
                o.scores().stream()
                        .map(s -> new Comparison.Row(
                                s.result().labId(),
                                s.result().lab(),
                                s.result().value(),
                                s.score(),
                                s.band().name()))
                        .toList());
    }
}
