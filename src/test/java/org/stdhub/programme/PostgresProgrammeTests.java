package org.stdhub.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.PostgresTest;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.platform.ConflictException;
import org.stdhub.talent.CertificateIssued;

/**
 * The programme's migrations (V40–V44, V55) and queries on the real PostgreSQL of this machine: a contract from draft
 * to an approved release, facts counted once per event, targets, a subsidy claim and its double, a bulletin, the demo
 * data; an evaluation's panel drawn through the talent center and scored by its members, committee records linked to
 * accounts and subjects, a TC's standards from the catalog, a construction phase edited, drafting evidence.
 */
@PostgresTest
class PostgresProgrammeTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Contracts contracts;

    @Autowired
    Tasks tasks;

    @Autowired
    Tranches tranches;

    @Autowired
    Indicators indicators;

    @Autowired
    SubsidyClaims claims;

    @Autowired
    Bulletins bulletins;

    @Autowired
    ProgrammeDemoData demo;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationPanels panels;

    @Autowired
    org.stdhub.talent.Experts experts;

    @Autowired
    org.stdhub.talent.Draws draws;

    @Autowired
    Committees committees;

    @Autowired
    ConstructionPhases phases;

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    @Test
    void theWholePathRunsOnPostgresql() {
        assertThat(jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName()))
                .isEqualTo("PostgreSQL");
        ProgrammeFixtures f = new ProgrammeFixtures(accounts, organizations, principals, contracts);
        String officer = f.officer();
        String second = f.officer();
        long unit = f.unit("库单位");
        String member = f.member(unit);
        ContractView c = f.contractInForce(unit, Center.TALENT, Indicator.PEOPLE_CERTIFIED);
        long task = c.tasks().getFirst().id();

        f.signIn(member);
        tasks.addEvidence(task, "a.txt", "证据".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        tasks.report(task, new ContractForms.TaskReport(100, "完成"));
        f.signIn(officer);
        tasks.accept(task);
        long tranche = c.tranches().getFirst().id();
        tranches.propose(tranche);
        f.signIn(second);
        assertThat(tranches.approve(tranche).state()).isEqualTo(TrancheState.APPROVED);
        assertThat(contracts
                        .amend(
                                c.id(),
                                new ContractForms.Amendment(
                                        "延期", null, c.endsOn().plusMonths(1)))
                        .amendmentNo())
                .isEqualTo(1);

        LocalDate day = LocalDate.of(2033, 2, 2);
        indicators.setTarget(
                new IndicatorForms.Target(2033, Center.TALENT, null, Indicator.PEOPLE_CERTIFIED, 1, 0, 0, 0));
        var issued = new CertificateIssued("PG-1", f.people.personId(member), "证书", day);
        transactions.executeWithoutResult(s -> events.publishEvent(issued));
        transactions.executeWithoutResult(s -> events.publishEvent(issued));
        assertThat(indicators.dashboard(2033))
                .filteredOn(t -> t.indicator() == Indicator.PEOPLE_CERTIFIED)
                .singleElement()
                .satisfies(t -> assertThat(t.actual()).isEqualTo(1));

        f.signIn(member);
        claims.submit(new SubsidyClaims.NewClaim(unit, SubsidyRole.TC_SECRETARIAT, "SAC/TC 999"));
        assertThatThrownBy(() ->
                        claims.submit(new SubsidyClaims.NewClaim(unit, SubsidyRole.TC_SECRETARIAT, "sac/tc  999")))
                .isInstanceOf(ConflictException.class);

        f.signIn(officer);
        BulletinView b = bulletins.draft(new Bulletins.Draft(LocalDate.of(2033, 1, 1), LocalDate.of(2033, 3, 31)));
        assertThat(b.body()).contains("PEOPLE_CERTIFIED: 1");
        TestPeople.signOut();
        assertThat(demo.load()).isTrue();
    }

    @Test
    void panelsCommitteesPhasesAndDraftingEvidenceRunOnPostgresql() {
        ProgrammeFixtures f = new ProgrammeFixtures(accounts, organizations, principals, contracts);
        PanelFixtures p = new PanelFixtures(f, experts, draws, panels);
        String officer = f.officer();
        long unit = f.unit("库评估单位");
        String member = f.member(unit);
        ContractView c = f.contractInForce(unit, Center.PLATFORM, Indicator.ENTERPRISES_SERVED);
        String field = PanelFixtures.field();
        p.experts(field, 5);

        f.signIn(officer);
        EvaluationView e = evaluations.open(new EvaluationForms.NewEvaluation(
                c.id(), EvaluationKind.MID_TERM, "库" + System.nanoTime() % 100_000, LocalDate.now()));
        f.signIn(member);
        evaluations.selfEvaluate(
                e.id(),
                new EvaluationForms.SelfEvaluation(
                        java.util.Map.of("tc-secretariats", java.math.BigDecimal.ONE), java.util.Map.of()));
        f.signIn(officer);
        var draw = p.drawPanel(e.id(), field, 5, 0);
        for (String expert : p.members(draw)) {
            f.signIn(expert);
            evaluations.scoreOwnSheet(
                    e.id(),
                    new EvaluationForms.ExpertSheet(
                            java.util.Map.of("tc-secretariats", new java.math.BigDecimal("3"))));
        }
        f.signIn(officer);
        assertThat(evaluations.conclude(e.id()).total()).isEqualByComparingTo("6");

        var committee = committees.create(
                new Committees.NewCommittee(Committees.Kind.TECHNICAL_COMMITTEE, "库技术委员会", "SAC/TC 99_%", unit, null));
        committees.addMember(committee.id(), new Committees.NewMember(null, "秘书长", f.people.personId(member), null));
        long meeting = committees
                .addMeeting(committee.id(), new Committees.NewMeeting(LocalDate.of(2033, 1, 5), "审议"))
                .meetings()
                .getFirst()
                .id();
        var decided = committees.addDecision(
                meeting,
                new Committees.NewDecision(
                        "通过评估", "EVALUATION", String.valueOf(e.id()), Committees.RecordKind.DECISION));
        assertThat(decided.members().getFirst().personId()).isEqualTo(f.people.personId(member));
        assertThat(decided.meetings().getFirst().decisions().getFirst().subjectLink())
                .isEqualTo("/programme/evaluations/" + e.id());
        // the code's LIKE characters are taken literally
        assertThat(committees.standards(committee.id(), 0).total()).isZero();

        ConstructionPhase before = phases.list().getFirst();
        phases.update(
                before.code(),
                new ConstructionPhases.PhaseEdit(
                        before.startsOn(), before.endsOn(), java.util.List.of("库交付"), before.reachedOn()));
        assertThat(phases.list().getFirst().deliverables()).containsExactly("库交付");
        phases.update(
                before.code(),
                new ConstructionPhases.PhaseEdit(
                        before.startsOn(), before.endsOn(), before.deliverables(), before.reachedOn()));

        f.signIn(member);
        SubsidyClaimView claim = claims.submit(new SubsidyClaims.NewClaim(
                unit, SubsidyRole.LEAD_GROUP, "T/PG " + System.nanoTime() % 100_000 + "-2033"));
        f.signIn(officer);
        assertThat(claims.recordDraftingEvidence(claim.id(), new SubsidyClaims.DraftingEvidence("前言", true))
                        .draftingConfirmed())
                .isTrue();
    }
}
