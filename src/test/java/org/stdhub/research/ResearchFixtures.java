package org.stdhub.research;

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
 * What the research tests share: organizations, people with a role in one, signing in (in the security context or on
 * a MockMvc request). Logins and names carry a run-unique prefix (the context and database are shared), which the
 * tests also put in the topics, titles and codes they make.
 */
final class ResearchFixtures {

    static final String PASSWORD = "Tea-Garden-2026";
    static final String RUN = String.valueOf(System.nanoTime() % 100_000);
    private static final AtomicInteger SEQ = new AtomicInteger();

    final Accounts accounts;
    final Organizations organizations;
    final Principals principals;

    ResearchFixtures(Accounts accounts, Organizations organizations, Principals principals) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.principals = principals;
    }

    /** An organization of {@code kind} with a run-unique name. */
    long organization(OrganizationKind kind, String name) {
        return SystemActor.run(
                "test",
                () -> organizations
                        .createOrganization(kind, name + RUN + "-" + SEQ.incrementAndGet(), null, null, null)
                        .id());
    }

    /** A person holding {@code role} in {@code organizationId}, or no role when {@code role} is null; their login. */
    String person(String prefix, Long organizationId, Role role) {
        int n = SEQ.incrementAndGet();
        String login = prefix + RUN + "r" + n;
        SystemActor.run("test", () -> {
            var created = accounts.createPerson(
                    new NewPerson(login, login + "@example.com", null, "研究测试" + n, null, PASSWORD));
            if (role != null) {
                organizations.grant(created.personId(), organizationId, role, null, null);
            }
        });
        return login;
    }

    StdHubUser principal(String login) {
        return principals.principal(login, Set.of()).orElseThrow();
    }

    long personId(String login) {
        return principal(login).personId();
    }

    void signIn(String login) {
        StdHubUser u = principal(login);
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A MockMvc request made as {@code login}. */
    RequestPostProcessor as(String login) {
        return user(principal(login));
    }

    /** Capital letters made from this run's digits (for codes such as an alliance's group code). */
    static String letters() {
        int n = Integer.parseInt(RUN);
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }
}
