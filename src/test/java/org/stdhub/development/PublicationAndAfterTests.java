package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
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
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;

/**
 * After publication: a revision's publication withdraws the group standard it replaces in the catalog, linked to
 * its replacement; the publication record is exported with the platform's fields; a published standard is proposed
 * for a national standard and the base office records the outcome (one open proposal, final once decided); the
 * alliance's working groups and members on its public page.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationAndAfterTests {

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
    Publications publications;

    @Autowired
    Promotions promotions;

    @Autowired
    AllianceDirectory directory;

    @Autowired
    MutableClock clock;

    DevelopmentFixtures f;
    AllianceView a;
    String secretary;
    String otherSecretary;
    String member;
    String member2;
    String officer;
    String outsider;

    @BeforeAll
    void setUp() {
        f = new DevelopmentFixtures(accounts, organizations, principals, alliances);
        a = f.alliance("发布后联盟");
        AllianceView b = f.alliance("发布旁观联盟");
        secretary = f.person("psec", a.organizationId(), Role.ALLIANCE_SECRETARY);
        otherSecretary = f.person("pseb", b.organizationId(), Role.ALLIANCE_SECRETARY);
        member = f.person("pmem", a.organizationId(), Role.ALLIANCE_MEMBER);
        member2 = f.person("pmen", a.organizationId(), Role.ALLIANCE_MEMBER);
        outsider = f.person("pout", b.organizationId(), Role.ALLIANCE_MEMBER);
        officer = f.people.officer("poff");
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
        ballots.close(ballot);
    }

    /** A project taken to 60.00 on the shortest path its kind allows. */
    private long underPublication(String title, ProjectKind kind, String base) throws Exception {
        f.signIn(member);
        long id = projects.propose(new NewProject(a.id(), title, null, "范围", kind, null, base))
                .id();
        f.signIn(secretary);
        projects.transition(id, "START_REVIEW", null);
        projects.transition(id, "REGISTER_PROJECT", null);
        ballotApproved(id);
        projects.transition(id, "APPROVE_PROJECT", null);
        f.signIn(member);
        drafts.upload(id, "d.docx", DraftsAndCommentsTests.docx(title), "草案");
        f.signIn(secretary);
        if (kind == ProjectKind.REVISION) {
            projects.transition(id, "FAST_TRACK_REVISION", null);
        } else {
            projects.transition(id, "REGISTER_DRAFTING", null);
            projects.transition(id, "START_DRAFTING", null);
            projects.transition(id, "APPROVE_WORKING_DRAFT", null);
            projects.transition(id, "REGISTER_COMMENT_DRAFT", null);
            projects.transition(id, "OPEN_COMMENT_PERIOD", null);
            clock.advance(Duration.ofDays(30));
            projects.transition(id, "CLOSE_COMMENT_PERIOD", null);
            projects.transition(id, "DISPOSE_COMMENTS", null);
            projects.transition(id, "REGISTER_REVIEW_DRAFT", null);
        }
        ballotApproved(id);
        projects.transition(id, "APPROVE_REVIEW_DRAFT", null);
        projects.transition(id, "SUBMIT_FINAL_TEXT", null);
        projects.transition(id, "APPROVE_FOR_PUBLICATION", null);
        projects.transition(id, "START_PUBLICATION", null);
        return id;
    }

    @Test
    void aRevisionWithdrawsTheStandardItReplacesAndTheRecordIsExported() throws Exception {
        clock.set(clock.daysFromToday(154));
        LocalDate firstOn = clock.today().plusDays(212);
        LocalDate revisedOn = clock.today().plusDays(274);
        LocalDate revisionInForce = clock.today().plusDays(304);
        long first = underPublication("被修订的团体标准", ProjectKind.NEW, null);
        assertThat(mvc.get().uri("/api/v1/projects/{id}/publication-record.csv", first))
                .hasStatus(HttpStatus.CONFLICT);
        f.signIn(secretary);
        String old = publications.publish(first, firstOn, firstOn, null).designation();

        long revision = underPublication("修订后的团体标准", ProjectKind.REVISION, old);
        f.signIn(secretary);
        String replacement =
                publications.publish(revision, revisedOn, revisionInForce, null).designation();
        assertThat(mvc.get().uri("/api/v1/standards/{d}", old))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> assertThat(json).extractingPath("$.status").isEqualTo("withdrawn"));
        assertThat(mvc.get().uri("/api/v1/standards/{d}", old))
                .hasStatusOk()
                .bodyText()
                .contains(replacement);

        var csv = mvc.get()
                .uri("/api/v1/projects/{id}/publication-record.csv", revision)
                .exchange();
        assertThat(csv).hasStatusOk();
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text)
                .contains(
                        "标准编号 Designation", "代替标准 Replaces", replacement, old, "修订后的团体标准", revisionInForce.toString());
    }

    @Test
    void aPublishedStandardIsProposedForANationalStandardAndTheOutcomeIsFinal() throws Exception {
        clock.set(clock.daysFromToday(185));
        long id = underPublication("拟转化的团体标准", ProjectKind.NEW, null);
        f.signIn(secretary);
        assertThatThrownBy(() -> promotions.propose(id, new Promotions.NewPromotion("NATIONAL", "实施良好")))
                .isInstanceOf(ConflictException.class);
        LocalDate publishedOn = clock.today().plusDays(243);
        publications.publish(id, publishedOn, publishedOn, null);

        f.signIn(member);
        assertThatThrownBy(() -> promotions.propose(id, new Promotions.NewPromotion("NATIONAL", "实施良好")))
                .isInstanceOf(NotPermittedException.class);
        f.signIn(secretary);
        assertThatThrownBy(() -> promotions.propose(id, new Promotions.NewPromotion("LOCAL", "实施良好")))
                .isInstanceOf(InvalidInputException.class);
        PromotionView p = promotions.propose(id, new Promotions.NewPromotion("NATIONAL", "实施良好，已有验证"));
        assertThat(p.status()).isEqualTo(PromotionStatus.PROPOSED);
        assertThatThrownBy(() -> promotions.propose(id, new Promotions.NewPromotion("INDUSTRY", "再提一次")))
                .isInstanceOf(ConflictException.class);

        // the alliance does not decide; the base office does, with a readable national designation
        assertThatThrownBy(() -> promotions.decide(
                        p.id(), new Promotions.Decision(PromotionStatus.ACCEPTED, "GB/T 45999-2028", null)))
                .isInstanceOf(NotPermittedException.class);
        f.signIn(officer);
        assertThatThrownBy(() -> promotions.decide(
                        p.id(), new Promotions.Decision(PromotionStatus.ACCEPTED, "T/ABC 1-2028", null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(
                        () -> promotions.decide(p.id(), new Promotions.Decision(PromotionStatus.REJECTED, null, null)))
                .isInstanceOf(InvalidInputException.class);
        PromotionView accepted = promotions.decide(
                p.id(), new Promotions.Decision(PromotionStatus.ACCEPTED, "GB/T 45999-2028", "已列入计划"));
        assertThat(accepted.status()).isEqualTo(PromotionStatus.ACCEPTED);
        assertThat(accepted.targetDesignation()).isEqualTo("GB/T 45999-2028");
        assertThatThrownBy(
                        () -> promotions.decide(p.id(), new Promotions.Decision(PromotionStatus.REJECTED, null, "改主意")))
                .isInstanceOf(ConflictException.class);
        assertThat(promotions.of(id))
                .singleElement()
                .satisfies(x -> assertThat(x.projectId()).isEqualTo(id));

        // once decided, a new proposal may follow
        f.signIn(secretary);
        assertThat(promotions
                        .propose(id, new Promotions.NewPromotion("INDUSTRY", "行业也需要"))
                        .status())
                .isEqualTo(PromotionStatus.PROPOSED);
        assertThat(mvc.get().uri("/projects/{id}", id).with(user(f.people.principal(officer))))
                .hasStatusOk()
                .bodyText()
                .contains("GB/T 45999-2028", "decision-form");
    }

    @Test
    void workingGroupsAndMembersAreOnTheAlliancePage() {
        f.signIn(secretary);
        var wg = directory.createWorkingGroup(a.id(), "测试方法工作组", f.personId(member));
        assertThat(directory.addMember(a.id(), wg.id(), f.personId(member2)).members())
                .hasSize(2);
        assertThatThrownBy(() -> directory.addMember(a.id(), wg.id(), f.personId(outsider)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> directory.createWorkingGroup(a.id(), "测试方法工作组", f.personId(member)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> directory.createWorkingGroup(a.id(), "  ", f.personId(member)))
                .isInstanceOf(InvalidInputException.class);
        f.signIn(otherSecretary);
        assertThatThrownBy(() -> directory.createWorkingGroup(a.id(), "越权工作组", f.personId(member)))
                .isInstanceOf(NotPermittedException.class);
        f.signIn(member);
        assertThatThrownBy(() -> directory.addMember(a.id(), wg.id(), f.personId(member)))
                .isInstanceOf(NotPermittedException.class);
        TestPeople.signOut();

        assertThat(mvc.get().uri("/alliances/{id}", a.id()))
                .hasStatusOk()
                .bodyText()
                .contains("working-group-table", "测试方法工作组", "member-table");
        assertThat(mvc.get().uri("/api/v1/alliances/{id}/directory", a.id()))
                .hasStatusOk()
                .bodyText()
                .contains("测试方法工作组");
    }
}
