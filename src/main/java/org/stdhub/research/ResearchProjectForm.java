package org.stdhub.research;

import java.time.LocalDate;
import java.util.List;

/**
 * A research project as entered: topic, plan, outputs, the team (person ids; the author is always in it), milestones
 * and the development projects and patents (ids of the development module) its results fed.
 */
public record ResearchProjectForm(
        String topic,
        String plan,
        String outputs,
        List<Long> team,
        List<MilestoneForm> milestones,
        List<Long> developmentProjectIds,
        List<Long> patentIds) {

    /** A milestone as entered; status PLANNED, DONE or MISSED. */
    public record MilestoneForm(String title, LocalDate dueOn, String status) {}
}
