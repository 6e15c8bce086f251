package org.stdhub.talent.exam;

import jakarta.persistence.*;
import java.time.Instant;

/** A recorded change of a recorded result: who, when, which question, from what to what, and why. */
@Entity
@Table(name = "attempt_rescore")
public class AttemptRescore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "attempt_id", nullable = false, updatable = false)
    private long attemptId;

    @Column(name = "question_id", nullable = false, updatable = false)
    private long questionId;

    @Column(name = "points_before", updatable = false)
    private Integer pointsBefore;

    @Column(name = "points_after", nullable = false, updatable = false)
    private int pointsAfter;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "by_person_id", nullable = false, updatable = false)
    private long byPersonId;

    @Column(name = "rescored_at", nullable = false, updatable = false)
    private Instant at;

    protected AttemptRescore() {}

    public AttemptRescore(
            long attemptId,
            long questionId,
            Integer pointsBefore,
            int pointsAfter,
            String reason,
            long by,
            Instant at) {
        this.attemptId = attemptId;
        this.questionId = questionId;
        this.pointsBefore = pointsBefore;
        this.pointsAfter = pointsAfter;
        this.reason = reason;
        this.byPersonId = by;
        this.at = at;
    }

    public long getQuestionId() {
        return questionId;
    }

    public Integer getPointsBefore() {
        return pointsBefore;
    }

    public int getPointsAfter() {
        return pointsAfter;
    }

    public String getReason() {
        return reason;
    }

    public Instant getAt() {
        return at;
    }
}
