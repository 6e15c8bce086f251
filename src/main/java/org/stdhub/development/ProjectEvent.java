package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;

/** One stage change of a project, as the project's timeline shows it. */
@Entity
@Table(name = "project_event")
class ProjectEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false)
    private String transition;

    @Column(name = "from_stage")
    private String fromStage;

    @Column(name = "to_stage", nullable = false)
    private String toStage;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    private String comment;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected ProjectEvent() {}

    ProjectEvent(
            long projectId,
            String transition,
            Stage from,
            Stage to,
            Long actorId,
            String actorName,
            String comment,
            Instant at) {
        this.projectId = projectId;
        this.transition = transition;
        this.fromStage = from == null ? null : from.code();
        this.toStage = to.code();
        this.actorId = actorId;
        this.actorName = actorName;
        this.comment = comment;
        this.occurredAt = at;
    }

    ProjectEventView view() {
        return new ProjectEventView(id, transition, fromStage, toStage, actorName, comment, occurredAt);
    }
}
