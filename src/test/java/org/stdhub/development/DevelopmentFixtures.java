package org.stdhub.development;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.SystemActor;

/**
 * People ({@link TestPeople}), alliances and catalog records for the development tests. Every name carries this
 * run's sequence, so classes sharing a context (and a database) do not clash; group codes are letters made from the
 * sequence.
 */
final class DevelopmentFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN =
            Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();

    final TestPeople people;
    private final Alliances alliances;

    DevelopmentFixtures(Accounts accounts, Organizations organizations, Principals principals, Alliances alliances) {
        this.people = new TestPeople(accounts, organizations, principals, "开发测试");
        this.alliances = alliances;
    }

    /** A fresh group code no other test uses: "DZ" + run + sequence in letters. */
    static String freshCode() {
        int n = SEQ.incrementAndGet();
        return "DZ" + RUN.replaceAll("[^A-Z]", "") + TestPeople.letters(n);
    }

    /** An organization of kind alliance (not yet registered as an alliance). */
    long allianceOrganization(String name) {
        return people.organization(OrganizationKind.ALLIANCE, name);
    }

    /** A registered alliance. */
    AllianceView alliance(String name) {
        long org = allianceOrganization(name);
        return SystemActor.run("test", () -> alliances.register(org, freshCode()));
    }

    /** A person holding {@code role} in {@code organizationId}; returns the login. */
    String person(String prefix, long organizationId, Role role) {
        return people.person(prefix, organizationId, role);
    }

    long personId(String login) {
        return people.personId(login);
    }

    void signIn(String login) {
        people.signIn(login);
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
