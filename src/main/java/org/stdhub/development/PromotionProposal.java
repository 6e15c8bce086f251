package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;

/** A proposal to turn a published group standard into an industry or national standard, and its outcome. */
@Entity
@Table(name = "promotion_proposal")
class PromotionProposal {

    /** The level proposed. */
    enum Level {
        INDUSTRY,
        NATIONAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private long projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_level", nullable = false, updatable = false)
    private Level targetLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PromotionStatus status;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    private long proposedBy;

    @Column(name = "proposer_name", nullable = false, updatable = false)
    private String proposerName;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(name = "target_designation")
    private String targetDesignation;

    @Column(name = "decision_note")
    private String decisionNote;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected PromotionProposal() {}

    PromotionProposal(long projectId, Level level, String reason, long proposedBy, String proposerName, Instant at) {
        this.projectId = projectId;
        this.targetLevel = level;
        this.status = PromotionStatus.PROPOSED;
        this.reason = reason;
        this.proposedBy = proposedBy;
        this.proposerName = proposerName;
        this.proposedAt = at;
    }

    void decide(PromotionStatus outcome, String designation, String note, long by, Instant at) {
        this.status = outcome;
        this.targetDesignation = designation;
        this.decisionNote = note;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    long getProjectId() {
        return projectId;
    }

    PromotionStatus getStatus() {
        return status;
    }

    PromotionView view() {
        return new PromotionView(
                id,
                projectId,
                targetLevel.name(),
                status,
                reason,
                proposerName,
                proposedAt,
                targetDesignation,
                decisionNote,
                decidedAt);
    }
}
