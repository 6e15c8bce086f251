package org.stdhub.consulting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/**
 * What the consulting tests share: enterprises, base officers, people and signing in ({@link TestPeople}), and
 * imports of test standards ("T/CTEST {run}.{part}-{year}"). The classes share the {@code @CatalogTest} context with
 * the other modules' tests, so each run's names are its own.
 */
final class ConsultingFixtures {

    static final String RUN = String.valueOf(System.nanoTime() % 100_000);

    final TestPeople people;

    ConsultingFixtures(Accounts accounts, Organizations organizations, Principals principals) {
        this.people = new TestPeople(accounts, organizations, principals, "咨询测试");
    }

    /** A test standard of this run. */
    static String std(int part, int year) {
        return "T/CTEST " + RUN + "." + part + "-" + year;
    }

    /** An enterprise; returns its id. */
    long enterprise(String name) {
        return people.organization(OrganizationKind.ENTERPRISE, name);
    }

    /** A base officer (of a base office organization made for the purpose); returns their login. */
    String officer() {
        long office = people.organization(OrganizationKind.BASE_OFFICE, "咨询测试办公室");
        return people.person("off", office, Role.BASE_OFFICER);
    }

    void signIn(String login) {
        people.signIn(login);
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
