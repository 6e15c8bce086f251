package org.stdhub.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A conformity test request as its page and the API show it to the enterprise that asked and to the lab it is
 * addressed to, with what the viewer may do now.
 */
public record ConformityTestView(
        long id,
        long enterpriseId,
        String enterpriseName,
        long labId,
        String labName,
        String requesterName,
        String product,
        String samples,
        LocalDate dueDate,
        ConformityState state,
        String stateReason,
        String reportNumber,
        LocalDate reportIssuedOn,
        String reportConclusion,
        boolean demo,
        Instant createdAt,
        List<StandardLine> standards,
        List<ClauseLine> clauses,
        List<Notice> notices,
        List<ConformityTransition> allowedTransitions,
        boolean viewerIsLab) {

    public ConformityTestView {
        standards = List.copyOf(standards);
        clauses = List.copyOf(clauses);
        notices = List.copyOf(notices);
        allowedTransitions = List.copyOf(allowedTransitions);
    }

    /**
     * A standard of the request. {@code warning} is a message key about the edition when it was picked (a newer
     * edition exists, not in force) with {@code warningArg}; {@code flag} is WITHDRAWN or REPLACED once the catalog
     * withdrew or replaced it after the request, {@code flagRelated} naming what replaces it.
     */
    public record StandardLine(
            long id,
            String designation,
            String title,
            String status,
            String warning,
            String warningArg,
            String flag,
            String flagRelated,
            Instant flaggedAt) {

        public boolean flagged() {
            return flag != null;
        }
    }

    /** A clause with the lab's result (measured, unit, verdict PASS/FAIL; null until recorded). */
    public record ClauseLine(
            long id,
            long standardId,
            String designation,
            String number,
            String requirement,
            String measured,
            String unit,
            String verdict,
            String recordedBy,
            Instant recordedAt,
            String equipment) {}

    /** What the enterprise was told about a tested standard the catalog withdrew or replaced. */
    public record Notice(String designation, String kind, String related, Instant createdAt) {}

    public boolean anyFlagged() {
        return standards.stream().anyMatch(StandardLine::flagged);
    }

    public boolean allClausesRecorded() {
        return clauses.stream().allMatch(c -> c.verdict() != null);
    }
}
