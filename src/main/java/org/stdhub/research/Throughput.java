package org.stdhub.research;

import java.time.Instant;
import java.util.List;

/**
 * One workflow's output per month (and per lab or course where it has one), read from the research read model that
 * follows the module's events: the names of the counted measures and, per row, the count of each in that order.
 *
 * @param source {@code verification}, {@code training} or {@code enquiries}
 * @param measures the measures counted, e.g. {@code task}, {@code conformity}, {@code evaluation}; their titles are
 *     the messages {@code research.measure.<measure>}
 * @param refreshedAt when the source last delivered a fact (null: the module has not reported yet)
 */
public record Throughput(String source, List<String> measures, List<Row> rows, Instant refreshedAt) {

    /**
     * A month ({@code yyyy-MM}), the lab or course (null where the measure has none, e.g. evaluations or enquiries),
     * the count of each measure, and for enquiries the mean answer time in days (one decimal).
     */
    public record Row(String month, Long subjectId, String subjectName, List<Long> counts, Double meanDays) {}

    public boolean hasData() {
        return refreshedAt != null;
    }

    /** The total of each measure over every row. */
    public List<Long> totals() {
        return java.util.stream.IntStream.range(0, measures.size())
                .mapToObj(i -> rows.stream().mapToLong(r -> r.counts().get(i)).sum())
                .toList();
    }
}
