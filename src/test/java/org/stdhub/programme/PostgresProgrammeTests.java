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
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.platform.ConflictException;
import org.stdhub.talent.CertificateIssued;

/**
 * The programme's migrations (V40, V41) and queries on the real PostgreSQL of this machine: a contract from draft to
 * an approved release, facts counted once per event, targets, a subsidy claim and its double, a bulletin, the demo
 * data.
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

    @AfterEach
    void signOut() {
        ProgrammeFixtures.signOut();
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
        var issued = new CertificateIssued("PG-1", f.personId(member), "证书", day);
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
        ProgrammeFixtures.signOut();
        assertThat(demo.load()).isTrue();
    }
}
