package org.stdhub.verification;

import java.util.List;

/**
 * Where each clause of a standard comes from and what confirmed it: the research result and the patent (declared on
 * the development project that produced the group standard), the verification evidence, and the conformity tests
 * reported against it (counts only: who tested what stays with the enterprise and the lab).
 */
public record TraceabilityView(
        String designation,
        String title,
        String status,
        boolean groupStandard,
        Long projectId,
        List<Patent> patents,
        List<ClauseTrace> clauses,
        List<Long> issuedEvaluations,
        boolean viewerMayRecord) {

    public TraceabilityView {
        patents = List.copyOf(patents);
        clauses = List.copyOf(clauses);
        issuedEvaluations = List.copyOf(issuedEvaluations);
    }

    /** A patent declared on the project. */
    public record Patent(String number, String holder, String title, String licensing) {}

    /** Conformity tests reported against a clause: clause results recorded, of which passed and failed. */
    public record ConformityTally(int results, int passed, int failed) {}

    /** One clause with its origin, its evidence and its conformity tests. */
    public record ClauseTrace(
            String clause,
            String requirement,
            String researchResult,
            Patent patent,
            List<ClauseEvidence> evidence,
            ConformityTally conformity) {

        public ClauseTrace {
            evidence = List.copyOf(evidence);
        }
    }
}
