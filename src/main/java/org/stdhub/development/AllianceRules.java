package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/** An alliance's durations and thresholds from one day on (effective-dated; the latest not after a day holds). */
@Entity
@Table(name = "alliance_rules")
class AllianceRules {

    static final int DEFAULT_COMMENT_DAYS = 30;
    static final int DEFAULT_REVIEW_YEARS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "alliance_id", nullable = false)
    private long allianceId;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Column(name = "comment_days", nullable = false)
    private int commentDays;

    @Column(name = "approve_numerator", nullable = false)
    private int approveNumerator;

    @Column(name = "approve_denominator", nullable = false)
    private int approveDenominator;

    @Column(name = "reject_numerator", nullable = false)
    private int rejectNumerator;

    @Column(name = "reject_denominator", nullable = false)
    private int rejectDenominator;

    @Column(name = "quorum_numerator", nullable = false)
    private int quorumNumerator;

    @Column(name = "quorum_denominator", nullable = false)
    private int quorumDenominator;

    @Column(name = "review_years", nullable = false)
    private int reviewYears;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AllianceRules() {}

    AllianceRules(
            long allianceId, LocalDate effectiveFrom, int commentDays, BallotRule rule, int reviewYears, Instant now) {
        this.allianceId = allianceId;
        this.effectiveFrom = effectiveFrom;
        this.commentDays = commentDays;
        this.approveNumerator = rule.approveNumerator();
        this.approveDenominator = rule.approveDenominator();
        this.rejectNumerator = rule.rejectNumerator();
        this.rejectDenominator = rule.rejectDenominator();
        this.quorumNumerator = rule.quorumNumerator();
        this.quorumDenominator = rule.quorumDenominator();
        this.reviewYears = reviewYears;
        this.createdAt = now;
    }

    BallotRule ballotRule() {
        return new BallotRule(
                approveNumerator,
                approveDenominator,
                rejectNumerator,
                rejectDenominator,
                quorumNumerator,
                quorumDenominator);
    }

    AllianceSettings view() {
        return new AllianceSettings(effectiveFrom, commentDays, ballotRule(), reviewYears);
    }

    long getAllianceId() {
        return allianceId;
    }

    LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    int getCommentDays() {
        return commentDays;
    }

    int getReviewYears() {
        return reviewYears;
    }
}
