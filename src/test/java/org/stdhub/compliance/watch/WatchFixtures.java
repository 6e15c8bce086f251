package org.stdhub.compliance.watch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.Principals;
import org.stdhub.identity.StdHubUser;

/**
 * What the watchlist tests share: people, signing in as them for service calls, and imports of JSON Lines. Each run
 * starts on empty data directories ({@link org.stdhub.FreshTestData}); the watch classes sharing a context tell their
 * standards apart by part number and their people by prefix and sequence.
 */
final class WatchFixtures {

    /** The series of the test standards' numbers ("T/WTEST 2026.3-2015"), also in logins and committee names. */
    static final String SERIES = "2026";

    static final String PASSWORD = "Tea-Garden-2026";

    private static final AtomicInteger SEQ = new AtomicInteger();

    private WatchFixtures() {}

    /** A test standard of this run: "T/WTEST {SERIES}.{part}-{year}". */
    static String std(int part, int year) {
        return "T/WTEST " + SERIES + "." + part + "-" + year;
    }

    static void asAdmin() {
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(ctx);
    }

    static void signIn(Principals principals, String login) {
        StdHubUser user = principals.principal(login, Set.of()).orElseThrow();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Creates an active person (as an administrator) and returns their login. */
    static String person(Accounts accounts, String prefix) {
        asAdmin();
        String login = prefix + SERIES + "x" + SEQ.incrementAndGet();
        accounts.createPerson(new NewPerson(login, login + "@example.com", null, "关注测试" + SEQ.get(), null, PASSWORD));
        signOut();
        return login;
    }

    static long personId(Principals principals, String login) {
        return principals.principal(login, Set.of()).orElseThrow().personId();
    }

    static ImportReport importLines(StandardImporter importer, String name, String... lines) {
        try {
            byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            return importer.importStream(new ByteArrayInputStream(bytes), name, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON Lines record of a test standard; {@code more} is further JSON members, e.g. {@code "ics":["11.040.10"]}. */
    static String record(String designation, String status, String more) {
        return "{\"id_raw\":\"" + designation + "\",\"title_zh\":\"关注测试用标准 " + designation + "\",\"status\":\"" + status
                + "\",\"source\":\"test:watch\"" + (more == null || more.isEmpty() ? "" : "," + more) + "}";
    }
}
