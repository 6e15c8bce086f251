package org.stdhub.verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;

/**
 * Organizations and people ({@link TestPeople}) and catalog records for the verification tests. Names carry this
 * run's sequence so classes sharing a context (and a database) do not clash; standards use a series of their own
 * ("Q/VC" + run).
 */
final class ConformityFixtures {

    static final String RUN = Long.toString(System.nanoTime() % 1_000_000);
    /** The run as letters (group codes are letters): digit d → the d-th letter. */
    static final String CODE = "VC"
            + RUN.chars().mapToObj(c -> String.valueOf((char) ('A' + c - '0'))).reduce("", String::concat);

    final TestPeople people;

    ConformityFixtures(Accounts accounts, Organizations organizations, Principals principals) {
        this.people = new TestPeople(accounts, organizations, principals, "验证测试");
    }

    /** A group standard designation of this run: "T/VC{run as letters} {n}-{year}". */
    static String std(int n, int year) {
        return "T/" + CODE + " " + n + "-" + year;
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

    /** One JSON Lines record; {@code more} is further JSON members, e.g. {@code "replaced_by":["…"]}. */
    static String record(String designation, String status, String more) {
        return "{\"id_raw\":\"" + designation + "\",\"title_zh\":\"验证测试用标准 " + designation + "\",\"status\":\"" + status
                + "\",\"source\":\"test:verification\"" + (more == null || more.isEmpty() ? "" : "," + more) + "}";
    }
}
