package org.stdhub.development;

import org.stdhub.platform.InvalidInputException;

/**
 * When a ballot is approved, as exact fractions (02_stages.md §2.2): at least {@code approve} of the votes cast are
 * in favour and at most {@code reject} of them against — abstentions are not votes cast — and at least {@code
 * quorum} of the eligible voters took part (abstaining counts as taking part). Integer arithmetic only: "exactly
 * two thirds" is two thirds. Embedded as six columns wherever a rule is kept (an alliance's settings, each ballot).
 */
@jakarta.persistence.Embeddable
public record BallotRule(
        @jakarta.persistence.Column(name = "approve_numerator", nullable = false)
        int approveNumerator,

        @jakarta.persistence.Column(name = "approve_denominator", nullable = false)
        int approveDenominator,

        @jakarta.persistence.Column(name = "reject_numerator", nullable = false)
        int rejectNumerator,

        @jakarta.persistence.Column(name = "reject_denominator", nullable = false)
        int rejectDenominator,

        @jakarta.persistence.Column(name = "quorum_numerator", nullable = false)
        int quorumNumerator,

        @jakarta.persistence.Column(name = "quorum_denominator", nullable = false)
        int quorumDenominator) {

    /** ≥ 2/3 of votes cast approve, ≤ 1/4 disapprove, half of the eligible voters take part. */
    public static final BallotRule DEFAULT = new BallotRule(2, 3, 1, 4, 1, 2);

    public BallotRule {
        if (approveDenominator <= 0
                || rejectDenominator <= 0
                || quorumDenominator <= 0
                || approveNumerator < 0
                || rejectNumerator < 0
                || quorumNumerator < 0
                || approveNumerator > approveDenominator
                || rejectNumerator > rejectDenominator
                || quorumNumerator > quorumDenominator) {
            throw new InvalidInputException(java.util.Map.of("rule", "development.error.rule"));
        }
    }

    /** The outcome of a ballot. */
    public enum Outcome {
        APPROVED,
        NOT_APPROVED,
        NO_QUORUM;

        public String messageKey() {
            return "development.ballot.outcome." + name();
        }
    }

    /** The counts of a closed ballot and what they mean under this rule. */
    public record Tally(int eligible, int approve, int disapprove, int abstain, Outcome outcome) {

        public int cast() {
            return approve + disapprove;
        }

        public int participated() {
            return approve + disapprove + abstain;
        }
    }

    public Tally tally(int eligible, int approve, int disapprove, int abstain) {
        if (eligible < 0 || approve < 0 || disapprove < 0 || abstain < 0 || approve + disapprove + abstain > eligible) {
            throw new IllegalArgumentException(
                    "counts out of range: " + eligible + "/" + approve + "/" + disapprove + "/" + abstain);
        }
        long participated = (long) approve + disapprove + abstain;
        long cast = (long) approve + disapprove;
        Outcome outcome;
        if (participated * quorumDenominator < (long) quorumNumerator * eligible || participated == 0) {
            outcome = Outcome.NO_QUORUM;
        } else if (cast > 0
                && (long) approve * approveDenominator >= (long) approveNumerator * cast
                && (long) disapprove * rejectDenominator <= (long) rejectNumerator * cast) {
            outcome = Outcome.APPROVED;
        } else {
            outcome = Outcome.NOT_APPROVED;
        }
        return new Tally(eligible, approve, disapprove, abstain, outcome);
    }

    /** "≥ 2/3 approve, ≤ 1/4 disapprove, quorum 1/2" as the voter reads it. */
    public String approveText() {
        return approveNumerator + "/" + approveDenominator;
    }

    public String rejectText() {
        return rejectNumerator + "/" + rejectDenominator;
    }

    public String quorumText() {
        return quorumNumerator + "/" + quorumDenominator;
    }
}
