package org.stdhub.talent.exam;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.stdhub.talent.AttemptState;

/**
 * One sitting of an exam: the paper (drawn from the stored seed), the deadline fixed at the start by the server's
 * clock, and the result.
 */
@Entity
@Table(name = "exam_attempt")
public class ExamAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "exam_id", nullable = false, updatable = false)
    private long examId;

    @Column(name = "enrolment_id", nullable = false, updatable = false)
    private long enrolmentId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(nullable = false, updatable = false)
    private String seed;

    @Column(name = "question_ids", nullable = false, updatable = false)
    private String questionIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptState state;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(nullable = false, updatable = false)
    private Instant deadline;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by_deadline", nullable = false)
    private boolean closedByDeadline;

    private Integer score;

    @Column(name = "max_score", nullable = false)
    private int maxScore;

    private Boolean passed;

    @Column(name = "certificate_number")
    private String certificateNumber;

    @Version
    private int version;

    protected ExamAttempt() {}

    public ExamAttempt(
            long examId,
            long enrolmentId,
            long personId,
            String seed,
            List<Long> questionIds,
            int maxScore,
            Instant startedAt,
            Instant deadline) {
        this.examId = examId;
        this.enrolmentId = enrolmentId;
        this.personId = personId;
        this.seed = seed;
        this.questionIds =
                String.join(",", questionIds.stream().map(String::valueOf).toList());
        this.maxScore = maxScore;
        this.state = AttemptState.IN_PROGRESS;
        this.startedAt = startedAt;
        this.deadline = deadline;
    }

    /** Closes the attempt: by the person's submission or because its deadline passed. */
    public void close(Instant now, boolean byDeadline) {
        if (state != AttemptState.IN_PROGRESS) {
            throw new IllegalStateException("attempt " + id + " is closed");
        }
        this.state = AttemptState.AWAITING_SCORING;
        this.closedAt = byDeadline ? deadline : now;
        this.closedByDeadline = byDeadline;
    }

    /** Records the result (first scoring or a re-score). */
    public void result(int score, boolean passed) {
        this.state = AttemptState.SCORED;
        this.score = score;
        this.passed = passed;
    }

    public void certificate(String number) {
        this.certificateNumber = number;
    }

    public Long getId() {
        return id;
    }

    public long getExamId() {
        return examId;
    }

    public long getEnrolmentId() {
        return enrolmentId;
    }

    public long getPersonId() {
        return personId;
    }

    public String getSeed() {
        return seed;
    }

    public List<Long> questionIds() {
        return Arrays.stream(questionIds.split(",")).map(Long::valueOf).toList();
    }

    public AttemptState getState() {
        return state;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public boolean isClosedByDeadline() {
        return closedByDeadline;
    }

    public Integer getScore() {
        return score;
    }

    public int getMaxScore() {
        return maxScore;
    }

    public Boolean getPassed() {
        return passed;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }
}
