package org.stdhub.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A research project as its page and the API show it; {@code editable} says whether the viewer may edit it. */
public record ResearchProjectView(
        long id,
        String topic,
        String plan,
        String outputs,
        ResearchProjectState state,
        boolean published,
        List<TeamMember> team,
        List<Milestone> milestones,
        List<Long> developmentProjectIds,
        List<Long> patentIds,
        Instant createdAt,
        boolean editable) {

    /** A member of the team. */
    public record TeamMember(long personId, String name) {}

    /** A milestone with its date and status. */
    public record Milestone(String title, LocalDate dueOn, MilestoneStatus status) {}

    public ResearchProjectView withEditable(boolean value) {
        return new ResearchProjectView(
                id,
                topic,
                plan,
                outputs,
                state,
                published,
                team,
                milestones,
                developmentProjectIds,
                patentIds,
                createdAt,
                value);
    }

    public boolean hasMember(Long personId) {
        return personId != null && team.stream().anyMatch(m -> m.personId() == personId);
    }
}
