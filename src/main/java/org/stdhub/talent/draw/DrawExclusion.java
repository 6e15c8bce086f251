package org.stdhub.talent.draw;

import jakarta.persistence.*;
import java.time.Instant;

/** One expert kept out of a draw, with the rule and the reason. */
@Entity
@Table(name = "expert_draw_exclusion")
public class DrawExclusion {

    /** An exclusion as the avoidance rules found it, before it is stored. */
    public record Frozen(long expertId, String rule, String reason) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "draw_id")
    private ExpertDraw draw;

    @Column(name = "expert_id", nullable = false)
    private long expertId;

    @Column(nullable = false)
    private String rule;

    @Column(nullable = false)
    private String reason;

    @Column(name = "after_draw", nullable = false)
    private boolean afterDraw;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DrawExclusion() {}

    DrawExclusion(ExpertDraw draw, long expertId, String rule, String reason, boolean afterDraw, Instant now) {
        this.draw = draw;
        this.expertId = expertId;
        this.rule = rule;
        this.reason = reason;
        this.afterDraw = afterDraw;
        this.createdAt = now;
    }

    public long getExpertId() {
        return expertId;
    }

    public String getRule() {
        return rule;
    }

    public String getReason() {
        return reason;
    }

    public boolean isAfterDraw() {
        return afterDraw;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
