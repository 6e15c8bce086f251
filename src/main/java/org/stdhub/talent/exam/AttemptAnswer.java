package org.stdhub.talent.exam;

import jakarta.persistence.*;
import java.time.Instant;

/** One answer of an attempt, saved as it is given; its points once scored. */
@Entity
@Table(name = "attempt_answer")
public class AttemptAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "attempt_id", nullable = false, updatable = false)
    private long attemptId;

    @Column(name = "question_id", nullable = false, updatable = false)
    private long questionId;

    private String answer;

    private Integer points;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    @Version
    private int version;

    protected AttemptAnswer() {}

    public AttemptAnswer(long attemptId, long questionId, String answer, Instant now) {
        this.attemptId = attemptId;
        this.questionId = questionId;
        this.answer = answer;
        this.savedAt = now;
    }

    public void answer(String answer, Instant now) {
        this.answer = answer;
        this.savedAt = now;
    }

    public void score(int points) {
        this.points = points;
    }

    public long getQuestionId() {
        return questionId;
    }

    public String getAnswer() {
        return answer;
    }

    public Integer getPoints() {
        return points;
    }
}
