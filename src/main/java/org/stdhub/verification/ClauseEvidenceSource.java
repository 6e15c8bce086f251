package org.stdhub.verification;

import java.util.List;

/**
 * Where traceability finds the verification evidence of a standard's clauses. Any number of beans may implement it
 * (the verification tasks on the project's drafts are meant to be one); traceability shows what each contributes,
 * clause by clause. Without any bean, clauses show no verification evidence.
 */
public interface ClauseEvidenceSource {

    /**
     * The evidence for the clauses of {@code designation} (as the catalog writes it).
     *
     * @param projectId the development project that produced the standard, or null when none is known
     */
    List<ClauseEvidence> evidence(String designation, Long projectId);
}
