package org.stdhub.talent.draw;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * One place of a draw's ordered result. Members serve, reserves wait; a member who declines, is disqualified or
 * declares a conflict is replaced by the next waiting reserve, and their conclusions are void.
 */
@Entity
@Table(name = "expert_draw_position")
public class DrawPosition {

    /** What became of a drawn expert. */
    public enum Outcome {
        SERVING,
        WAITING,
        DECLINED,
        DISQUALIFIED,
        CONFLICT;

        public boolean replaced() {
            return this == DECLINED || this == DISQUALIFIED || this == CONFLICT;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "draw_id")
    private ExpertDraw draw;

    @Column(nullable = false)
    private int position;

    @Column(name = "expert_id", nullable = false)
    private long expertId;

    @Column(nullable = false)
    private String role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(name = "outcome_reason")
    private String outcomeReason;

    @Column(name = "replaced_by")
    private Integer replacedBy;

    @Column(name = "conclusions_void", nullable = false)
    private boolean conclusionsVoid;

    @Column(name = "changed_at")
    private Instant changedAt;

    private Integer rating;

    @Column(name = "rating_note")
    private String ratingNote;

    @Column(name = "rated_at")
    private Instant ratedAt;

    protected DrawPosition() {}

    DrawPosition(ExpertDraw draw, int position, long expertId, boolean member) {
        this.draw = draw;
        this.position = position;
        this.expertId = expertId;
        this.role = member ? "MEMBER" : "RESERVE";
        this.outcome = member ? Outcome.SERVING : Outcome.WAITING;
    }

    /** This member leaves the panel; {@code reserve} takes the seat. */
    public void replaceWith(DrawPosition reserve, Outcome why, String reason, Instant now) {
        if (outcome != Outcome.SERVING || !why.replaced() || reserve.outcome != Outcome.WAITING) {
            throw new IllegalStateException("position " + position + " cannot be replaced now");
        }
        outcome = why;
        outcomeReason = reason;
        replacedBy = reserve.position;
        conclusionsVoid = true;
        changedAt = now;
        reserve.outcome = Outcome.SERVING;
        reserve.changedAt = now;
    }

    /** A waiting reserve drops out (declines or declares a conflict) before being called. */
    public void withdrawReserve(Outcome why, String reason, Instant now) {
        if (outcome != Outcome.WAITING || !why.replaced()) {
            throw new IllegalStateException("position " + position + " is not a waiting reserve");
        }
        outcome = why;
        outcomeReason = reason;
        changedAt = now;
    }

    /** The responsible officer's rating (1–5) of this expert's part in the review, with a note. */
    public void rate(int rating, String note, Instant now) {
        if (outcome == Outcome.WAITING) {
            throw new IllegalStateException("position " + position + " was never called");
        }
        this.rating = rating;
        this.ratingNote = note;
        this.ratedAt = now;
    }

    public ExpertDraw getDraw() {
        return draw;
    }

    public Integer getRating() {
        return rating;
    }

    public String getRatingNote() {
        return ratingNote;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }

    public int getPosition() {
        return position;
    }

    public long getExpertId() {
        return expertId;
    }

    public boolean isMember() {
        return "MEMBER".equals(role);
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    public Integer getReplacedBy() {
        return replacedBy;
    }

    public boolean isConclusionsVoid() {
        return conclusionsVoid;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
