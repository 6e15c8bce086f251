package org.stdhub.development;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.SystemActor;

/**
 * People, alliances and catalog records for the development tests. Every name carries this run's sequence, so
 * classes sharing a context (and a database) do not clash; group codes are letters made from the sequence.
 */
final class DevelopmentFixtures {

    static final String PASSWORD = "Tea-Garden-2026";

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN =
            Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();

    private final Accounts accounts;
    private final Organizations organizations;
    private final Principals principals;
    private final Alliances alliances;

    DevelopmentFixtures(Accounts accounts, Organizations organizations, Principals principals, Alliances alliances) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.principals = principals;
        this.alliances = alliances;
    }

    /** A fresh group code no other test uses: "DZ" + run + sequence in letters. */
    static String freshCode() {
        int n = SEQ.incrementAndGet();
        return "DZ" + RUN.replaceAll("[^A-Z]", "") + letters(n);
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    /** An organization of kind alliance (not yet registered as an alliance). */
    long allianceOrganization(String name) {
        return SystemActor.run(
                "test",
                () -> organizations
                        .create(OrganizationKind.ALLIANCE, name + SEQ.incrementAndGet(), null, null, null)
                        .getId());
    }

    /** A registered alliance. */
    AllianceView alliance(String name) {
        long org = allianceOrganization(name);
        return SystemActor.run("test", () -> alliances.register(org, freshCode()));
    }

    /** A person holding {@code role} in {@code organizationId}; returns the login. */
    String person(String prefix, long organizationId, Role role) {
        String login = prefix + SEQ.incrementAndGet() + "r" + RUN.toLowerCase();
        SystemActor.run("test", () -> {
            var created = accounts.createPerson(
                    new NewPerson(login, login + "@example.com", null, "开发测试" + SEQ.get(), null, PASSWORD));
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
        StdHubUser user = principal(login);
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void importLines(StandardImporter importer, String... lines) {
        try {
            byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            importer.importStream(new ByteArrayInputStream(bytes), "development-test.jsonl", bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
