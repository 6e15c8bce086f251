package org.stdhub.consulting;

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
 * What the consulting tests share: enterprises with their ENTERPRISE_USERs, base officers, experts, signing in, and
 * imports of test standards ("T/CTEST {run}.{part}-{year}"). The classes share the {@code @CatalogTest} context with
 * the other modules' tests, so each run's names are its own.
 */
final class ConsultingFixtures {

    static final String PASSWORD = "Tea-Garden-2026";
    static final String RUN = String.valueOf(System.nanoTime() % 100_000);
    private static final AtomicInteger SEQ = new AtomicInteger();

    final Accounts accounts;
    final Organizations organizations;
    final Principals principals;

    ConsultingFixtures(Accounts accounts, Organizations organizations, Principals principals) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.principals = principals;
    }

    /** A test standard of this run. */
    static String std(int part, int year) {
        return "T/CTEST " + RUN + "." + part + "-" + year;
    }

    /** A person with an active account; returns their login. */
    String person(String prefix) {
        String login = prefix + RUN + "c" + SEQ.incrementAndGet();
        SystemActor.run(
                "test",
                () -> accounts.createPerson(
                        new NewPerson(login, login + "@example.com", null, "咨询测试" + SEQ.get(), null, PASSWORD)));
        return login;
    }

    long personId(String login) {
        return principals.principal(login, Set.of()).orElseThrow().personId();
    }

    /** An enterprise; returns its id. */
    long enterprise(String name) {
        return SystemActor.run(
                "test",
                () -> organizations
                        .createOrganization(
                                OrganizationKind.ENTERPRISE, name + RUN + "-" + SEQ.incrementAndGet(), null, null, null)
                        .id());
    }

    /** A person holding {@code role} in the organization; returns their login. */
    String member(long organizationId, Role role, String prefix) {
        String login = person(prefix);
        long person = personId(login);
        SystemActor.run("test", () -> organizations.grant(person, organizationId, role, null, null));
        return login;
    }

    /** A base officer (of a base office organization made for the purpose); returns their login. */
    String officer() {
        long office = SystemActor.run(
                "test",
                () -> organizations
                        .createOrganization(
                                OrganizationKind.BASE_OFFICE, "咨询测试办公室" + RUN + SEQ.incrementAndGet(), null, null, null)
                        .id());
        return member(office, Role.BASE_OFFICER, "off");
    }

    StdHubUser principal(String login) {
        return principals.principal(login, Set.of()).orElseThrow();
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

    static ImportReport importLines(StandardImporter importer, String name, String... lines) {
        try {
            byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            return importer.importStream(new ByteArrayInputStream(bytes), name, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON Lines record of a test standard; {@code more} is further JSON members. */
    static String record(String designation, String status, String more) {
        return "{\"id_raw\":\"" + designation + "\",\"title_zh\":\"咨询测试用标准 " + designation + "\",\"status\":\""
                + status + "\",\"source\":\"test:consulting\"" + (more == null || more.isEmpty() ? "" : "," + more)
                + "}";
    }
}
