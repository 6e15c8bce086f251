package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stdhub.development.BallotRule.Outcome.APPROVED;
import static org.stdhub.development.BallotRule.Outcome.NOT_APPROVED;
import static org.stdhub.development.BallotRule.Outcome.NO_QUORUM;

import org.junit.jupiter.api.Test;
import org.stdhub.platform.InvalidInputException;

/** The default ballot rule: ≥ 2/3 of votes cast approve, ≤ 1/4 disapprove, abstentions excluded, half take part. */
class BallotRuleTests {

    private final BallotRule rule = BallotRule.DEFAULT;

    @Test
    void exactlyTwoThirdsInFavourIsEnoughWhenDisapprovalsStayWithinAQuarter() {
        // 6 for, 2 against: 6/8 = 3/4 ≥ 2/3, 2/8 = 1/4 ≤ 1/4
        assertThat(rule.tally(10, 6, 2, 0).outcome()).isEqualTo(APPROVED);
        // 2 for, 1 against: exactly 2/3 in favour, but 1/3 against > 1/4
        assertThat(rule.tally(3, 2, 1, 0).outcome()).isEqualTo(NOT_APPROVED);
        // exactly 2/3 with a rule allowing a third against
        assertThat(new BallotRule(2, 3, 1, 3, 1, 2).tally(3, 2, 1, 0).outcome()).isEqualTo(APPROVED);
    }

    @Test
    void justBelowTwoThirdsFails() {
        // 199 for, 101 against: 199/300 < 2/3 (and 101/300 > 1/4)
        assertThat(new BallotRule(2, 3, 1, 2, 0, 1).tally(300, 199, 101, 0).outcome())
                .isEqualTo(NOT_APPROVED);
        assertThat(new BallotRule(2, 3, 1, 2, 0, 1).tally(300, 200, 100, 0).outcome())
                .isEqualTo(APPROVED);
    }

    @Test
    void exactlyOneQuarterAgainstPassesAndOneMoreFails() {
        assertThat(rule.tally(8, 6, 2, 0).outcome()).isEqualTo(APPROVED); // 2/8 = 1/4
        assertThat(rule.tally(20, 15, 5, 0).outcome()).isEqualTo(APPROVED); // 5/20 = 1/4
        assertThat(rule.tally(21, 15, 6, 0).outcome()).isEqualTo(NOT_APPROVED); // 6/21 > 1/4, 15/21 ≥ 2/3
    }

    @Test
    void aTieFails() {
        assertThat(rule.tally(10, 5, 5, 0).outcome()).isEqualTo(NOT_APPROVED);
        assertThat(new BallotRule(1, 2, 1, 2, 0, 1).tally(10, 5, 5, 0).outcome())
                .isEqualTo(APPROVED);
    }

    @Test
    void abstentionsCountForTheQuorumButNotAsVotesCast() {
        // 3 for, 1 against, 4 abstain of 10: quorum met (8 ≥ 5); 3/4 ≥ 2/3; 1/4 ≤ 1/4
        var t = rule.tally(10, 3, 1, 4);
        assertThat(t.outcome()).isEqualTo(APPROVED);
        assertThat(t.cast()).isEqualTo(4);
        assertThat(t.participated()).isEqualTo(8);
        // only abstentions: quorum met, no vote cast → not approved
        assertThat(rule.tally(4, 0, 0, 4).outcome()).isEqualTo(NOT_APPROVED);
    }

    @Test
    void noVotesMissTheQuorum() {
        assertThat(rule.tally(10, 0, 0, 0).outcome()).isEqualTo(NO_QUORUM);
        assertThat(new BallotRule(2, 3, 1, 4, 0, 1).tally(10, 0, 0, 0).outcome())
                .isEqualTo(NO_QUORUM);
    }

    @Test
    void theQuorumNeedsItsShareOfEligibleVoters() {
        assertThat(rule.tally(10, 4, 0, 0).outcome()).isEqualTo(NO_QUORUM); // 4 < 5
        assertThat(rule.tally(10, 5, 0, 0).outcome()).isEqualTo(APPROVED); // exactly half
        assertThat(rule.tally(9, 4, 0, 0).outcome()).isEqualTo(NO_QUORUM); // 4/9 < 1/2
    }

    @Test
    void largeCountsDoNotOverflow() {
        int n = Integer.MAX_VALUE / 2;
        assertThat(rule.tally(Integer.MAX_VALUE, n, 0, 0).outcome()).isEqualTo(NO_QUORUM);
        assertThat(rule.tally(Integer.MAX_VALUE - 1, n, 0, 0).outcome()).isEqualTo(APPROVED);
    }

    @Test
    void countsBeyondTheEligibleAndImpossibleRulesAreRefused() {
        assertThatThrownBy(() -> rule.tally(2, 2, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BallotRule(3, 2, 1, 4, 1, 2)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new BallotRule(2, 0, 1, 4, 1, 2)).isInstanceOf(InvalidInputException.class);
    }
}
