package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A ballot on a project at one stage: its voters, times, the rule in force when it opened and, once closed, the result. */
@Entity
@Table(name = "ballot")
class Ballot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private long projectId;

    @Column(nullable = false, updatable = false)
    private String stage;

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    /** Its six columns ({@code approve_numerator} … {@code quorum_denominator}), read back as the rule itself. */
    @Embedded
    private BallotRule rule;

    @Column(nullable = false)
    private boolean secret;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "eligible_count")
    private Integer eligibleCount;

    @Column(name = "approve_count")
    private Integer approveCount;

    @Column(name = "disapprove_count")
    private Integer disapproveCount;

    @Column(name = "abstain_count")
    private Integer abstainCount;

    @Enumerated(EnumType.STRING)
    private BallotRule.Outcome result;

    @ElementCollection
    @CollectionTable(name = "ballot_voter", joinColumns = @JoinColumn(name = "ballot_id"))
    @Column(name = "person_id")
    private Set<Long> voters = new HashSet<>();

    @Version
    private int version;

    protected Ballot() {}

    Ballot(
            long projectId,
            Stage stage,
            Instant opensAt,
            Instant closesAt,
            BallotRule rule,
            boolean secret,
            Set<Long> voters,
            long createdBy,
            Instant now) {
        this.projectId = projectId;
        this.stage = stage.code();
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.rule = rule;
        this.secret = secret;
        this.voters = new HashSet<>(voters);
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    BallotRule rule() {
        return rule;
    }

    boolean isClosed() {
        return closedAt != null;
    }

    /** Open for votes at {@code now}: opened, not yet at its closing time, not closed. */
    boolean acceptsVotesAt(Instant now) {
        return !isClosed() && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    void close(BallotRule.Tally tally, Instant now) {
        this.closedAt = now;
        this.eligibleCount = tally.eligible();
        this.approveCount = tally.approve();
        this.disapproveCount = tally.disapprove();
        this.abstainCount = tally.abstain();
        this.result = tally.outcome();
    }

    Long getId() {
        return id;
    }

    long getProjectId() {
        return projectId;
    }

    Stage stage() {
        return Stage.ofCode(stage).orElseThrow();
    }

    Instant getOpensAt() {
        return opensAt;
    }

    Instant getClosesAt() {
        return closesAt;
    }

    boolean isSecret() {
        return secret;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    Set<Long> getVoters() {
        return Set.copyOf(voters);
    }

    BallotRule.Outcome getResult() {
        return result;
    }

    Integer getEligibleCount() {
        return eligibleCount;
    }

    Integer getApproveCount() {
        return approveCount;
    }

    Integer getDisapproveCount() {
        return disapproveCount;
    }

    Integer getAbstainCount() {
        return abstainCount;
    }
}
