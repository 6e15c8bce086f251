package org.stdhub.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.ApiTokens;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.SystemActor;

/**
 * What the catalog import job tests share: test standards of their own series ("T/ITEST 2026.N-YEAR"), people (a
 * base officer, an enterprise user, a watcher), signing in as them and their API tokens.
 */
final class ImportJobFixtures {

    static final String PASSWORD = "Tea-Garden-2026";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Accounts accounts;
    private final Organizations organizations;
    private final Principals principals;
    private final ApiTokens tokens;

    ImportJobFixtures(Accounts accounts, Organizations organizations, Principals principals, ApiTokens tokens) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.principals = principals;
        this.tokens = tokens;
    }

    /** A test standard: "T/ITEST 2026.{part}-{year}". */
    static String std(int part, int year) {
        return "T/ITEST 2026." + part + "-" + year;
    }

    /** One JSON Lines record; {@code more} is further JSON members, e.g. {@code "replaces":["…"]}. */
    static String record(String designation, String status, String more) {
        return "{\"id_raw\":\"" + designation + "\",\"title_zh\":\"导入测试用标准 " + designation + "\",\"status\":\"" + status
                + "\",\"source\":\"test:import-job\"" + (more == null || more.isEmpty() ? "" : "," + more) + "}";
    }

    static byte[] lines(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** An active person with a password; returns their login. */
    String person(String prefix) {
        String login = prefix + "2026x" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 100_000;
        SystemActor.run(
                "test",
                () -> accounts.createPerson(
                        new NewPerson(login, login + "@example.com", null, "导入测试" + SEQ.get(), null, PASSWORD)));
        return login;
    }

    /** A base officer (in a base office of their own); returns their login. */
    String officer() {
        String login = person("imo");
        grant(login, OrganizationKind.BASE_OFFICE, Role.BASE_OFFICER);
        return login;
    }

    /** An enterprise user; returns their login. */
    String enterpriseUser() {
        String login = person("ime");
        grant(login, OrganizationKind.ENTERPRISE, Role.ENTERPRISE_USER);
        return login;
    }

    private void grant(String login, OrganizationKind kind, Role role) {
        SystemActor.run("test", () -> {
            long org = organizations
                    .createOrganization(kind, "导入测试机构" + login, null, null, null)
                    .id();
            organizations.grant(personId(login), org, role, null, null);
        });
    }

    long personId(String login) {
        return principals.principal(login, Set.of()).orElseThrow().personId();
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

    /** "Bearer …" for an API token of {@code login} with these scopes. */
    String bearer(String login, String... scopes) {
        signIn(login);
        try {
            return "Bearer "
                    + tokens.create(login, "import test", Set.of(scopes), 1).secret();
        } finally {
            signOut();
        }
    }

    static List<String> list(String... items) {
        return List.of(items);
    }
}
