package org.stdhub.development;

import jakarta.persistence.*;
import java.time.Instant;

/** One voter's vote on a ballot; changed in place until the ballot closes. */
@Entity
@Table(name = "ballot_vote")
class BallotVote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ballot_id", nullable = false, updatable = false)
    private long ballotId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VotePosition position;

    private String reason;

    @Column(name = "cast_at", nullable = false, updatable = false)
    private Instant castAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected BallotVote() {}

    BallotVote(long ballotId, long personId, VotePosition position, String reason, Instant now) {
        this.ballotId = ballotId;
        this.personId = personId;
        this.position = position;
        this.reason = reason;
        this.castAt = now;
        this.changedAt = now;
    }

    void change(VotePosition newPosition, String newReason, Instant now) {
        this.position = newPosition;
        this.reason = newReason;
        this.changedAt = now;
    }

    long getPersonId() {
        return personId;
    }

    VotePosition getPosition() {
        return position;
    }

    String getReason() {
        return reason;
    }

    Instant getChangedAt() {
        return changedAt;
    }
}
