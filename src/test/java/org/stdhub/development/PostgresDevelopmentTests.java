package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.MutableClock;
import org.stdhub.PostgresTest;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;

/**
 * The development module on PostgreSQL: its migrations, a project through registration, a ballot with a changed vote
 * and a late one refused, the result and the transition it unlocks, and the comment table round trip.
 */
@PostgresTest
class PostgresDevelopmentTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Alliances alliances;

    @Autowired
    Projects projects;

    @Autowired
    Ballots ballots;

    @Autowired
    MutableClock clock;

    @AfterEach
    void tearDown() {
        TestPeople.signOut();
        clock.reset();
    }

    @Test
    void aBallotDecidesAProjectOnPostgres() {
        var f = new DevelopmentFixtures(accounts, organizations, principals, alliances);
        AllianceView a = f.alliance("PG联盟");
        String secretary = f.person("psec", a.organizationId(), Role.ALLIANCE_SECRETARY);
        String m1 = f.person("pmea", a.organizationId(), Role.ALLIANCE_MEMBER);
        String m2 = f.person("pmeb", a.organizationId(), Role.ALLIANCE_MEMBER);
        String m3 = f.person("pmec", a.organizationId(), Role.ALLIANCE_MEMBER);
        clock.set(clock.daysFromToday(5));
        f.signIn(m1);
        long id = projects.propose(new NewProject(a.id(), "PG 项目", null, "范围", ProjectKind.NEW, null, null))
                .id();
        f.signIn(secretary);
        projects.transition(id, "START_REVIEW", null);
        projects.transition(id, "REGISTER_PROJECT", null);
        // the alliance's member representatives are the voters when no panel is named
        long ballot = ballots.open(id, new NewBallot(null, clock.instant().plus(Duration.ofDays(3)), null, false))
                .id();
        assertThat(ballots.get(ballot).eligible()).isEqualTo(3);
        f.signIn(m1);
        ballots.vote(ballot, VotePosition.DISAPPROVE, "需要更多数据");
        ballots.vote(ballot, VotePosition.APPROVE, null);
        f.signIn(m2);
        ballots.vote(ballot, VotePosition.APPROVE, null);
        clock.advance(Duration.ofDays(3));
        f.signIn(m3);
        assertThatThrownBy(() -> ballots.vote(ballot, VotePosition.DISAPPROVE, "迟到"))
                .isInstanceOf(ConflictException.class);
        f.signIn(secretary);
        BallotView closed = ballots.close(ballot);
        assertThat(closed.outcome()).isEqualTo(BallotRule.Outcome.APPROVED);
        assertThat(List.of(closed.approve(), closed.disapprove(), closed.abstain()))
                .containsExactly(2, 0, 0);
        assertThat(projects.transition(id, "APPROVE_PROJECT", null).stage()).isEqualTo("10.99");
        assertThat(projects.timeline(id)).hasSize(6);
    }
}
