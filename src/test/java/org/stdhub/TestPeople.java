package org.stdhub;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.SystemActor;

/**
 * People and organizations for the tests, made through the identity module's public API as the system: people with
 * an active account (optionally holding a role in an organization), organizations, and signing in as one of them (in
 * the security context or on a MockMvc request). Test classes share contexts (and databases), so every login and
 * organization name carries this run's number and a sequence shared by all instances: logins are {@code prefix +
 * run + "u" + n}, display names {@code displayName + n} (the caller's, e.g. "研究测试").
 */
public final class TestPeople {

    /** Every person made here signs in with this password. */
    public static final String PASSWORD = "Tea-Garden-2026";

    private static final String RUN = String.valueOf(System.nanoTime() % 1_000_000);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Accounts accounts;
    private final Organizations organizations;
    private final Principals principals;
    private final String displayName;

    /** {@code displayName} starts the display name of each person made here (a number follows). */
    public TestPeople(Accounts accounts, Organizations organizations, Principals principals, String displayName) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.principals = principals;
        this.displayName = displayName;
    }

    /** A person with an active account and no role; returns their login. */
    public String person(String prefix) {
        return person(prefix, null, null);
    }

    /** A person holding {@code role} in {@code organizationId}, or no role when {@code role} is null; their login. */
    public String person(String prefix, Long organizationId, Role role) {
        int n = SEQ.incrementAndGet();
        String login = prefix + RUN + "u" + n;
        SystemActor.run("test", () -> {
            var created = accounts.createPerson(
                    new NewPerson(login, login + "@example.com", null, displayName + n, null, PASSWORD));
            if (role != null) {
                organizations.grant(created.personId(), organizationId, role, null, null);
            }
        });
        return login;
    }

    /** An organization of {@code kind} (approved) whose name is {@code name} made run-unique; returns its id. */
    public long organization(OrganizationKind kind, String name) {
        return SystemActor.run(
                "test",
                () -> organizations
                        .createOrganization(kind, name + RUN + "-" + SEQ.incrementAndGet(), null, null, null)
                        .id());
    }

    /** The base office (the one the application starts with). */
    public long officeId() {
        return SystemActor.run(
                "test",
                () -> organizations.all().stream()
                        .filter(o -> o.getKind() == OrganizationKind.BASE_OFFICE)
                        .findFirst()
                        .orElseThrow()
                        .getId());
    }

    /** A BASE_OFFICER of the base office; returns their login. */
    public String officer(String prefix) {
        return person(prefix, officeId(), Role.BASE_OFFICER);
    }

    public StdHubUser principal(String login) {
        return principals.principal(login, Set.of()).orElseThrow();
    }

    public long personId(String login) {
        return principal(login).personId();
    }

    /** Signs {@code login} in on this thread (until {@link #signOut} or the next sign-in). */
    public void signIn(String login) {
        StdHubUser u = principal(login);
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A MockMvc request made as {@code login}. */
    public RequestPostProcessor as(String login) {
        return user(principal(login));
    }

    /**
     * {@code n} (not negative) in capital letters, the lowest digit first (A is 0, base 26): run-unique group codes,
     * which must be letters, are made from numbers with it.
     */
    public static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }
}
