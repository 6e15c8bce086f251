package org.stdhub.development;

/** A ballot closed with its counts and outcome. */
public record BallotClosed(
        long ballotId,
        long projectId,
        String stage,
        int eligible,
        int approve,
        int disapprove,
        int abstain,
        BallotRule.Outcome outcome) {}
