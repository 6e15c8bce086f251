package org.stdhub.compliance;

import java.time.Instant;
import java.util.List;

/**
 * The result of a validity check of a list of standards.
 *
 * @param checkedAt when the check ran
 * @param catalogDataDate when the catalog's data were last brought up to date (end of the latest finished
 *     import), or null when no import has finished
 */
public record CheckReport(Instant checkedAt, Instant catalogDataDate, CheckSummary summary, List<CheckLine> lines) {

    public CheckReport {
        lines = List.copyOf(lines);
    }

    /** The designations of the lines that name a standard of the catalog, as read, each once. */
    public List<String> matchedDesignations() {
        return lines.stream()
                .filter(l -> l.verdict().matched())
                .map(CheckLine::normalized)
                .distinct()
                .toList();
    }
}
