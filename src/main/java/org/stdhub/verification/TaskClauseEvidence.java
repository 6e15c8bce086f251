package org.stdhub.verification;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.stdhub.platform.SystemActor;

/**
 * The verification tasks of a standard's project as traceability evidence: for every clause a reported (or closed)
 * task decided, its verdict, the labs that tested it and how many test records back it. Published with the standard:
 * what a verification found about a clause that made it into a published standard is no longer the drafting group's
 * internal matter, so the summary is public; the task itself (records, raw data) stays visible to its parties only.
 */
@Component
class TaskClauseEvidence implements ClauseEvidenceSource {

    static final String KIND = "verification-task";

    private final VerificationTasks tasks;

    TaskClauseEvidence(VerificationTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<ClauseEvidence> evidence(String designation, Long projectId) {
        if (projectId == null) {
            return List.of();
        }
        List<ClauseEvidence> out = new ArrayList<>();
        for (TaskView t : SystemActor.run("traceability", () -> tasks.ofProject(projectId))) {
            if (!t.state().equals("REPORTED") && !t.state().equals("CLOSED")) {
                continue;
            }
            for (TaskView.Clause c : t.clauses()) {
                if (c.verdict() == null) {
                    continue;
                }
                List<String> labs = c.records().stream()
                        .map(TaskView.Record::lab)
                        .distinct()
                        .toList();
                String summary = t.title() + " · " + String.join("、", labs) + " · "
                        + c.records().size()
                        + (c.recommendation() == null || c.recommendation().isBlank()
                                ? ""
                                : " · " + c.recommendation());
                out.add(new ClauseEvidence(c.clauseNo(), KIND, summary, c.verdict(), "/verification-tasks/" + t.id()));
            }
        }
        return out;
    }
}
