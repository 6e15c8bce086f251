package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/** "My work" reads who must act now from the current state; the public notices list open comment periods. */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyWorkTests {

    @Autowired
    MockMvcTester mvc;

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
    MyWork work;

    @Autowired
    MutableClock clock;

    DevelopmentFixtures f;
    AllianceView a;
    String secretary;
    String member;
    String stranger;

    @BeforeAll
    void setUp() {
        f = new DevelopmentFixtures(accounts, organizations, principals, alliances);
        a = f.alliance("工作联盟");
        AllianceView b = f.alliance("无关联盟");
        secretary = f.person("wsec", a.organizationId(), Role.ALLIANCE_SECRETARY);
        member = f.person("wmem", a.organizationId(), Role.ALLIANCE_MEMBER);
        stranger = f.person("wstr", b.organizationId(), Role.ALLIANCE_SECRETARY);
    }

    @AfterEach
    void tearDown() {
        TestPeople.signOut();
        clock.reset();
    }

    private List<WorkItem> of(String login, long projectId) {
        f.signIn(login);
        try {
            return work.mine().stream().filter(i -> i.projectId() == projectId).toList();
        } finally {
            TestPeople.signOut();
        }
    }

    @Test
    void whoMustActFollowsTheCurrentStateAndOverdueIsFlagged() {
        clock.set(clock.daysFromToday(4));
        f.signIn(member);
        long id = projects.propose(new NewProject(a.id(), "我的工作项目", null, "范围", ProjectKind.NEW, null, null))
                .id();
        assertThat(of(secretary, id)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("TRANSITION");
            assertThat(i.mine()).isTrue();
        });
        assertThat(of(member, id)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("MY_PROPOSAL");
            assertThat(i.mine()).isFalse();
        });
        assertThat(of(stranger, id)).isEmpty();

        f.signIn(secretary);
        projects.transition(id, "START_REVIEW", null);
        projects.transition(id, "REGISTER_PROJECT", null);
        Instant closes = clock.instant().plus(Duration.ofDays(5));
        long ballot = ballots.open(id, new NewBallot(null, closes, List.of(f.personId(member)), false))
                .id();
        assertThat(of(member, id)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("VOTE");
            assertThat(i.mine()).isTrue();
            assertThat(i.deadline()).isEqualTo(closes);
            assertThat(i.overdue()).isFalse();
        });
        assertThat(of(secretary, id)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("RUNNING");
            assertThat(i.mine()).isFalse();
        });
        f.signIn(member);
        ballots.vote(ballot, VotePosition.APPROVE, null);
        assertThat(of(member, id))
                .singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo("VOTED"));
        clock.advance(Duration.ofDays(6));
        assertThat(of(secretary, id)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("TRANSITION");
            assertThat(i.overdue()).isTrue();
        });
        assertThat(mvc.get().uri("/my-work").with(user(f.people.principal(secretary))))
                .hasStatusOk()
                .bodyText()
                .contains("我的工作项目", "已逾期");
        assertThat(mvc.get().uri("/api/v1/my-work")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/notices")).hasStatusOk().bodyText().contains("征求意见公告");
    }
}
