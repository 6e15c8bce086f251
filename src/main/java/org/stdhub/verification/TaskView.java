package org.stdhub.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A verification task as its page and API show it: the project and draft version it verifies, the labs, plan and
 * due date, state and what the viewer may do next, each clause with its test records and verdict, and the inter-lab
 * comparison of clauses several labs measured.
 */
public record TaskView(
        long id,
        long projectId,
        String projectTitle,
        String alliancePrefix,
        long draftId,
        int draftVersion,
        String title,
        String plan,
        LocalDate dueDate,
        boolean overdue,
        String state,
        List<Lab> labs,
        List<Clause> clauses,
        Instant openedAt,
        Instant reportedAt,
        boolean reportAvailable,
        List<String> allowedTransitions,
        boolean viewerIsLab,
        boolean viewerIsOpener,
        boolean demo) {

    /** An assigned lab, flagged when its accreditation has expired. */
    public record Lab(long id, String name, boolean accreditationValid) {}

    public record Clause(
            long id,
            String clauseNo,
            String requirement,
            String testMethod,
            String acceptance,
            String verdict,
            String recommendation,
            String verdictLab,
            List<Record> records,
            Comparison comparison) {}

    public record Record(
            long id,
            long labId,
            String lab,
            String samples,
            String conditions,
            long equipmentId,
            String equipment,
            String quantity,
            BigDecimal measuredValue,
            String unit,
            BigDecimal expandedUncertainty,
            BigDecimal coverageFactor,
            String rawFileName,
            String rawSha256,
            Instant recordedAt) {}

    public String stateKey() {
        return "verification.task.state." + state;
    }
}
