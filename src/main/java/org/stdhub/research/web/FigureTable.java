package org.stdhub.research.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.stdhub.research.Figure;

/**
 * A figure as the reader sees it: its title, column headings and labelled rows (the accessible table beside each
 * chart, and the API's answer).
 */
public record FigureTable(
        String key, String title, List<String> columns, List<LabelledRow> rows, boolean hasData, Instant refreshedAt) {

    /** A row with its label in the reader's language. */
    public record LabelledRow(String key, String label, long value, Long extra, Double percent) {}

    static FigureTable of(Figure figure, FigureLabels labels, Locale locale) {
        String[] c = labels.columns(figure.key(), locale);
        boolean two = FigureExport.twoCounts(figure);
        return new FigureTable(
                figure.key(),
                labels.title(figure.key(), locale),
                two ? List.of(c) : List.of(c[0], c[1]),
                figure.rows().stream()
                        .map(r -> new LabelledRow(
                                r.key(),
                                labels.label(figure.key(), r.key(), locale),
                                r.value(),
                                r.extra(),
                                r.percent()))
                        .toList(),
                figure.hasData(),
                figure.refreshedAt());
    }

    public boolean twoCounts() {
        return columns.size() > 2;
    }
}
