package org.stdhub.development;

import java.time.Instant;
import java.util.List;

/**
 * A ballot as its page and API show it: the rule (shown to each voter before voting), times, whether the viewer may
 * vote and how they voted, the votes (names only on open ballots) and, once closed, the counts and outcome.
 */
public record BallotView(
        long id,
        long projectId,
        String stage,
        Instant opensAt,
        Instant closesAt,
        BallotRule rule,
        boolean secret,
        int eligible,
        boolean open,
        boolean closed,
        boolean mayVote,
        VotePosition myVote,
        String myReason,
        List<VoteView> votes,
        Integer approve,
        Integer disapprove,
        Integer abstain,
        BallotRule.Outcome outcome) {

    /** One vote as others may see it (never on a secret ballot). */
    public record VoteView(String voter, VotePosition position, String reason, Instant at) {}
}
