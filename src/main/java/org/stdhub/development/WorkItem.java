package org.stdhub.development;

import java.time.Instant;

/**
 * One line of a person's "my work": what is to be done on which project, whether it is theirs to do or they wait on
 * others, its deadline, and whether that deadline has passed. Read from the current state of projects and ballots.
 *
 * @param kind {@code VOTE} (a ballot waits for my vote), {@code VOTED} (I voted; the ballot runs), {@code
 *     TRANSITION} (my alliance's project waits for its secretariat), {@code RUNNING} (a ballot or comment period of my
 *     alliance runs), {@code MY_PROPOSAL} (a project I proposed, until it ends)
 * @param mine true when the person must act, false when they wait on others
 * @param href the item's own page when it is not the project's (items of a {@link WorkSource}), else null
 */
public record WorkItem(
        String kind,
        boolean mine,
        long projectId,
        String projectTitle,
        String alliancePrefix,
        String stage,
        Long ballotId,
        Instant deadline,
        boolean overdue,
        String href) {

    /** An item of the development module itself, whose page is the project's. */
    public WorkItem(
            String kind,
            boolean mine,
            long projectId,
            String projectTitle,
            String alliancePrefix,
            String stage,
            Long ballotId,
            Instant deadline,
            boolean overdue) {
        this(kind, mine, projectId, projectTitle, alliancePrefix, stage, ballotId, deadline, overdue, null);
    }

    public String stageKey() {
        return "development.stage." + stage;
    }
}
