package org.stdhub.development;

import java.time.Instant;

/** One entry of a project's timeline: which transition, from and to which stage code, who, why and when. */
public record ProjectEventView(
        long id,
        String transition,
        String fromStage,
        String toStage,
        String actor,
        String comment,
        Instant occurredAt) {

    public String transitionKey() {
        return "development.transition." + transition;
    }

    public String toStageKey() {
        return "development.stage." + toStage;
    }
}
