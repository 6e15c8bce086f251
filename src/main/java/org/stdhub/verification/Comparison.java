package org.stdhub.verification;

import java.util.List;

/**
 * The inter-laboratory comparison of one measured quantity of a clause, when several labs measured it: assigned value
 * x_pt and σ_pt by ISO 13528 Algorithm A over one result per lab, u(x_pt) = 1.25 s* / √p, and each lab's score — z when
 * u(x_pt) &lt; 0.3 σ_pt, else z′ — with its band. What was applied (edition, σ_pt source, stopping rule) is stored with
 * the result.
 */
public record Comparison(
        String quantity,
        String unit,
        int p,
        double assignedValue,
        double sigmaPt,
        double assignedUncertainty,
        String score,
        int iterations,
        boolean converged,
        String stoppingRule,
        String edition,
        String sigmaPtSource,
        List<Row> rows) {

    /** One lab's result and score; {@code band} is SATISFACTORY, QUESTIONABLE or UNSATISFACTORY. */
    public record Row(long labId, String lab, double value, double score, String band) {

        public String bandKey() {
            return "verification.ilc.band." + band;
        }
    }
}
