package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;

/** The expert database on H2: application → review → approval, profile changes, relations, who sees what. */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpertDatabaseTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Experts experts;

    @Autowired
    ExpertTrackRecord trackRecord;

    @Autowired
    ExpertAvailability availability;

    @Autowired
    org.stdhub.development.Alliances alliances;

    @Autowired
    org.stdhub.development.Projects projects;

    @Autowired
    JdbcTemplate jdbc;

    TalentFixtures f;
    String officer;

    @BeforeAll
    void setUp() {
        f = new TalentFixtures(accounts, organizations, principals, experts);
        officer = f.officer();
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    private long audited(long expertId, String action) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where object_type = 'expert' and object_id = ? and action = ?",
                Long.class,
                String.valueOf(expertId),
                action);
    }

    @Test
    void anApplicationIsReviewedAndApprovedByTheBaseOfficeStepByStep() {
        String applicant = f.person("app");
        f.signIn(applicant);
        ExpertView applied = experts.apply(TalentFixtures.profile(TalentFixtures.field(), Title.FULL_SENIOR, 15));
        assertThat(applied.status()).isEqualTo(ExpertStatus.APPLICANT);
        assertThat(applied.transitions()).containsExactly(ExpertTransition.RETIRE);
        // the applicant cannot review themself
        assertThatThrownBy(() -> experts.transition(applied.id(), ExpertTransition.START_REVIEW, null))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> experts.apply(TalentFixtures.profile("01.040", Title.SENIOR, 9)))
                .isInstanceOf(ConflictException.class);

        f.signIn(officer);
        // approval needs the review first
        assertThatThrownBy(() -> experts.transition(applied.id(), ExpertTransition.APPROVE, null))
                .isInstanceOf(ConflictException.class);
        assertThat(experts.transition(applied.id(), ExpertTransition.START_REVIEW, null)
                        .status())
                .isEqualTo(ExpertStatus.IN_REVIEW);
        ExpertView approved = experts.transition(applied.id(), ExpertTransition.APPROVE, null);
        assertThat(approved.status()).isEqualTo(ExpertStatus.ACTIVE);
        assertThat(approved.approvedAt()).isNotNull();
        assertThat(approved.transitions()).containsExactlyInAnyOrder(ExpertTransition.SUSPEND, ExpertTransition.RETIRE);
        assertThat(audited(applied.id(), "applied")).isEqualTo(1);
        assertThat(audited(applied.id(), "start-review")).isEqualTo(1);
        assertThat(audited(applied.id(), "approve")).isEqualTo(1);

        // suspension needs a reason; reactivation brings the expert back
        assertThatThrownBy(() -> experts.transition(applied.id(), ExpertTransition.SUSPEND, " "))
                .isInstanceOf(InvalidInputException.class);
        assertThat(experts.transition(applied.id(), ExpertTransition.SUSPEND, "未按时完成评审")
                        .status())
                .isEqualTo(ExpertStatus.SUSPENDED);
        assertThat(experts.transition(applied.id(), ExpertTransition.REACTIVATE, null)
                        .status())
                .isEqualTo(ExpertStatus.ACTIVE);
    }

    @Test
    void approvalNeedsEightYearsAndASeniorTitleOrAnEquivalentLevel() {
        String junior = f.person("jun");
        f.signIn(junior);
        ExpertView few = experts.apply(TalentFixtures.profile(TalentFixtures.field(), Title.SENIOR, 7));
        f.signIn(officer);
        experts.transition(few.id(), ExpertTransition.START_REVIEW, null);
        assertThatThrownBy(() -> experts.transition(few.id(), ExpertTransition.APPROVE, null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("not-qualified");
        assertThatThrownBy(() -> experts.transition(few.id(), ExpertTransition.REJECT, null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(experts.transition(few.id(), ExpertTransition.REJECT, "从业年限不足")
                        .status())
                .isEqualTo(ExpertStatus.REJECTED);

        String equivalent = f.person("equ");
        f.signIn(equivalent);
        ExpertView eq = experts.apply(
                new ExpertForms.ProfileForm(TalentFixtures.field(), "", "", Title.INTERMEDIATE, true, 9, null));
        f.signIn(officer);
        experts.transition(eq.id(), ExpertTransition.START_REVIEW, null);
        assertThat(experts.transition(eq.id(), ExpertTransition.APPROVE, null).status())
                .isEqualTo(ExpertStatus.ACTIVE);
    }

    @Test
    void aChangedQualificationGoesBackToReviewAndOtherChangesDoNot() {
        String login = f.person("chg");
        String field = TalentFixtures.field();
        long id = f.activeExpert(login, field);
        f.signIn(login);
        ExpertView kept =
                experts.change(id, new ExpertForms.ProfileForm(field, "", "新关键词", Title.SENIOR, false, 10, "洛阳"));
        assertThat(kept.status()).isEqualTo(ExpertStatus.ACTIVE);
        assertThat(kept.keywords()).isEqualTo("新关键词");
        ExpertView back =
                experts.change(id, new ExpertForms.ProfileForm(field, "A00", "新关键词", Title.SENIOR, false, 10, "洛阳"));
        assertThat(back.status()).isEqualTo(ExpertStatus.APPLICANT);
        assertThat(audited(id, "requalify")).isEqualTo(1);
        // the base office does not write an expert's profile
        f.signIn(officer);
        assertThatThrownBy(() -> experts.change(id, TalentFixtures.profile(field, Title.SENIOR, 11)))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void aSuspendedExpertWhoChangesAQualificationFieldComesBackOnlyThroughReview() {
        String login = f.person("sus");
        String field = TalentFixtures.field();
        long id = f.activeExpert(login, field);
        f.signIn(officer);
        experts.transition(id, ExpertTransition.SUSPEND, "评审意见迟交");
        // a change that is no qualification field keeps the approval: reactivation as before
        f.signIn(login);
        ExpertView kept =
                experts.change(id, new ExpertForms.ProfileForm(field, "", "换了关键词", Title.SENIOR, false, 10, "开封"));
        assertThat(kept.status()).isEqualTo(ExpertStatus.SUSPENDED);
        assertThat(kept.approvedAt()).isNotNull();
        f.signIn(officer);
        assertThat(experts.get(id).transitions())
                .containsExactlyInAnyOrder(ExpertTransition.REACTIVATE, ExpertTransition.RETIRE);
        assertThatThrownBy(() -> experts.transition(id, ExpertTransition.REACTIVATE_INTO_REVIEW, null))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("talent.error.qualification-unchanged"));

        // the suspended expert raises their title: still suspended (a change lifts no suspension), approval cleared
        f.signIn(login);
        ExpertView changed =
                experts.change(id, new ExpertForms.ProfileForm(field, "", "换了关键词", Title.FULL_SENIOR, false, 10, "开封"));
        assertThat(changed.status()).isEqualTo(ExpertStatus.SUSPENDED);
        assertThat(changed.approvedAt()).isNull();
        assertThat(audited(id, "requalify")).isZero();
        assertThat(jdbc.queryForList(
                        "select changes from audit_event where object_type = 'expert' and object_id = ?"
                                + " and action = 'profile-changed' order by seq",
                        String.class,
                        String.valueOf(id)))
                .hasSize(2)
                .satisfies(changes -> {
                    assertThat(changes.get(0)).doesNotContain("approvedAt");
                    assertThat(changes.get(1)).contains("approvedAt", "FULL_SENIOR");
                });

        // the base office cannot make them active with the unreviewed qualification: only into review
        f.signIn(officer);
        assertThat(experts.get(id).transitions())
                .containsExactlyInAnyOrder(ExpertTransition.REACTIVATE_INTO_REVIEW, ExpertTransition.RETIRE);
        assertThatThrownBy(() -> experts.transition(id, ExpertTransition.REACTIVATE, null))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("talent.error.qualification-changed"));
        assertThat(experts.get(id).status()).isEqualTo(ExpertStatus.SUSPENDED);
        ExpertView inReview = experts.transition(id, ExpertTransition.REACTIVATE_INTO_REVIEW, null);
        assertThat(inReview.status()).isEqualTo(ExpertStatus.IN_REVIEW);
        assertThat(audited(id, "reactivate-into-review")).isEqualTo(1);
        ExpertView approved = experts.transition(id, ExpertTransition.APPROVE, null);
        assertThat(approved.status()).isEqualTo(ExpertStatus.ACTIVE);
        assertThat(approved.title()).isEqualTo(Title.FULL_SENIOR);
        assertThat(approved.approvedAt()).isNotNull();

        // suspended again without a change: plain reactivation
        experts.transition(id, ExpertTransition.SUSPEND, "再次暂停");
        assertThat(experts.transition(id, ExpertTransition.REACTIVATE, null).status())
                .isEqualTo(ExpertStatus.ACTIVE);
    }

    @Test
    void badProfilesAreRefusedFieldByField() {
        f.signIn(f.person("bad"));
        assertThatThrownBy(() -> experts.apply(new ExpertForms.ProfileForm("1.2.3", "", "", null, false, 120, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("icsCodes", "title", "yearsInField"));
        assertThatThrownBy(() -> experts.apply(new ExpertForms.ProfileForm("", "", "", Title.SENIOR, false, 10, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("icsCodes"));
        assertThat(experts.mine()).isEmpty();
    }

    private static ExpertForms.UnavailablePeriodForm period(LocalDate from, LocalDate to) {
        return new ExpertForms.UnavailablePeriodForm(from, to);
    }

    @Test
    void anExpertDeclaresSeveralPeriodsOfUnavailabilityThatNeverOverlapWithoutGoingBackToReview() {
        String login = f.person("away");
        long id = f.activeExpert(login, TalentFixtures.field());
        f.signIn(login);
        availability.addPeriod(id, period(LocalDate.of(2097, 5, 1), null));
        availability.addPeriod(id, period(LocalDate.of(2097, 3, 1), LocalDate.of(2097, 3, 31)));
        ExpertView two = availability.addPeriod(id, period(LocalDate.of(2097, 4, 1), LocalDate.of(2097, 4, 30)));
        // earliest first; an approved expert stays approved (not a qualification field)
        assertThat(two.unavailablePeriods())
                .extracting(ExpertView.UnavailablePeriodView::text)
                .containsExactly("2097-03-01–2097-03-31", "2097-04-01–2097-04-30", "2097-05-01–");
        assertThat(two.status()).isEqualTo(ExpertStatus.ACTIVE);
        assertThat(audited(id, "unavailable-period-added")).isEqualTo(3);
        // overlaps: a shared last day, inside the open-ended period, around a whole period
        assertThatThrownBy(
                        () -> availability.addPeriod(id, period(LocalDate.of(2097, 3, 31), LocalDate.of(2097, 3, 31))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("talent.error.period-overlap");
                    assertThat(e.args()).containsExactly("2097-03-01", "2097-03-31");
                });
        assertThatThrownBy(() -> availability.addPeriod(id, period(LocalDate.of(2098, 1, 1), LocalDate.of(2098, 1, 5))))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.args()).containsExactly("2097-05-01", "…"));
        assertThatThrownBy(() -> availability.addPeriod(id, period(LocalDate.of(2097, 2, 1), null)))
                .isInstanceOf(ConflictException.class);
        // bad dates, by name
        assertThatThrownBy(
                        () -> availability.addPeriod(id, period(LocalDate.of(2097, 2, 10), LocalDate.of(2097, 2, 1))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("unavailableTo", "talent.error.dates"));
        assertThatThrownBy(() -> availability.addPeriod(id, period(null, LocalDate.of(2097, 2, 1))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("unavailableFrom", "talent.error.period-from-required"));
        assertThatThrownBy(() -> availability.addPeriod(id, period(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("unavailableTo", "talent.error.period-over"));
        // the base office adds and removes too; a removed period frees its days
        f.signIn(officer);
        long april = two.unavailablePeriods().get(1).id();
        assertThat(availability.removePeriod(id, april).unavailablePeriods()).hasSize(2);
        assertThat(availability
                        .addPeriod(id, period(LocalDate.of(2097, 4, 10), LocalDate.of(2097, 4, 12)))
                        .unavailablePeriods())
                .hasSize(3);
        assertThat(audited(id, "unavailable-period-removed")).isEqualTo(1);
        assertThatThrownBy(() -> availability.removePeriod(id, april)).isInstanceOf(NotFoundException.class);
        // nobody else: as if the expert did not exist
        f.signIn(f.person("awayother"));
        assertThatThrownBy(() -> availability.addPeriod(id, period(LocalDate.of(2099, 1, 1), null)))
                .isInstanceOf(NotFoundException.class);
        // at most MAX_PERIODS at a time
        f.signIn(login);
        for (int i = 3; i < ExpertAvailability.MAX_PERIODS; i++) {
            LocalDate day = LocalDate.of(2096, 1, 1).plusDays(2L * i);
            availability.addPeriod(id, period(day, day));
        }
        assertThat(experts.get(id).unavailablePeriods()).hasSize(ExpertAvailability.MAX_PERIODS);
        assertThatThrownBy(() -> availability.addPeriod(id, period(LocalDate.of(2095, 1, 1), LocalDate.of(2095, 1, 1))))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("talent.error.too-many-periods"));
        // a retired expert's periods are kept as they were
        experts.transition(id, ExpertTransition.RETIRE, null);
        assertThatThrownBy(() -> availability.removePeriod(
                        id, experts.get(id).unavailablePeriods().getFirst().id()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void expertsDeclareEmployersAndRelationsButOnlyTheOfficeRecordsPenalties() {
        String login = f.person("rel");
        long id = f.activeExpert(login, TalentFixtures.field());
        long company = f.organization("关系公司");
        f.signIn(login);
        ExpertView withJob = experts.addEmployment(
                id, new ExpertForms.EmploymentForm(company, "关系公司", LocalDate.of(2018, 1, 1), null));
        assertThat(withJob.currentEmployer()).isEqualTo("关系公司");
        ExpertView withRelation = experts.addRelation(
                id,
                new ExpertForms.RelationForm(
                        RelationKind.SHAREHOLDING, company, null, "持股 30%", LocalDate.of(2019, 1, 1), null));
        assertThat(withRelation.relations())
                .extracting(ExpertView.RelationView::kind)
                .contains(RelationKind.SHAREHOLDING);
        assertThatThrownBy(() -> experts.addRelation(
                        id, new ExpertForms.RelationForm(RelationKind.PENALTY, null, null, "自报处罚", null, null)))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> experts.addRelation(
                        id, new ExpertForms.RelationForm(RelationKind.CONFLICT, null, null, "无对象", null, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() ->
                        experts.addEmployment(id, new ExpertForms.EmploymentForm(987_654_321L, "不存在", null, null)))
                .isInstanceOf(NotFoundException.class);
        f.signIn(officer);
        assertThat(experts.addRelation(
                                id,
                                new ExpertForms.RelationForm(
                                        RelationKind.PENALTY, null, null, "2015 年评标违规处罚", null, null))
                        .relations())
                .hasSize(2);
        assertThat(audited(id, "relation-added")).isEqualTo(2);
    }

    @Test
    void aStandardDraftedNamesTheDevelopmentProjectItWasDraftedInWhichMustExist() {
        String login = f.person("proj");
        long id = f.activeExpert(login, TalentFixtures.field());
        long project = f.project(alliances, projects, "智能装备通用技术要求");
        f.signIn(login);
        // a standard not yet published: the project alone
        ExpertView added =
                trackRecord.addDraftedStandard(id, new ExpertForms.DraftedStandardForm(null, null, "主要起草人", project));
        ExpertView.DraftedStandardView drafted = added.draftedStandards().getFirst();
        assertThat(drafted.designation()).isNull();
        assertThat(drafted.project().id()).isEqualTo(project);
        assertThat(drafted.project().titleZh()).isEqualTo("智能装备通用技术要求");
        assertThat(drafted.project().stage()).isEqualTo("00.00");
        assertThat(drafted.project().href()).isEqualTo("/projects/" + project);
        assertThat(added.status()).isEqualTo(ExpertStatus.ACTIVE);
        // once listed, the project is not listed twice; an unknown project and an empty entry are refused by name
        assertThatThrownBy(() -> trackRecord.addDraftedStandard(
                        id, new ExpertForms.DraftedStandardForm("GB/T 1.1-2020", null, null, project)))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("talent.error.drafted-project-already"));
        assertThatThrownBy(() -> trackRecord.addDraftedStandard(
                        id, new ExpertForms.DraftedStandardForm("GB/T 1.1-2020", null, null, 987_654_321L)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("projectId", "talent.error.no-project"));
        assertThatThrownBy(() ->
                        trackRecord.addDraftedStandard(id, new ExpertForms.DraftedStandardForm(" ", "无编号", null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("designation", "talent.error.designation-or-project"));
        // published: the designation is added to the same entry, the project kept
        ExpertView published = trackRecord.changeDraftedStandard(
                id, drafted.id(), new ExpertForms.DraftedStandardForm("T/TL 1-2026", null, "主要起草人", project));
        assertThat(published.draftedStandards()).singleElement().satisfies(d -> {
            assertThat(d.designation()).isEqualTo("T/TL 1-2026");
            assertThat(d.project().id()).isEqualTo(project);
        });
        // the base office may link an entry too; the audit names the project
        f.signIn(officer);
        assertThat(trackRecord
                        .addDraftedStandard(id, new ExpertForms.DraftedStandardForm("GB/T 1.1-2020", null, null, null))
                        .draftedStandards())
                .hasSize(2);
        assertThat(jdbc.queryForList(
                        "select changes from audit_event where object_type = 'expert' and object_id = ?"
                                + " and action = 'drafted-standard-added'",
                        String.class,
                        String.valueOf(id)))
                .hasSize(2)
                .filteredOn(c -> c.contains("developmentProject"))
                .singleElement()
                .asString()
                .contains("\"" + project + "\"");
    }

    @Test
    void employmentsAndRelationsAreEndedCorrectedAndRemovedButAPenaltyOnlyByTheOffice() {
        String login = f.person("endj");
        long id = f.activeExpert(login, TalentFixtures.field());
        long company = f.organization("旧东家");
        f.signIn(login);
        long job = experts.addEmployment(
                        id, new ExpertForms.EmploymentForm(company, "旧东家公司", LocalDate.of(2010, 1, 1), null))
                .employments()
                .getFirst()
                .id();
        experts.addEmployment(id, new ExpertForms.EmploymentForm(null, "新东家研究院", LocalDate.of(2024, 3, 1), null));
        // the former employer ended: the new one is the current employer, the old one stays with its dates
        ExpertView ended = experts.changeEmployment(
                id,
                job,
                new ExpertForms.EmploymentForm(company, "旧东家公司", LocalDate.of(2010, 1, 1), LocalDate.of(2024, 2, 29)));
        assertThat(ended.currentEmployer()).isEqualTo("新东家研究院");
        assertThat(ended.employments())
                .filteredOn(m -> m.id() == job)
                .singleElement()
                .extracting(ExpertView.EmploymentView::endedOn)
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> experts.changeEmployment(
                        id,
                        job,
                        new ExpertForms.EmploymentForm(
                                null, "旧东家公司", LocalDate.of(2010, 1, 1), LocalDate.of(2009, 1, 1))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("endedOn"));
        long relation = experts.addRelation(
                        id,
                        new ExpertForms.RelationForm(
                                RelationKind.SHAREHOLDING, company, null, "持股 5%", LocalDate.of(2015, 1, 1), null))
                .relations()
                .getFirst()
                .id();
        assertThat(experts.changeRelation(
                                id,
                                relation,
                                new ExpertForms.RelationForm(
                                        RelationKind.SHAREHOLDING,
                                        company,
                                        null,
                                        "持股 5%，已转让",
                                        LocalDate.of(2015, 1, 1),
                                        LocalDate.of(2023, 6, 30)))
                        .relations())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.endedOn()).isEqualTo(LocalDate.of(2023, 6, 30));
                    assertThat(r.description()).isEqualTo("持股 5%，已转让");
                });
        // another person: as if the expert did not exist
        f.signIn(f.person("endo"));
        assertThatThrownBy(() -> experts.removeEmployment(id, job)).isInstanceOf(NotFoundException.class);
        // a penalty: recorded, corrected and removed by the office only
        f.signIn(officer);
        long penalty = experts
                .addRelation(
                        id, new ExpertForms.RelationForm(RelationKind.PENALTY, null, null, "2016 年评审违规处罚", null, null))
                .relations()
                .stream()
                .filter(r -> r.kind() == RelationKind.PENALTY)
                .findFirst()
                .orElseThrow()
                .id();
        f.signIn(login);
        assertThatThrownBy(() -> experts.removeRelation(id, penalty)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> experts.changeRelation(
                        id,
                        penalty,
                        new ExpertForms.RelationForm(RelationKind.CONFLICT, company, null, "改为冲突", null, null)))
                .isInstanceOf(NotPermittedException.class);
        assertThat(experts.removeRelation(id, relation).relations()).hasSize(1);
        assertThat(experts.removeEmployment(id, job).employments()).hasSize(1);
        assertThatThrownBy(() -> experts.removeEmployment(id, job)).isInstanceOf(NotFoundException.class);
        f.signIn(officer);
        assertThat(experts.removeRelation(id, penalty).relations()).isEmpty();
        assertThat(audited(id, "employment-changed")).isEqualTo(1);
        assertThat(audited(id, "employment-removed")).isEqualTo(1);
        assertThat(audited(id, "relation-changed")).isEqualTo(1);
        assertThat(audited(id, "relation-removed")).isEqualTo(2);
    }

    @Test
    void aPersonSeesOnlyTheirOwnEntryAndOnlyTheOfficeSearches() {
        String login = f.person("own");
        String field = TalentFixtures.field();
        long id = f.activeExpert(login, field);
        String other = f.person("oth");
        f.signIn(other);
        assertThatThrownBy(() -> experts.get(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> experts.search(new ExpertForms.Filter(null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        f.signIn(login);
        assertThat(experts.get(id).id()).isEqualTo(id);
        assertThat(experts.mine()).get().extracting(ExpertView::id).isEqualTo(id);
        f.signIn(officer);
        assertThat(experts.search(new ExpertForms.Filter(field, ExpertStatus.ACTIVE, "河南")))
                .extracting(ExpertView::id)
                .containsExactly(id);
        assertThat(experts.search(new ExpertForms.Filter(field, ExpertStatus.SUSPENDED, null)))
                .isEmpty();
    }

    @Test
    void committeeMembershipsAndStandardsDraftedAreCheckedRecordedAndAudited() {
        String login = f.person("com");
        long id = f.activeExpert(login, TalentFixtures.field());
        f.signIn(login);
        ExpertView withCommittee = trackRecord.addCommittee(
                id, new ExpertForms.CommitteeForm("全国茶叶标准化技术委员会 SAC/TC 339", "委员", LocalDate.of(2019, 3, 1), null));
        assertThat(withCommittee.committees()).singleElement().satisfies(c -> {
            assertThat(c.committeeName()).isEqualTo("全国茶叶标准化技术委员会 SAC/TC 339");
            assertThat(c.committeeRole()).isEqualTo("委员");
            assertThat(c.endedOn()).isNull();
        });
        // adding a committee is not a qualification change: the expert stays active
        assertThat(withCommittee.status()).isEqualTo(ExpertStatus.ACTIVE);
        ExpertView drafted = trackRecord.addDraftedStandard(
                id, new ExpertForms.DraftedStandardForm("gb/t1.1－2020", "标准化工作导则", "主要起草人", null));
        assertThat(drafted.draftedStandards())
                .extracting(ExpertView.DraftedStandardView::designation)
                .containsExactly("GB/T 1.1-2020");
        trackRecord.addDraftedStandard(id, new ExpertForms.DraftedStandardForm("ISO/IEC 27001:2022", null, null, null));
        trackRecord.addDraftedStandard(id, new ExpertForms.DraftedStandardForm("DB41/T 2345-2023", null, "参与", null));
        assertThat(experts.get(id).draftedStandards()).hasSize(3);

        // bad input is refused whole, with the field named
        assertThatThrownBy(() -> trackRecord.addDraftedStandard(
                        id, new ExpertForms.DraftedStandardForm("not a standard", null, null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("designation"));
        assertThatThrownBy(() -> trackRecord.addDraftedStandard(
                        id, new ExpertForms.DraftedStandardForm("GB/T 1.1-2020", null, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> trackRecord.addCommittee(id, new ExpertForms.CommitteeForm(" ", "委员", null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("committeeName"));
        assertThatThrownBy(() -> trackRecord.addCommittee(
                        id,
                        new ExpertForms.CommitteeForm(
                                "SAC/TC 28", "秘书长", LocalDate.of(2020, 1, 1), LocalDate.of(2019, 1, 1))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(experts.get(id).committees()).hasSize(1);
        // the expert sees no record of reviews (staff only)
        assertThat(experts.get(id).reviews()).isEmpty();

        // another person can neither see nor add to this profile
        f.signIn(f.person("other"));
        assertThatThrownBy(() ->
                        trackRecord.addCommittee(id, new ExpertForms.CommitteeForm("SAC/TC 28", "委员", null, null)))
                .isInstanceOf(NotFoundException.class);
        // the base office can
        f.signIn(officer);
        assertThat(trackRecord
                        .addCommittee(id, new ExpertForms.CommitteeForm("SAC/TC 28", "顾问", null, null))
                        .committees())
                .hasSize(2);
        assertThat(audited(id, "committee-added")).isEqualTo(2);
        assertThat(audited(id, "drafted-standard-added")).isEqualTo(3);
    }

    @Test
    void committeesAndStandardsDraftedAreCorrectedAndRemovedByTheExpertOrTheOfficeAndAudited() {
        String login = f.person("cor");
        long id = f.activeExpert(login, TalentFixtures.field());
        f.signIn(login);
        long committee = trackRecord
                .addCommittee(id, new ExpertForms.CommitteeForm("SAC/TC 339", "委员", LocalDate.of(2019, 3, 1), null))
                .committees()
                .getFirst()
                .id();
        long drafted = trackRecord
                .addDraftedStandard(id, new ExpertForms.DraftedStandardForm("GB/T 1.1-2020", null, "参与", null))
                .draftedStandards()
                .getFirst()
                .id();
        trackRecord.addDraftedStandard(id, new ExpertForms.DraftedStandardForm("GB/T 20000.1-2014", null, null, null));

        // the expert corrects: the entry is written anew, the change is audited, the expert stays active
        ExpertView changed = trackRecord.changeCommittee(
                id,
                committee,
                new ExpertForms.CommitteeForm(
                        "全国茶叶标准化技术委员会 SAC/TC 339", "副主任委员", LocalDate.of(2019, 3, 1), LocalDate.of(2024, 2, 29)));
        assertThat(changed.committees()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(committee);
            assertThat(c.committeeRole()).isEqualTo("副主任委员");
            assertThat(c.endedOn()).isEqualTo(LocalDate.of(2024, 2, 29));
        });
        assertThat(changed.status()).isEqualTo(ExpertStatus.ACTIVE);
        ExpertView redrafted = trackRecord.changeDraftedStandard(
                id, drafted, new ExpertForms.DraftedStandardForm("gb/t 1.1—2020", "标准化工作导则", "主要起草人", null));
        assertThat(redrafted.draftedStandards())
                .filteredOn(d -> d.id() == drafted)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.designation()).isEqualTo("GB/T 1.1-2020");
                    assertThat(d.draftingRole()).isEqualTo("主要起草人");
                });
        assertThat(redrafted.status()).isEqualTo(ExpertStatus.ACTIVE);

        // bad input and duplicates are refused, nothing changes
        assertThatThrownBy(() -> trackRecord.changeCommittee(
                        id, committee, new ExpertForms.CommitteeForm("SAC/TC 339", " ", null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("committeeRole"));
        assertThatThrownBy(() -> trackRecord.changeDraftedStandard(
                        id, drafted, new ExpertForms.DraftedStandardForm("GB/T 20000.1-2014", null, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(experts.get(id).committees().getFirst().committeeRole()).isEqualTo("副主任委员");
        // an entry of nobody, or of another expert, is not found
        assertThatThrownBy(() -> trackRecord.removeCommittee(id, Long.MAX_VALUE))
                .isInstanceOf(NotFoundException.class);
        String other = f.person("cox");
        long otherId = f.activeExpert(other, TalentFixtures.field());
        f.signIn(other);
        assertThatThrownBy(() -> trackRecord.removeCommittee(id, committee)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> trackRecord.removeCommittee(otherId, committee))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> trackRecord.changeDraftedStandard(
                        id, drafted, new ExpertForms.DraftedStandardForm("GB/T 1.1-2020", null, null, null)))
                .isInstanceOf(NotFoundException.class);

        // the office removes one, the expert the other
        f.signIn(officer);
        assertThat(trackRecord.removeCommittee(id, committee).committees()).isEmpty();
        f.signIn(login);
        assertThat(trackRecord.removeDraftedStandard(id, drafted).draftedStandards())
                .extracting(ExpertView.DraftedStandardView::designation)
                .containsExactly("GB/T 20000.1-2014");
        assertThat(experts.get(id).status()).isEqualTo(ExpertStatus.ACTIVE);
        assertThat(audited(id, "committee-changed")).isEqualTo(1);
        assertThat(audited(id, "committee-removed")).isEqualTo(1);
        assertThat(audited(id, "drafted-standard-changed")).isEqualTo(1);
        assertThat(audited(id, "drafted-standard-removed")).isEqualTo(1);

        // a retired expert's record is closed
        f.signIn(officer);
        experts.transition(id, ExpertTransition.RETIRE, "年龄");
        long left = experts.get(id).draftedStandards().getFirst().id();
        assertThatThrownBy(() -> trackRecord.removeDraftedStandard(id, left)).isInstanceOf(ConflictException.class);
    }
}
