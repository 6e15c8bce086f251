package org.stdhub.development;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.stdhub.platform.SystemActor;
import org.stdhub.platform.UserFacingException;

/**
 * Closes, as the system, what reached its time: ballots (their result is computed and the project moves to the
 * close of voting) and comment periods (late comments are refused from then on). Each in its own transaction, so
 * one refusal does not hold up the others.
 */
@Component
class DevelopmentDeadlines {

    static final String ACTOR = "development-deadlines";

    private static final Logger log = LoggerFactory.getLogger(DevelopmentDeadlines.class);

    private final Ballots ballots;
    private final Projects projects;

    DevelopmentDeadlines(Ballots ballots, Projects projects) {
        this.ballots = ballots;
        this.projects = projects;
    }

    /** Every minute by default; {@code stdhub.development.deadline-cron=-} switches it off (tests close by hand). */
    @Scheduled(cron = "${stdhub.development.deadline-cron:0 * * * * *}")
    @SchedulerLock(
            name = "development.deadlines",
            lockAtMostFor = "PT10M",
            lockAtLeastFor = "${stdhub.scheduling.lock-at-least-for:PT30S}")
    void run() {
        SystemActor.run(ACTOR, this::closeDue);
    }

    /** Closes every due ballot and comment period; returns how many it closed. */
    int closeDue() {
        int closed = 0;
        for (long id : ballots.due()) {
            try {
                ballots.close(id);
                closed++;
            } catch (UserFacingException e) {
                log.warn("ballot {} not closed: {}", id, e.getMessage());
            }
        }
        for (long id : projects.commentPeriodsDue()) {
            try {
                projects.transition(id, "CLOSE_COMMENT_PERIOD", null);
                closed++;
            } catch (UserFacingException e) {
                log.warn("comment period of project {} not closed: {}", id, e.getMessage());
            }
        }
        return closed;
    }
}
