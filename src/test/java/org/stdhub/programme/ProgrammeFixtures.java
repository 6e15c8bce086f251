package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.OrganizationView;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.SystemActor;

/**
 * What the programme tests share: base officers, building units with a member, a contract in force with a task and
 * tranches, and signing in; the people and organizations are {@link TestPeople}'s (run-unique logins and names: the
 * context and database are shared).
 */
final class ProgrammeFixtures {

    private static final String RUN = String.valueOf(System.nanoTime() % 1_000_000);
    private static final AtomicInteger SEQ = new AtomicInteger();

    final TestPeople people;
    final Organizations organizations;
    final Contracts contracts;

    ProgrammeFixtures(Accounts accounts, Organizations organizations, Principals principals, Contracts contracts) {
        this.people = new TestPeople(accounts, organizations, principals, "基地测试");
        this.organizations = organizations;
        this.contracts = contracts;
    }

    /** A base officer; returns their login. */
    String officer() {
        return people.officer("boff");
    }

    /** Capital letters unique to this run and call (for codes such as an alliance's group code). */
    static String letters() {
        return TestPeople.letters(Integer.parseInt(RUN) * 100 + SEQ.incrementAndGet() % 100);
    }

    /** An enterprise (a building unit); returns its id. */
    long unit(String name) {
        return people.organization(OrganizationKind.ENTERPRISE, name);
    }

    OrganizationView unitView(long id) {
        return SystemActor.run("test", () -> organizations.find(id));
    }

    /** A person holding ENTERPRISE_USER in {@code unit}. */
    String member(long unit) {
        return people.person("umem", unit, Role.ENTERPRISE_USER);
    }

    /**
     * A contract in force for {@code unit} (center {@code center}, this year and next): task 1 without indicator, task
     * 2 with {@code indicator} ≥ 10; tranche 1 FULL on task 1; tranche 2 SCALED (floor 0.5, cap 1) on {@code
     * indicator} ≥ 10, payable from the start. Made as the system.
     */
    ContractView contractInForce(long unit, Center center, Indicator indicator) {
        LocalDate start = LocalDate.now().withDayOfYear(1);
        return SystemActor.run("test", () -> {
            ContractView c = contracts.create(new ContractForms.NewContract(
                    "测试合同", unit, center, start, start.plusYears(2).minusDays(1), new BigDecimal("1000000.00")));
            c = contracts.addTask(c.id(), new ContractForms.NewTask("建设方案", "方案", null, null, start.plusMonths(3)));
            c = contracts.addTask(c.id(), new ContractForms.NewTask("指标任务", "报告", indicator, 10, start.plusMonths(11)));
            long t1 = c.tasks().get(0).id();
            c = contracts.addTranche(
                    c.id(),
                    new ContractForms.NewTranche(
                            "首期",
                            new BigDecimal("300000.00"),
                            null,
                            AmountRule.FULL,
                            null,
                            null,
                            null,
                            null,
                            List.of(t1)));
            c = contracts.addTranche(
                    c.id(),
                    new ContractForms.NewTranche(
                            "绩效",
                            new BigDecimal("500000.00"),
                            start,
                            AmountRule.SCALED,
                            new BigDecimal("0.5"),
                            BigDecimal.ONE,
                            indicator,
                            10,
                            List.of()));
            contracts.transition(c.id(), new ContractForms.Transition(ContractTransition.SIGN, null));
            return contracts.transition(c.id(), new ContractForms.Transition(ContractTransition.ENACT, null));
        });
    }

    void signIn(String login) {
        people.signIn(login);
    }

    StdHubUser user(String login) {
        return people.principal(login);
    }
}
