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

    /** Its six columns ({@code approve_numerator} … {@code quorum_denominator}), read back as the rule itself. */
    @Embedded
    private BallotRule rule;

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
        this.rule = rule;
        this.reviewYears = reviewYears;
        this.createdAt = now;
    }

    BallotRule ballotRule() {
        return rule;
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
