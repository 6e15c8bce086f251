package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real ISO/IEC identifiers from other projects' conformance suites and the bodies' catalogues
 * ({@code designation-conformance.tsv}): at least 99 % read with the right number, part, year, amendments
 * and stage; the failures are listed.
 */
class DesignationConformanceTests {

    record Expected(String id, String number, String part, String year, String amendments, String stage) {}

    static List<Expected> load() throws IOException {
        List<Expected> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(
                        DesignationConformanceTests.class.getResourceAsStream("/designation-conformance.tsv")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Expected(f[0], none(f[1]), none(f[2]), none(f[3]), none(f[4]), none(f[5])));
            }
        }
        return rows;
    }

    private static String none(String s) {
        return s.equals("-") ? null : s;
    }

    static String amendments(Designation d) {
        if (d.amendments().isEmpty()) {
            return null;
        }
        return d.amendments().stream()
                .map(a -> a.kind() + (a.number() == null ? "" : a.number()) + (a.year() == null ? "" : ":" + a.year()))
                .collect(Collectors.joining(";"));
    }

    /** Null when the identifier reads as expected, else what went wrong. */
    static String mismatch(Expected e) {
        Designation d;
        try {
            d = Designation.parse(e.id());
        } catch (DesignationParseException ex) {
            return "not read: " + ex.getMessage();
        }
        List<String> wrong = new ArrayList<>();
        check(wrong, "number", e.number(), d.number());
        check(wrong, "part", e.part(), d.part());
        check(wrong, "year", e.year(), d.year());
        check(wrong, "amendments", e.amendments(), amendments(d));
        check(wrong, "stage", e.stage(), d.stage());
        return wrong.isEmpty() ? null : String.join(", ", wrong) + " (read as " + d.normalized() + ")";
    }

    private static void check(List<String> wrong, String what, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            wrong.add(what + " " + actual + " instead of " + expected);
        }
    }

    @Test
    void at_least_99_percent_of_the_real_identifiers_read_with_the_right_parts() throws IOException {
        List<Expected> rows = load();
        List<String> failures = new ArrayList<>();
        for (Expected e : rows) {
            String m = mismatch(e);
            if (m != null) {
                failures.add(e.id() + " → " + m);
            }
        }
        double rate = 100.0 * (rows.size() - failures.size()) / rows.size();
        String report = String.format(
                "%d identifiers, %d read right (%.1f %%); failures:%n  %s",
                rows.size(), rows.size() - failures.size(), rate, String.join("\n  ", failures));
        System.out.println("[conformance] " + report);
        assertThat(rows).hasSizeGreaterThan(250);
        assertThat(rate).as(report).isGreaterThanOrEqualTo(99.0);
    }
}
