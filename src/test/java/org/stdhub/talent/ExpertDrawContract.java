package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;

/**
 * Expert draws on H2: request → commitment → draw → replacement → decision, with the exclusions stored by rule, the
 * result sealed for everyone but the responsible officer, nobody else able to change it, and the public verification
 * reproducing it (and refusing changed inputs). Run on H2 ({@link ExpertDrawTests}) and PostgreSQL ({@link
 * PostgresExpertDrawTests}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExpertDrawContract {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Experts experts;

    @Autowired
    Draws draws;

    @Autowired
    ExpertAvailability availability;

    @Autowired
    java.time.Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    TalentFixtures f;
    String responsible;
    String otherOfficer;

    @BeforeAll
    void setUp() {
        f = new TalentFixtures(accounts, organizations, principals, experts);
        responsible = f.officer();
        otherOfficer = f.officer();
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    /** A field with {@code n} active experts; returns their logins in order. */
    private List<String> experts(String field, int n) {
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String login = f.person("exp");
            f.activeExpert(login, field);
            logins.add(login);
        }
        return logins;
    }

    private long expertId(String login) {
        f.signIn(login);
        try {
            return experts.mine().orElseThrow().id();
        } finally {
            TestPeople.signOut();
        }
    }

    private DrawForms.NewDraw request(String field, long party, List<Long> drafters, int members, int reserves) {
        return new DrawForms.NewDraw(
                DrawPurpose.PROJECT_REVIEW,
                "团体标准草案审查 " + field,
                field,
                members,
                reserves,
                null,
                List.of(party),
                List.of(),
                drafters,
                List.of());
    }

    @Test
    void aDrawFreezesItsInputsCommitsDrawsAndIsVerifiedPublicly() {
        String field = TalentFixtures.field();
        List<String> pool = experts(field, 10);
        long party = f.organization("当事企业");
        String employee = pool.get(0);
        String drafter = pool.get(1);
        long employeeId = expertId(employee);
        long drafterId = expertId(drafter);
        f.signIn(employee);
        experts.addEmployment(
                employeeId, new ExpertForms.EmploymentForm(party, "当事企业", LocalDate.of(2020, 1, 1), null));
        // an expert of another field is not in the pool
        experts(TalentFixtures.field(), 1);

        f.signIn(responsible);
        DrawView requested = draws.request(request(field, party, List.of(f.people.personId(drafter)), 5, 2));
        assertThat(requested.state()).isEqualTo(DrawState.REQUESTED);
        DrawView committed = draws.commit(requested.id());
        assertThat(committed.state()).isEqualTo(DrawState.COMMITTED);
        assertThat(committed.poolSize()).isEqualTo(10);
        assertThat(committed.eligibleSize()).isEqualTo(8);
        assertThat(committed.exclusions())
                .extracting(x -> x.expertId() + ":" + x.rule())
                .containsExactlyInAnyOrder(employeeId + ":SAME_EMPLOYER", drafterId + ":DRAFTING_GROUP");
        assertThat(committed.exclusions())
                .allSatisfy(x -> assertThat(x.reason()).isNotBlank());
        assertThat(committed.seedCommitment()).hasSize(64);
        assertThat(committed.seed()).isNull();

        // before the draw: the inputs and the commitment are public, nothing else
        TestPeople.signOut();
        DrawVerification before = draws.verification(requested.id(), null);
        assertThat(before.inputsMatch()).isTrue();
        assertThat(before.sealed()).isTrue();
        assertThat(before.seed()).isNull();
        assertThat(before.pool()).hasSize(10);
        assertThat(before.eligible()).doesNotContain(employeeId, drafterId);

        f.signIn(responsible);
        DrawView drawn = draws.draw(requested.id());
        assertThat(drawn.positions()).hasSize(7);
        assertThat(drawn.positions()).filteredOn(DrawView.PositionView::member).hasSize(5);
        assertThat(drawn.positions())
                .extracting(DrawView.PositionView::expertId)
                .doesNotContain(employeeId, drafterId);
        assertThat(drawn.seed()).isNotNull();
        assertThatThrownBy(() -> draws.draw(requested.id())).isInstanceOf(ConflictException.class);

        // sealed: the base office sees the request, not the result; an expert sees nothing
        f.signIn(otherOfficer);
        DrawView seenByOffice = draws.get(requested.id());
        assertThat(seenByOffice.sealed()).isTrue();
        assertThat(seenByOffice.positions()).isEmpty();
        assertThat(seenByOffice.seed()).isNull();
        f.signIn(pool.get(2));
        assertThatThrownBy(() -> draws.get(requested.id())).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> draws.list()).isInstanceOf(AccessDeniedException.class);
        TestPeople.signOut();
        DrawVerification sealed = draws.verification(requested.id(), null);
        assertThat(sealed.sealed()).isTrue();
        assertThat(sealed.publishedResult()).isNull();
        assertThat(sealed.seed()).isNull();

        f.signIn(responsible);
        draws.decide(requested.id(), "审查会于 2026-12-05 召开，结论：通过");
        TestPeople.signOut();
        DrawVerification published = draws.verification(requested.id(), null);
        assertThat(published.sealed()).isFalse();
        assertThat(published.verified()).isTrue();
        assertThat(published.publishedResult())
                .isEqualTo(drawn.positions().stream()
                        .map(DrawView.PositionView::expertId)
                        .toList());
        assertThat(published.recomputedResult()).isEqualTo(published.publishedResult());

        // any changed input fails
        List<Long> fewer = new ArrayList<>(published.pool());
        fewer.remove(published.publishedResult().get(0));
        assertThat(draws.verification(requested.id(), new DrawPublication.Claim(null, fewer, null, null, null))
                        .verified())
                .isFalse();
        assertThat(draws.verification(
                                requested.id(),
                                new DrawPublication.Claim(
                                        null, null, List.of(employeeId + ":SAME_EMPLOYER"), null, null))
                        .verified())
                .isFalse();
        String otherSeed = "0".repeat(64);
        DrawVerification wrongSeed =
                draws.verification(requested.id(), new DrawPublication.Claim(otherSeed, null, null, null, null));
        assertThat(wrongSeed.commitmentMatches()).isFalse();
        assertThat(wrongSeed.verified()).isFalse();
        assertThatThrownBy(() -> draws.verification(
                        requested.id(), new DrawPublication.Claim(null, null, List.of("x:SAME"), null, null)))
                .isInstanceOf(InvalidInputException.class);

        long audited = jdbc.queryForObject(
                "select count(*) from audit_event where object_type = 'draw' and object_id = ?",
                Long.class,
                String.valueOf(requested.id()));
        assertThat(audited).isEqualTo(4);
    }

    @Test
    void aMemberWhoDeclinesIsReplacedByTheNextReserveAndOnlyTheResponsibleOfficerActs() {
        String field = TalentFixtures.field();
        List<String> pool = experts(field, 8);
        long party = f.organization("替换企业");
        f.signIn(responsible);
        long id = draws.request(request(field, party, List.of(), 5, 2)).id();
        draws.commit(id);
        DrawView drawn = draws.draw(id);
        long firstReserve = drawn.positions().get(5).expertId();
        long secondReserve = drawn.positions().get(6).expertId();

        // nobody but the responsible officer changes the result
        f.signIn(otherOfficer);
        assertThatThrownBy(() -> draws.replace(id, new DrawForms.Replacement(1, "DECLINED", "出差")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> draws.decide(id, "决定")).isInstanceOf(NotPermittedException.class);
        SystemActor.run(
                "test",
                () -> assertThatThrownBy(() -> draws.replace(id, new DrawForms.Replacement(1, "DECLINED", "x")))
                        .isInstanceOf(NotPermittedException.class));

        f.signIn(responsible);
        assertThatThrownBy(() -> draws.replace(id, new DrawForms.Replacement(1, "SERVING", "原因")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> draws.replace(id, new DrawForms.Replacement(1, "DECLINED", "")))
                .isInstanceOf(InvalidInputException.class);
        DrawView replaced = draws.replace(id, new DrawForms.Replacement(2, "DECLINED", "时间冲突"));
        DrawView.PositionView second = replaced.positions().get(1);
        assertThat(second.outcome()).isEqualTo("DECLINED");
        assertThat(second.replacedBy()).isEqualTo(6);
        assertThat(second.conclusionsVoid()).isTrue();
        assertThat(replaced.positions().get(5).outcome()).isEqualTo("SERVING");
        assertThat(replaced.positions().get(5).expertId()).isEqualTo(firstReserve);
        assertThatThrownBy(() -> draws.replace(id, new DrawForms.Replacement(2, "DECLINED", "再次")))
                .isInstanceOf(ConflictException.class);

        // a drawn expert, contacted, declares a conflict: excluded under rule g and replaced by the next reserve
        long thirdMember = replaced.positions().get(2).expertId();
        String thirdLogin = pool.stream()
                .filter(l -> expertId(l) == thirdMember)
                .findFirst()
                .orElseThrow();
        f.signIn(thirdLogin);
        assertThatThrownBy(() -> draws.get(id)).isInstanceOf(NotPermittedException.class);
        draws.declareConflict(id, "与当事企业有合作项目");
        f.signIn(responsible);
        DrawView afterConflict = draws.get(id);
        assertThat(afterConflict.positions().get(2).outcome()).isEqualTo("CONFLICT");
        assertThat(afterConflict.positions().get(6).expertId()).isEqualTo(secondReserve);
        assertThat(afterConflict.positions().get(6).outcome()).isEqualTo("SERVING");
        assertThat(afterConflict.exclusions())
                .filteredOn(DrawView.ExclusionView::afterDraw)
                .extracting(x -> x.expertId() + ":" + x.rule())
                .containsExactly(thirdMember + ":DECLARED_CONFLICT");
        assertThat(afterConflict.positions())
                .filteredOn(p -> p.outcome().equals("SERVING"))
                .hasSize(5);
        // no reserve left
        assertThatThrownBy(() -> draws.replace(id, new DrawForms.Replacement(1, "DISQUALIFIED", "资格问题")))
                .isInstanceOf(ConflictException.class);

        draws.decide(id, "评审完成");
        assertThatThrownBy(() -> draws.replace(id, new DrawForms.Replacement(4, "DECLINED", "迟了")))
                .isInstanceOf(ConflictException.class);
        // after the decision the published result is still verified: replacements do not change the drawn order
        assertThat(draws.verification(id, null).verified()).isTrue();
    }

    @Test
    void aRequestNeedsAnOddPanelOfAtLeastFiveAndEnoughEligibleExperts() {
        String field = TalentFixtures.field();
        experts(field, 5);
        long party = f.organization("人数企业");
        f.signIn(responsible);
        assertThatThrownBy(() -> draws.request(request(field, party, List.of(), 4, 1)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("members"));
        assertThatThrownBy(() -> draws.request(request(field, party, List.of(), 3, 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> draws.request(new DrawForms.NewDraw(
                        null, " ", "not-a-code", 5, -1, null, List.of(), List.of(), List.of(), List.of())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("purpose", "subject", "fieldCodes", "reserves"));
        long id = draws.request(request(field, party, List.of(), 5, 1)).id();
        assertThatThrownBy(() -> draws.commit(id))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("pool-too-small");
        // an expert may not request draws
        f.signIn(f.person("nob"));
        assertThatThrownBy(() -> draws.request(request(field, party, List.of(), 5, 0)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void thePoolLeavesOutExpertsAwayOnTheDayOfTheCommitmentWhicheverOfTheirPeriodsCoversIt() {
        String field = TalentFixtures.field();
        List<String> pool = experts(field, 7);
        long party = f.organization("时段企业");
        long away = expertId(pool.get(0));
        long later = expertId(pool.get(1));
        LocalDate today = LocalDate.now(clock);
        // away: a later period first, then one covering today; later: two periods, neither covering today
        f.signIn(pool.get(0));
        availability.addPeriod(away, new ExpertForms.UnavailablePeriodForm(today.plusDays(30), today.plusDays(40)));
        long covering = availability
                .addPeriod(away, new ExpertForms.UnavailablePeriodForm(today, today.plusDays(3)))
                .unavailablePeriods()
                .getFirst()
                .id();
        f.signIn(pool.get(1));
        availability.addPeriod(later, new ExpertForms.UnavailablePeriodForm(today.plusDays(1), today.plusDays(5)));
        availability.addPeriod(later, new ExpertForms.UnavailablePeriodForm(today.plusDays(10), null));
        f.signIn(responsible);
        DrawView first = draws.commit(
                draws.request(request(field, party, List.of(), 5, 1)).id());
        assertThat(first.poolSize()).isEqualTo(6);
        assertThat(draws.draw(first.id()).positions())
                .extracting(DrawView.PositionView::expertId)
                .doesNotContain(away);
        // once the period covering today is removed, the next draw's pool has the expert again
        f.signIn(pool.get(0));
        assertThat(availability.removePeriod(away, covering).unavailablePeriods())
                .extracting(ExpertView.UnavailablePeriodView::unavailableFrom)
                .containsExactly(today.plusDays(30));
        f.signIn(responsible);
        assertThat(draws.commit(draws.request(request(field, party, List.of(), 5, 1))
                                .id())
                        .poolSize())
                .isEqualTo(7);
    }

    @Test
    void anUpheldObjectionAndADeclaredStandingConflictKeepExpertsOut() {
        String field = TalentFixtures.field();
        List<String> pool = experts(field, 8);
        long party = f.organization("异议企业");
        long objected = expertId(pool.get(0));
        long declaring = expertId(pool.get(1));
        f.signIn(pool.get(1));
        experts.addRelation(
                declaring, new ExpertForms.RelationForm(RelationKind.CONFLICT, party, null, "曾为该企业提供咨询", null, null));
        f.signIn(responsible);
        long id = draws.request(new DrawForms.NewDraw(
                        DrawPurpose.EVALUATION,
                        "效益评价",
                        field,
                        5,
                        1,
                        null,
                        List.of(party),
                        List.of(),
                        List.of(),
                        List.of(new DrawForms.ExcludedExpert(objected, "当事企业回避申请成立"))))
                .id();
        DrawView committed = draws.commit(id);
        assertThat(committed.exclusions())
                .extracting(x -> x.expertId() + ":" + x.rule())
                .containsExactlyInAnyOrder(objected + ":DECLARED_CONFLICT", declaring + ":DECLARED_CONFLICT");
        assertThat(committed.eligibleSize()).isEqualTo(6);
    }

    @Test
    void theResponsibleOfficerRatesDrawnExpertsAfterTheDecisionAndTheirRecordOfReviewsShowsIt() {
        String field = TalentFixtures.field();
        List<String> pool = experts(field, 8);
        long party = f.organization("评分企业");
        f.signIn(responsible);
        long id = draws.request(request(field, party, List.of(), 5, 2)).id();
        draws.commit(id);
        DrawView drawn = draws.draw(id);
        long first = drawn.positions().get(0).expertId();
        long declining = drawn.positions().get(1).expertId();
        long reserve = drawn.positions().get(5).expertId();
        long lastReserve = drawn.positions().get(6).expertId();
        draws.replace(id, new DrawForms.Replacement(2, "DECLINED", "出差"));

        // not before the decision
        assertThatThrownBy(() -> draws.rate(id, first, new DrawForms.Rating(5, "认真")))
                .isInstanceOf(ConflictException.class);
        // sealed: the responsible officer sees the draw in the record, another officer does not yet
        assertThat(experts.get(first).reviews())
                .singleElement()
                .satisfies(v -> assertThat(v.rateable()).isFalse());
        f.signIn(otherOfficer);
        assertThat(experts.get(first).reviews()).isEmpty();

        f.signIn(responsible);
        draws.decide(id, "评审通过");
        assertThatThrownBy(() -> draws.rate(id, first, new DrawForms.Rating(6, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> draws.rate(id, first, new DrawForms.Rating(null, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> draws.rate(id, lastReserve, new DrawForms.Rating(3, null)))
                .isInstanceOf(ConflictException.class);
        long notDrawn = experts.search(new ExpertForms.Filter(field, null, null)).stream()
                .map(ExpertView::id)
                .filter(e -> drawn.positions().stream().noneMatch(p -> p.expertId() == e))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> draws.rate(id, notDrawn, new DrawForms.Rating(3, null)))
                .isInstanceOf(NotFoundException.class);
        draws.rate(id, first, new DrawForms.Rating(4, "意见充分"));
        draws.rate(id, first, new DrawForms.Rating(5, "意见充分，按时提交"));
        draws.rate(id, declining, new DrawForms.Rating(2, "临时谢绝"));

        // another officer cannot rate, but sees the published record
        f.signIn(otherOfficer);
        assertThatThrownBy(() -> draws.rate(id, reserve, new DrawForms.Rating(3, null)))
                .isInstanceOf(NotPermittedException.class);
        ExpertView.ReviewView served = experts.get(first).reviews().getFirst();
        assertThat(served.drawId()).isEqualTo(id);
        assertThat(served.record()).isEqualTo(ReviewRecord.SERVED);
        assertThat(served.member()).isTrue();
        assertThat(served.rating()).isEqualTo(5);
        assertThat(served.ratingNote()).isEqualTo("意见充分，按时提交");
        assertThat(served.rateable()).isFalse();
        assertThat(experts.get(declining).reviews().getFirst().record()).isEqualTo(ReviewRecord.DECLINED);
        assertThat(experts.get(reserve).reviews().getFirst()).satisfies(v -> {
            assertThat(v.record()).isEqualTo(ReviewRecord.SERVED);
            assertThat(v.member()).isFalse();
            assertThat(v.rating()).isNull();
        });
        assertThat(experts.get(lastReserve).reviews().getFirst().record()).isEqualTo(ReviewRecord.NOT_CALLED);

        // the expert themself sees their record of reviews with the rating, but rates nothing
        String firstLogin =
                pool.stream().filter(l -> expertId(l) == first).findFirst().orElseThrow();
        f.signIn(firstLogin);
        assertThat(experts.get(first).reviews()).singleElement().satisfies(v -> {
            assertThat(v.drawId()).isEqualTo(id);
            assertThat(v.record()).isEqualTo(ReviewRecord.SERVED);
            assertThat(v.rating()).isEqualTo(served.rating());
            assertThat(v.rateable()).isFalse();
        });
        // another expert's record (and entry) is not theirs to see
        assertThatThrownBy(() -> experts.get(declining)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> draws.rate(id, first, new DrawForms.Rating(5, null)))
                .isInstanceOf(NotPermittedException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where object_type = 'draw' and object_id = ? and action = ?",
                        Long.class,
                        String.valueOf(id),
                        "expert-rated"))
                .isEqualTo(3);
    }

    @Test
    void theOfficesCombinedSearchRunsOnThisDatabase() {
        String field = TalentFixtures.field();
        long near = SystemActor.run(
                "test",
                () -> experts.enter(
                                f.people.personId(f.person("sea")),
                                new ExpertForms.ProfileForm(
                                        field + ".10", "J28", "茶叶 加工", Title.FULL_SENIOR, false, 20, "郑州"))
                        .id());
        // two periods of unavailability: the search's subquery looks at each
        SystemActor.run("test", () -> {
            availability.addPeriod(
                    near, new ExpertForms.UnavailablePeriodForm(LocalDate.of(2097, 3, 1), LocalDate.of(2097, 3, 31)));
            return availability.addPeriod(
                    near, new ExpertForms.UnavailablePeriodForm(LocalDate.of(2097, 5, 1), LocalDate.of(2097, 5, 2)));
        });
        long broad = SystemActor.run(
                "test",
                () -> experts.enter(
                                f.people.personId(f.person("seb")),
                                new ExpertForms.ProfileForm(field, "", "茶叶", Title.SENIOR, false, 10, "郑州"))
                        .id());
        f.signIn(responsible);
        var all = new ExpertForms.Filter(
                null, field + ".10", "茶叶", Title.SENIOR, 10, "郑州", null, null, ExpertStatus.APPLICANT);
        assertThat(experts.search(all, 0, 10).items())
                .extracting(ExpertView::id)
                .containsExactly(near, broad);
        var inMarch = new ExpertForms.Filter(
                null, field, "茶叶", null, null, null, LocalDate.of(2097, 2, 20), LocalDate.of(2097, 3, 2), null);
        assertThat(experts.search(inMarch, 0, 10).items())
                .extracting(ExpertView::id)
                .containsExactly(broad);
        var inMay = new ExpertForms.Filter(null, field, null, null, null, null, LocalDate.of(2097, 5, 2), null, null);
        assertThat(experts.search(inMay, 0, 10).items())
                .extracting(ExpertView::id)
                .containsExactly(broad);
        var inApril = new ExpertForms.Filter(
                null, field, null, null, null, null, LocalDate.of(2097, 4, 1), LocalDate.of(2097, 4, 30), null);
        assertThat(experts.search(inApril, 0, 10).items())
                .extracting(ExpertView::id)
                .containsExactly(near, broad);
        var page = experts.search(new ExpertForms.Filter(null, field, null, null, null, null, null, null, null), 1, 1);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(ExpertView::id).containsExactly(broad);
    }
}
