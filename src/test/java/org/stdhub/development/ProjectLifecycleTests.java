package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.NotPermittedException;

/**
 * A group standard from proposal to publication through the services — proposal, project ballot, drafting, draft,
 * comment period, disposition, review ballot, final text, publication — and the published T/… standard found in the
 * catalog's search and details.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectLifecycleTests {

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
    Drafts drafts;

    @Autowired
    Comments comments;

    @Autowired
    Publications publications;

    @Autowired
    MutableClock clock;

    DevelopmentFixtures f;
    AllianceView a;
    String secretary;
    String otherSecretary;
    String member;
    String member2;
    String commenter;

    @BeforeAll
    void setUp() {
        f = new DevelopmentFixtures(accounts, organizations, principals, alliances);
        a = f.alliance("全流程联盟");
        AllianceView b = f.alliance("旁观联盟");
        secretary = f.person("lsec", a.organizationId(), Role.ALLIANCE_SECRETARY);
        otherSecretary = f.person("lseb", b.organizationId(), Role.ALLIANCE_SECRETARY);
        member = f.person("lmem", a.organizationId(), Role.ALLIANCE_MEMBER);
        member2 = f.person("lmen", a.organizationId(), Role.ALLIANCE_MEMBER);
        commenter = f.person("lcom", 0, null);
    }

    @AfterEach
    void tearDown() {
        TestPeople.signOut();
        clock.reset();
    }

    private void ballotApproved(long id) {
        f.signIn(secretary);
        long ballot = ballots.open(
                        id,
                        new NewBallot(
                                null,
                                clock.instant().plus(Duration.ofDays(14)),
                                List.of(f.personId(member), f.personId(member2)),
                                false))
                .id();
        f.signIn(member);
        ballots.vote(ballot, VotePosition.APPROVE, null);
        f.signIn(member2);
        ballots.vote(ballot, VotePosition.APPROVE, null);
        clock.advance(Duration.ofDays(14));
        f.signIn(secretary);
        assertThat(ballots.close(ballot).outcome()).isEqualTo(BallotRule.Outcome.APPROVED);
    }

    /** A new project of the alliance taken to 60.00. */
    private long underPublication(String title) throws Exception {
        f.signIn(member);
        long id = projects.propose(
                        new NewProject(a.id(), title, "Lifecycle " + title, "范围", ProjectKind.NEW, null, null))
                .id();
        f.signIn(secretary);
        projects.transition(id, "START_REVIEW", null);
        projects.transition(id, "REGISTER_PROJECT", null);
        ballotApproved(id);
        projects.transition(id, "APPROVE_PROJECT", null);
        projects.transition(id, "REGISTER_DRAFTING", null);
        projects.transition(id, "START_DRAFTING", null);
        f.signIn(member);
        drafts.upload(id, "wd.docx", DraftsAndCommentsTests.docx(title), "工作组草案");
        f.signIn(secretary);
        projects.transition(id, "APPROVE_WORKING_DRAFT", null);
        projects.transition(id, "REGISTER_COMMENT_DRAFT", null);
        projects.transition(id, "OPEN_COMMENT_PERIOD", null);
        f.signIn(commenter);
        comments.submit(id, new CommentEntry("外部单位", "3", "1", null, CommentType.EDITORIAL, "范围表述不清", "改写"));
        clock.advance(Duration.ofDays(30));
        f.signIn(secretary);
        projects.transition(id, "CLOSE_COMMENT_PERIOD", null);
        comments.dispose(id, 1, Disposition.ACCEPTED, "已改写");
        projects.transition(id, "DISPOSE_COMMENTS", null);
        projects.transition(id, "REGISTER_REVIEW_DRAFT", null);
        assertThatThrownBy(() -> projects.transition(id, "APPROVE_FOR_PUBLICATION", null))
                .isInstanceOf(TransitionRefused.class);
        ballotApproved(id);
        projects.transition(id, "APPROVE_REVIEW_DRAFT", null);
        drafts.upload(id, "final.pdf", DraftsAndCommentsTests.pdf(), "报批稿");
        projects.transition(id, "SUBMIT_FINAL_TEXT", null);
        projects.transition(id, "APPROVE_FOR_PUBLICATION", "同意发布");
        projects.transition(id, "START_PUBLICATION", null);
        assertThat(projects.get(id).stage()).isEqualTo("60.00");
        return id;
    }

    @Test
    void aProposalBecomesAPublishedGroupStandardFoundInTheCatalog() throws Exception {
        clock.set(clock.daysFromToday(3));
        // published a month on, in force two months later; both standards of the test are published on that day,
        // so they share the year of their numbers
        LocalDate publishedOn = clock.today().plusDays(35);
        LocalDate implementedOn = publishedOn.plusDays(55);
        long id = underPublication("全流程团体标准");
        f.signIn(otherSecretary);
        assertThatThrownBy(() -> publications.publish(id, publishedOn, implementedOn, null))
                .isInstanceOf(NotPermittedException.class);
        f.signIn(secretary);
        ProjectView published = publications.publish(id, publishedOn, implementedOn, "发布公告");
        assertThat(published.stage()).isEqualTo("60.60");
        assertThat(published.designation()).isEqualTo(a.prefix() + " 1-" + publishedOn.getYear());
        assertThat(projects.timeline(id).getLast().transition()).isEqualTo("PUBLISH");

        String designation = published.designation();
        assertThat(mvc.get().uri("/api/v1/standards/{d}", designation))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.designation").isEqualTo(designation);
                    assertThat(json).extractingPath("$.status").isEqualTo("upcoming");
                });
        assertThat(mvc.get().uri("/api/v1/standards/search").param("q", designation))
                .hasStatusOk()
                .bodyText()
                .contains(designation, "全流程团体标准");

        // the systematic review comes when the cycle (5 years) has run out; revising opens the revision project
        f.signIn(secretary);
        assertThatThrownBy(() -> projects.transition(id, "START_SYSTEMATIC_REVIEW", null))
                .isInstanceOfSatisfying(
                        TransitionRefused.class, e -> assertThat(e.missing()).isEqualTo("REVIEW_DUE"));
        clock.set(publishedOn
                .plusYears(5)
                .plusDays(1)
                .atTime(10, 0)
                .atZone(clock.getZone())
                .toInstant());
        assertThat(projects.transition(id, "START_SYSTEMATIC_REVIEW", null).stage())
                .isEqualTo("90.20");
        assertThat(projects.transition(id, "PROPOSE_REVISION", "技术已更新").stage()).isEqualTo("90.92");
        assertThat(projects.ofAlliance(a.id()))
                .filteredOn(p -> p.kind() == ProjectKind.REVISION)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.baseDesignation()).isEqualTo(designation);
                    assertThat(r.stage()).isEqualTo("00.00");
                });
        clock.set(clock.daysFromToday(19));

        // the next standard of the alliance takes the next number; publishing twice is refused by the stage
        long second = underPublication("第二项团体标准");
        f.signIn(secretary);
        assertThat(publications.publish(second, publishedOn, publishedOn, null).designation())
                .isEqualTo(a.prefix() + " 2-" + publishedOn.getYear());
        assertThatThrownBy(() -> publications.publish(second, publishedOn, publishedOn, null))
                .isInstanceOfSatisfying(
                        TransitionRefused.class, e -> assertThat(e.missing()).isEqualTo("STAGE"));
    }
}
