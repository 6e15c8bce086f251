package org.stdhub.research.web;

import java.util.List;
import org.stdhub.research.Analytics;
import org.stdhub.research.analytics.CatalogFigures;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code /js/charts.js} draws with ECharts for one figure: the chart type, the category labels and the series.
 * Rendered as JSON into a {@code data-chart} attribute (no inline script: the CSP forbids it).
 */
record ChartSpec(String type, List<String> labels, List<Series> series) {

    record Series(String name, List<Long> values) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** At most this many bars; the rest is in the table beside the chart. */
    static final int MAX_BARS = 20;

    static ChartSpec of(FigureTable t) {
        String type = switch (t.key()) {
            case CatalogFigures.KIND, CatalogFigures.STATUS -> "pie";
            case Analytics.YEAR -> "line";
            default -> "bar";
        };
        List<FigureTable.LabelledRow> rows = type.equals("bar") && t.rows().size() > MAX_BARS
                ? t.rows().stream()
                        .sorted((a, b) -> Long.compare(b.value(), a.value()))
                        .limit(MAX_BARS)
                        .toList()
                : t.rows();
        boolean codes = switch (t.key()) {
            case CatalogFigures.ICS, CatalogFigures.CCS, CatalogFigures.ADOPTION, Analytics.YEAR -> true;
            default -> false;
        };
        List<String> labels =
                rows.stream().map(r -> codes ? r.key() : r.label()).toList();
        List<Series> series = t.twoCounts()
                ? List.of(
                        new Series(
                                t.columns().get(1),
                                rows.stream()
                                        .map(FigureTable.LabelledRow::value)
                                        .toList()),
                        new Series(
                                t.columns().get(2),
                                rows.stream()
                                        .map(r -> r.extra() == null ? 0L : r.extra())
                                        .toList()))
                : List.of(new Series(
                        t.columns().get(1),
                        rows.stream().map(FigureTable.LabelledRow::value).toList()));
        return new ChartSpec(type, labels, series);
    }

    String json() {
        return JSON.writeValueAsString(this);
    }
}
