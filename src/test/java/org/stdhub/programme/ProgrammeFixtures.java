package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.OrganizationView;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.SystemActor;

/**
 * What the programme tests share: base officers, building units with a member, a contract in force with a task and
 * tranches, and signing in. Logins and names carry a run-unique prefix (the context and database are shared).
 */
final class ProgrammeFixtures {

    static final String PASSWORD = "Base-Contract-2026";
    private static final String RUN = String.valueOf(System.nanoTime() % 1_000_000);
    private static final AtomicInteger SEQ = new AtomicInteger();

    final Accounts accounts;
    final Organizations organizations;
    final Principals principals;
    final Contracts contracts;

    ProgrammeFixtures(Accounts accounts, Organizations organizations, Principals principals, Contracts contracts) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.principals = principals;
        this.contracts = contracts;
    }

    String person(String prefix) {
        String login = prefix + RUN + "p" + SEQ.incrementAndGet();
        SystemActor.run(
                "test",
                () -> accounts.createPerson(
                        new NewPerson(login, login + "@example.com", null, "基地测试" + SEQ.get(), null, PASSWORD)));
        return login;
    }

    long personId(String login) {
        return principals.principal(login, Set.of()).orElseThrow().personId();
    }

    long officeId() {
        return SystemActor.run(
                "test",
                () -> organizations.all().stream()
                        .filter(o -> o.getKind() == OrganizationKind.BASE_OFFICE)
                        .findFirst()
                        .orElseThrow()
                        .getId());
    }

    String officer() {
        String login = person("boff");
        long office = officeId();
        SystemActor.run("test", () -> organizations.grant(personId(login), office, Role.BASE_OFFICER, null, null));
        return login;
    }

    /** An administrator (ADMIN in the base office). */
    String admin() {
        String login = person("badm");
        long office = officeId();
        SystemActor.run("test", () -> organizations.grant(personId(login), office, Role.ADMIN, null, null));
        return login;
    }

    /** A person holding {@code role} in {@code organization}. */
    String holder(long organization, Role role) {
        String login = person("hold");
        SystemActor.run("test", () -> organizations.grant(personId(login), organization, role, null, null));
        return login;
    }

    /** An organization of {@code kind} with a run-unique name. */
    long organization(OrganizationKind kind, String name) {
        return SystemActor.run(
                "test",
                () -> organizations
                        .createOrganization(kind, name + RUN + "-" + SEQ.incrementAndGet(), null, null, null)
                        .id());
    }

    /** Capital letters unique to this run and call (for codes such as an alliance's group code). */
    static String letters() {
        int n = Integer.parseInt(RUN) * 100 + SEQ.incrementAndGet() % 100;
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    long unit(String name) {
        return SystemActor.run(
                "test",
                () -> organizations
                        .createOrganization(
                                OrganizationKind.ENTERPRISE, name + RUN + "-" + SEQ.incrementAndGet(), null, null, null)
                        .id());
    }

    OrganizationView unitView(long id) {
        return SystemActor.run("test", () -> organizations.find(id));
    }

    /** A person holding ENTERPRISE_USER in {@code unit}. */
    String member(long unit) {
        String login = person("umem");
        SystemActor.run("test", () -> organizations.grant(personId(login), unit, Role.ENTERPRISE_USER, null, null));
        return login;
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
        StdHubUser user = principals.principal(login, Set.of()).orElseThrow();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    StdHubUser user(String login) {
        return principals.principal(login, Set.of()).orElseThrow();
    }
}
