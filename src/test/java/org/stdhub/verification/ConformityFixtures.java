package org.stdhub.verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.catalog.importing.ImportReport;
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
 * Organizations, people and catalog records for the verification tests. Names carry this run's sequence so classes
 * sharing a context (and a database) do not clash; standards use a series of their own ("Q/VC" + run).
 */
final class ConformityFixtures {

    static final String PASSWORD = "Tea-Garden-2026";
    private static final AtomicInteger SEQ = new AtomicInteger();
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000);
    /** The run as letters (group codes are letters): digit d → the d-th letter. */
    static final String CODE = "VC"
            + RUN.chars().mapToObj(c -> String.valueOf((char) ('A' + c - '0'))).reduce("", String::concat);

    private final Accounts accounts;
    private final Organizations organizations;
    private final Principals principals;

    ConformityFixtures(Accounts accounts, Organizations organizations, Principals principals) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.principals = principals;
    }

    /** A group standard designation of this run: "T/VC{run as letters} {n}-{year}". */
    static String std(int n, int year) {
        return "T/" + CODE + " " + n + "-" + year;
    }

    long organization(OrganizationKind kind, String name) {
        return SystemActor.run(
                "test",
                () -> organizations
                        .create(kind, name + RUN + "-" + SEQ.incrementAndGet(), null, null, null)
                        .getId());
    }

    /** A person holding {@code role} in {@code organizationId}; returns the login. */
    String person(String prefix, long organizationId, Role role) {
        String login = prefix + RUN + "v" + SEQ.incrementAndGet();
        SystemActor.run("test", () -> {
            var created = accounts.createPerson(
                    new NewPerson(login, login + "@example.com", null, "验证测试" + SEQ.get(), null, PASSWORD));
            if (role != null) {
                organizations.grant(created.personId(), organizationId, role, null, null);
            }
        });
        return login;
    }

    StdHubUser user(String login) {
        return principals.principal(login, Set.of()).orElseThrow();
    }

    void signIn(String login) {
        StdHubUser user = user(login);
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    static ImportReport importLines(StandardImporter importer, String name, String... lines) {
        try {
            byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            return importer.importStream(new ByteArrayInputStream(bytes), name, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON Lines record; {@code more} is further JSON members, e.g. {@code "replaced_by":["…"]}. */
    static String record(String designation, String status, String more) {
        return "{\"id_raw\":\"" + designation + "\",\"title_zh\":\"验证测试用标准 " + designation + "\",\"status\":\"" + status
                + "\",\"source\":\"test:verification\"" + (more == null || more.isEmpty() ? "" : "," + more) + "}";
    }
}
