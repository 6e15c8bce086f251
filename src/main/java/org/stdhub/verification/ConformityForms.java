package org.stdhub.verification;

import java.time.LocalDate;
import java.util.List;

/** What enterprises and labs write to conformity testing (pages and JSON API alike). */
public final class ConformityForms {

    private ConformityForms() {}

    /** A clause to test: its number in the standard and, optionally, the requirement in brief. */
    public record Clause(String number, String requirement) {}

    /** A standard to test against, picked by designation, with its clauses. */
    public record StandardClauses(String designation, List<Clause> clauses) {}

    /**
     * A request. {@code enterpriseId} may be left out when the requester is an enterprise user of one organization
     * only; {@code labId} is the lab's organization id.
     */
    public record NewRequest(
            Long enterpriseId,
            Long labId,
            String product,
            String samples,
            LocalDate dueDate,
            List<StandardClauses> standards) {}

    /**
     * The lab's result for one clause: measured value (with unit), verdict PASS or FAIL and, optionally, the lab's
     * instrument it was measured with (refused while its calibration is due).
     */
    public record ClauseResult(Long clauseId, String measured, String unit, String verdict, Long equipmentId) {

        /** A result measured without a named instrument. */
        public ClauseResult(Long clauseId, String measured, String unit, String verdict) {
            this(clauseId, measured, unit, verdict, null);
        }
    }

    /** A reason (rejection, cancellation) or the report's conclusion. */
    public record Note(String text) {}
}
