package org.stdhub.talent;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.SystemActor;

/**
 * What the talent tests share: people with roles, organizations, experts entered and approved, and signing in. The
 * classes share one context (and database) with the other {@code @IdentityTest} classes, so each uses field codes
 * of its own ({@link #field()}) and logins with a run-unique prefix.
 */
final class TalentFixtures {

    static final String PASSWORD = "Tea-Garden-2026";
    private static final String RUN = String.valueOf(System.nanoTime() % 1_000_000);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AtomicInteger FIELD = new AtomicInteger(100 + (int) (System.nanoTime() % 400));

    final Accounts accounts;
    final Organizations organizations;
    final Principals principals;
    final Experts experts;

    TalentFixtures(Accounts accounts, Organizations organizations, Principals principals, Experts experts) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.principals = principals;
        this.experts = experts;
    }

    /** An ICS class no other test uses: "99.{n}". */
    static String field() {
        return "99." + String.format("%03d", FIELD.incrementAndGet() % 1000);
    }

    /** A person with an active account; returns their login. */
    String person(String prefix) {
        String login = prefix + RUN + "t" + SEQ.incrementAndGet();
        SystemActor.run(
                "test",
                () -> accounts.createPerson(
                        new NewPerson(login, login + "@example.com", null, "人才测试" + SEQ.get(), null, PASSWORD)));
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

    /** A base officer; returns their login. */
    String officer() {
        String login = person("off");
        long office = officeId();
        SystemActor.run("test", () -> organizations.grant(personId(login), office, Role.BASE_OFFICER, null, null));
        return login;
    }

    long organization(String name) {
        return SystemActor.run(
                "test",
                () -> organizations
                        .create(OrganizationKind.ENTERPRISE, name + RUN + SEQ.incrementAndGet(), null, null, null)
                        .getId());
    }

    /**
     * A development project (stage 00.00) of a new alliance, proposed by one of its members; returns the project's id.
     */
    long project(org.stdhub.development.Alliances alliances, org.stdhub.development.Projects projects, String title) {
        int n = SEQ.incrementAndGet();
        StringBuilder code = new StringBuilder("TL");
        for (char ch : (RUN + n).toCharArray()) {
            code.append((char) ('A' + (ch - '0')));
        }
        String group = code.length() > 12 ? code.substring(0, 2) + code.substring(code.length() - 10) : code.toString();
        var alliance = SystemActor.run("test", () -> {
            long org = organizations
                    .create(OrganizationKind.ALLIANCE, "人才联盟" + RUN + n, null, null, null)
                    .getId();
            return alliances.register(org, group);
        });
        String member = person("tlm");
        SystemActor.run(
                "test",
                () -> organizations.grant(
                        personId(member), alliance.organizationId(), Role.ALLIANCE_MEMBER, null, null));
        signIn(member);
        try {
            return projects.propose(new org.stdhub.development.NewProject(
                            alliance.id(),
                            title,
                            "Project " + n,
                            "范围",
                            org.stdhub.development.ProjectKind.NEW,
                            null,
                            null))
                    .id();
        } finally {
            signOut();
        }
    }

    static ExpertForms.ProfileForm profile(String field, Title title, int years) {
        return new ExpertForms.ProfileForm(field, "", "测试 关键词", title, false, years, "河南");
    }

    /** An approved expert of {@code field}; returns the expert id. */
    long activeExpert(String login, String field) {
        long person = personId(login);
        return SystemActor.run("test", () -> {
            ExpertView e = experts.enter(person, profile(field, Title.SENIOR, 10));
            experts.transition(e.id(), ExpertTransition.START_REVIEW, null);
            return experts.transition(e.id(), ExpertTransition.APPROVE, null).id();
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

    static <T> List<T> listOf(T one) {
        return List.of(one);
    }
}
