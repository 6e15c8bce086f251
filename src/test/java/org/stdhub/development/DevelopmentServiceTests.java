package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;

/** Alliances, projects, transitions and ballots through their services on H2, as the people who may and may not act. */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevelopmentServiceTests {

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
    StandardImporter importer;

    @Autowired
    MutableClock clock;

    @Autowired
    DevelopmentDeadlines deadlines;

    DevelopmentFixtures f;
    AllianceView a;
    AllianceView b;
    String secretaryA;
    String secretaryB;
    String memberA;
    String memberA2;
    String memberA3;
    String memberB;
    String outsider;
    String iso;

    @BeforeAll
    void setUp() {
        f = new DevelopmentFixtures(accounts, organizations, principals, alliances);
        a = f.alliance("联盟甲");
        b = f.alliance("联盟乙");
        secretaryA = f.person("seca", a.organizationId(), Role.ALLIANCE_SECRETARY);
        secretaryB = f.person("secb", b.organizationId(), Role.ALLIANCE_SECRETARY);
        memberA = f.person("mema", a.organizationId(), Role.ALLIANCE_MEMBER);
        memberA2 = f.person("memb", a.organizationId(), Role.ALLIANCE_MEMBER);
        memberA3 = f.person("memc", a.organizationId(), Role.ALLIANCE_MEMBER);
        memberB = f.person("memd", b.organizationId(), Role.ALLIANCE_MEMBER);
        outsider = f.person("outs", 0, null);
        iso = "ISO " + (90000 + ThreadLocalRandom.current().nextInt(9999)) + ":2021";
        DevelopmentFixtures.importLines(
                importer,
                "{\"id_raw\":\"" + iso + "\",\"title_en\":\"Development test standard\",\"status\":\"current\","
                        + "\"source\":\"test:development\"}");
    }

    @AfterEach
    void tearDown() {
        TestPeople.signOut();
        clock.reset();
    }

    // ------------------------------------------------------------------ alliances

    @Test
    void aGroupCodeThatIsANationalIndustryOrLocalPrefixIsRefused() {
        long org = f.allianceOrganization("前缀联盟");
        for (String code : List.of("GB", "T/NY", "yy", "DB41", "GJB")) {
            assertThatThrownBy(() -> SystemActor.run("test", () -> alliances.register(org, code)))
                    .as(code)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.fieldErrors())
                                    .containsEntry("groupCode", "development.error.group-code-prefix"));
        }
        assertThatThrownBy(() -> SystemActor.run("test", () -> alliances.register(org, "T/1AB")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("groupCode", "development.error.group-code"));
    }

    @Test
    void aGroupCodeIsRegisteredOnceAndAnAllianceRegistersOnce() {
        long org = f.allianceOrganization("重复联盟");
        assertThatThrownBy(() -> SystemActor.run("test", () -> alliances.register(org, a.prefix())))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("development.error.group-code-taken");
                    assertThat(e.args()).contains(a.prefix(), a.nameZh());
                });
        String code = DevelopmentFixtures.freshCode();
        AllianceView registered = SystemActor.run("test", () -> alliances.register(org, "t/" + code.toLowerCase()));
        assertThat(registered.prefix()).isEqualTo("T/" + code);
        assertThat(registered.settings().commentDays()).isEqualTo(30);
        assertThat(registered.settings().ballotRule()).isEqualTo(BallotRule.DEFAULT);
        assertThatThrownBy(
                        () -> SystemActor.run("test", () -> alliances.register(org, DevelopmentFixtures.freshCode())))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("development.error.already-registered"));
    }

    @Test
    void onlyTheBaseOfficeRegistersAndOnlyAllianceOrganizations() {
        long org = f.allianceOrganization("权限联盟");
        f.signIn(secretaryA);
        assertThatThrownBy(() -> alliances.register(org, DevelopmentFixtures.freshCode()))
                .isInstanceOf(AccessDeniedException.class);
        TestPeople.signOut();
        long enterprise = SystemActor.run(
                "test",
                () -> organizations
                        .create(OrganizationKind.ENTERPRISE, "企业" + org, null, null, null)
                        .getId());
        assertThatThrownBy(() ->
                        SystemActor.run("test", () -> alliances.register(enterprise, DevelopmentFixtures.freshCode())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("organizationId"));
    }

    @Test
    void settingsAreEffectiveDatedAndChangedOnlyByTheAlliancesSecretariat() {
        AllianceView c = f.alliance("设置联盟");
        String secretary = f.person("secs", c.organizationId(), Role.ALLIANCE_SECRETARY);
        var later = java.time.LocalDate.now(clock).plusDays(10);
        var rule = new BallotRule(3, 4, 1, 5, 2, 3);
        f.signIn(secretaryA);
        assertThatThrownBy(() -> alliances.changeSettings(c.id(), new Alliances.NewSettings(later, 60, rule, 3)))
                .isInstanceOf(NotPermittedException.class);
        f.signIn(secretary);
        alliances.changeSettings(c.id(), new Alliances.NewSettings(later, 60, rule, 3));
        assertThat(alliances.get(c.id()).settings().commentDays()).isEqualTo(30);
        clock.set(Instant.now().plus(Duration.ofDays(11)));
        assertThat(alliances.get(c.id()).settings()).satisfies(s -> {
            assertThat(s.commentDays()).isEqualTo(60);
            assertThat(s.ballotRule()).isEqualTo(rule);
            assertThat(s.reviewYears()).isEqualTo(3);
        });
        assertThat(alliances.settingsHistory(c.id())).hasSize(2);
    }

    // ------------------------------------------------------------------ projects

    private ProjectView propose(String login, AllianceView alliance, String title) {
        f.signIn(login);
        try {
            return projects.propose(
                    new NewProject(alliance.id(), title, null, "范围：" + title, ProjectKind.NEW, null, null));
        } finally {
            TestPeople.signOut();
        }
    }

    @Test
    void membersProposeInTheirOwnAllianceOnly() {
        ProjectView p = propose(memberA, a, "智能传感器通用技术要求");
        assertThat(p.stage()).isEqualTo("00.00");
        assertThat(p.alliancePrefix()).isEqualTo(a.prefix());
        assertThat(projects.timeline(p.id()))
                .singleElement()
                .satisfies(e -> assertThat(e.transition()).isEqualTo("PROPOSE"));
        assertThatThrownBy(() -> propose(memberB, a, "越界提案")).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> propose(outsider, a, "外人提案")).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> projects.propose(new NewProject(a.id(), "匿名", null, "s", ProjectKind.NEW, null, null)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void anAdoptionPicksItsInternationalStandardFromTheCatalog() {
        f.signIn(memberA);
        ProjectView p = projects.propose(new NewProject(
                a.id(), "采用项目", "Adoption", "范围", ProjectKind.ADOPTION, AdoptionDegree.IDT, iso.toLowerCase()));
        assertThat(p.baseDesignation()).isEqualTo(iso);
        assertThat(p.adoptionDegree()).isEqualTo(AdoptionDegree.IDT);
        assertThatThrownBy(() -> projects.propose(new NewProject(
                        a.id(), "采用", null, "范围", ProjectKind.ADOPTION, AdoptionDegree.MOD, "ISO 89999:2020")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("baseDesignation", "development.error.base-not-found"));
        assertThatThrownBy(() -> projects.propose(new NewProject(
                        a.id(), "采用", null, "范围", ProjectKind.ADOPTION, AdoptionDegree.MOD, "GB/T 19001-2016")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("baseDesignation", "development.error.base-not-international"));
        assertThatThrownBy(() ->
                        projects.propose(new NewProject(a.id(), "采用", null, "范围", ProjectKind.ADOPTION, null, iso)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("adoptionDegree"));
        assertThatThrownBy(() -> projects.propose(new NewProject(a.id(), " ", null, "", ProjectKind.NEW, null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("titleZh", "scope"));
    }

    @Test
    void theSecretariatMovesItsOwnProjectsAndNobodyElseDoes() {
        long id = propose(memberA, a, "秘书处推进").id();
        f.signIn(secretaryB);
        assertThatThrownBy(() -> projects.transition(id, "START_REVIEW", null))
                .isInstanceOf(NotPermittedException.class);
        f.signIn(memberA);
        assertThatThrownBy(() -> projects.transition(id, "START_REVIEW", null))
                .isInstanceOf(NotPermittedException.class);
        f.signIn(secretaryA);
        assertThat(projects.transition(id, "START_REVIEW", "开始审查").stage()).isEqualTo("00.20");
        assertThatThrownBy(() -> projects.transition(id, "APPROVE_PROJECT", null))
                .isInstanceOfSatisfying(
                        TransitionRefused.class, e -> assertThat(e.missing()).isEqualTo("STAGE"));
        assertThat(projects.transition(id, "REGISTER_PROJECT", null).stage()).isEqualTo("10.00");
        assertThatThrownBy(() -> projects.transition(id, "INITIATE_PROJECT_BALLOT", null))
                .isInstanceOfSatisfying(
                        TransitionRefused.class, e -> assertThat(e.missing()).isEqualTo("OPEN_BALLOT"));
        assertThat(projects.timeline(id))
                .extracting(ProjectEventView::transition, ProjectEventView::toStage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PROPOSE", "00.00"),
                        org.assertj.core.groups.Tuple.tuple("START_REVIEW", "00.20"),
                        org.assertj.core.groups.Tuple.tuple("REGISTER_PROJECT", "10.00"));
        assertThat(projects.timeline(id).get(1).comment()).isEqualTo("开始审查");
        TestPeople.signOut();
        assertThatThrownBy(() -> projects.transition(id, "ABANDON_PROPOSAL", "x"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    // ------------------------------------------------------------------ ballots

    /** A project of alliance A at 10.00, as its secretary. */
    private long registered(String title) {
        long id = propose(memberA, a, title).id();
        f.signIn(secretaryA);
        projects.transition(id, "START_REVIEW", null);
        projects.transition(id, "REGISTER_PROJECT", null);
        return id;
    }

    private List<Long> panel() {
        return List.of(f.personId(memberA), f.personId(memberA2), f.personId(memberA3));
    }

    @Test
    void anApprovedBallotUnlocksProjectApproval() {
        clock.set(clock.daysFromToday(1));
        long id = registered("投票通过的项目");
        BallotView ballot =
                ballots.open(id, new NewBallot(null, clock.instant().plus(Duration.ofDays(14)), panel(), false));
        assertThat(projects.get(id).stage()).isEqualTo("10.20");
        assertThat(ballot.rule()).isEqualTo(BallotRule.DEFAULT);
        assertThat(ballot.eligible()).isEqualTo(3);

        f.signIn(memberA);
        assertThat(ballots.vote(ballot.id(), VotePosition.DISAPPROVE, "理由：范围过宽").myVote())
                .isEqualTo(VotePosition.DISAPPROVE);
        assertThat(ballots.vote(ballot.id(), VotePosition.APPROVE, null).myVote())
                .isEqualTo(VotePosition.APPROVE);
        f.signIn(memberA2);
        assertThatThrownBy(() -> ballots.vote(ballot.id(), VotePosition.DISAPPROVE, " "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("reason", "development.error.reason-required"));
        ballots.vote(ballot.id(), VotePosition.APPROVE, null);
        f.signIn(memberA3);
        ballots.vote(ballot.id(), VotePosition.ABSTAIN, null);
        f.signIn(memberB);
        assertThatThrownBy(() -> ballots.vote(ballot.id(), VotePosition.APPROVE, null))
                .isInstanceOf(NotPermittedException.class);

        f.signIn(secretaryA);
        assertThatThrownBy(() -> ballots.close(ballot.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("development.error.ballot-still-open"));
        assertThatThrownBy(() -> projects.transition(id, "CLOSE_PROJECT_BALLOT", null))
                .isInstanceOfSatisfying(
                        TransitionRefused.class, e -> assertThat(e.missing()).isEqualTo("BALLOT_CLOSED"));
        clock.advance(Duration.ofDays(14));
        f.signIn(memberA3);
        assertThatThrownBy(() -> ballots.vote(ballot.id(), VotePosition.APPROVE, null))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("development.error.ballot-closed"));
        f.signIn(secretaryB);
        assertThatThrownBy(() -> ballots.close(ballot.id())).isInstanceOf(NotPermittedException.class);
        f.signIn(secretaryA);
        BallotView closed = ballots.close(ballot.id());
        assertThat(closed.outcome()).isEqualTo(BallotRule.Outcome.APPROVED);
        assertThat(List.of(closed.approve(), closed.disapprove(), closed.abstain()))
                .containsExactly(2, 0, 1);
        assertThat(projects.get(id).stage()).isEqualTo("10.60");
        assertThat(projects.get(id).allowedTransitions()).contains("APPROVE_PROJECT");
        assertThat(projects.transition(id, "APPROVE_PROJECT", null).stage()).isEqualTo("10.99");
    }

    @Test
    void aBallotThatMissesItsQuorumDoesNotUnlockApprovalAndTheSystemClosesItOnTime() {
        clock.set(clock.daysFromToday(2));
        long id = registered("未达法定人数的项目");
        BallotView ballot =
                ballots.open(id, new NewBallot(null, clock.instant().plus(Duration.ofDays(7)), panel(), true));
        f.signIn(memberA);
        ballots.vote(ballot.id(), VotePosition.APPROVE, null);
        // a secret ballot shows counts only
        assertThat(ballots.get(ballot.id()).votes()).isEmpty();
        TestPeople.signOut();
        clock.advance(Duration.ofDays(7));
        assertThat(SystemActor.run(DevelopmentDeadlines.ACTOR, deadlines::closeDue))
                .isGreaterThanOrEqualTo(1);
        BallotView closed = ballots.get(ballot.id());
        assertThat(closed.outcome()).isEqualTo(BallotRule.Outcome.NO_QUORUM);
        assertThat(closed.approve()).isEqualTo(1);
        assertThat(projects.get(id).stage()).isEqualTo("10.60");
        assertThat(projects.timeline(id).getLast().actor()).isEqualTo(DevelopmentDeadlines.ACTOR);
        f.signIn(secretaryA);
        assertThatThrownBy(() -> projects.transition(id, "APPROVE_PROJECT", null))
                .isInstanceOfSatisfying(
                        TransitionRefused.class, e -> assertThat(e.missing()).isEqualTo("BALLOT_APPROVED"));
        assertThatThrownBy(() -> projects.transition(id, "REJECT_PROJECT", ""))
                .isInstanceOf(InvalidInputException.class);
        assertThat(projects.transition(id, "REJECT_PROJECT", "未达法定人数").stage()).isEqualTo("10.98");
        assertThat(projects.get(id).nextTransitions()).isEmpty();
    }

    @Test
    void ballotsOpenOnlyAtBallotStagesWithAClosingTimeAfterTheOpening() {
        long id = propose(memberA, a, "不能投票的阶段").id();
        f.signIn(secretaryA);
        assertThatThrownBy(
                        () -> ballots.open(id, new NewBallot(null, Instant.now().plusSeconds(3600), panel(), false)))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("development.error.no-ballot-here"));
        long registered = registered("截止时间错误");
        assertThatThrownBy(() -> ballots.open(
                        registered, new NewBallot(null, Instant.now().minusSeconds(60), panel(), false)))
                .isInstanceOf(InvalidInputException.class);
        f.signIn(memberA);
        assertThatThrownBy(() -> ballots.open(
                        registered, new NewBallot(null, Instant.now().plusSeconds(3600), panel(), false)))
                .isInstanceOf(NotPermittedException.class);
    }
}
