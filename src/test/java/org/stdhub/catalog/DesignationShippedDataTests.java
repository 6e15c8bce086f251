package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stdhub.catalog.importing.DesignationRefusal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every designation of the ~145k shipped records (the seed copied from ../shared/data/standards) is read by the
 * engine, or refused by the importer for a named reason ({@link DesignationRefusal}).
 */
class DesignationShippedDataTests {

    /** The repository's own copy of the shipped data, so that the test runs (never skips) in any clone. */
    static final Path DATA = Path.of("src", "main", "resources", "seed", "standards");

    record Row(String file, String idRaw, String body) {}

    static List<Row> rows;

    @BeforeAll
    static void load() throws IOException {
        assertThat(Files.isDirectory(DATA))
                .as("shipped data at " + DATA.toAbsolutePath())
                .isTrue();
        ObjectMapper json = new ObjectMapper();
        rows = new ArrayList<>(90_000);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(DATA, "*.jsonl.gz")) {
            for (Path f : files) {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode node = json.readTree(line);
                        JsonNode body = node.get("body");
                        rows.add(new Row(
                                f.getFileName().toString(),
                                node.get("id_raw").asString(),
                                body == null || body.isNull() ? null : body.asString()));
                    }
                }
            }
        }
    }

    @Test
    void everyShippedDesignationParsesAndItsNormalizedFormIsAFixedPoint() {
        assertThat(rows).isNotNull();
        List<String> failed = new ArrayList<>();
        List<String> notIdempotent = new ArrayList<>();
        Map<String, Integer> flags = new TreeMap<>();
        Map<String, Integer> refused = new TreeMap<>();
        int parsed = 0;
        for (Row r : rows) {
            Designation d;
            try {
                d = Designation.parse(r.idRaw());
            } catch (DesignationParseException e) {
                var rule = DesignationRefusal.classify(r.idRaw());
                if (rule.isPresent()) {
                    refused.merge(rule.get().name(), 1, Integer::sum);
                } else {
                    failed.add(r.file() + ": " + r.idRaw() + " — " + e.getMessage());
                }
                continue;
            }
            parsed++;
            d.flags().forEach(f -> flags.merge(f.name(), 1, Integer::sum));
            Designation again = Designation.parse(d.normalized());
            if (!again.normalized().equals(d.normalized())
                    || !again.compactKey().equals(d.compactKey())) {
                notIdempotent.add(r.idRaw() + " -> " + d.normalized() + " -> " + again.normalized());
            }
        }
        System.out.printf(
                "shipped designations: %d records, %d parsed, %d refused %s, %d failed; flags %s%n",
                rows.size(),
                parsed,
                refused.values().stream().mapToInt(Integer::intValue).sum(),
                refused,
                failed.size(),
                flags);
        failed.forEach(f -> System.out.println("  cannot read " + f));
        assertThat(rows).hasSizeGreaterThan(145_000);
        assertThat(parsed).isGreaterThan(145_000);
        assertThat(failed).isEmpty();
        assertThat(notIdempotent).isEmpty();
    }

    /**
     * Distinct raw designations may only share a normalized form when they are one standard written
     * differently. Seen in the data: a dangling ":" with no year ("IEC 61360-C00168:") and an edition
     * written after the designation ("IEC 60309-3:1994/FRAG1 ED1"), which is not part of the canonical form.
     */
    @Test
    void differentStandardsNeverCollapseIntoOneNormalizedForm() {
        assertThat(rows).isNotNull();
        Map<String, Set<String>> byNormalized = new TreeMap<>();
        for (Row r : readableRows()) {
            byNormalized
                    .computeIfAbsent(readable(r).normalized(), k -> new TreeSet<>())
                    .add(r.idRaw());
        }
        List<String> unexplained = new ArrayList<>();
        int collisions = 0;
        for (var e : byNormalized.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            collisions++;
            System.out.println("same standard written differently: " + e.getValue() + " -> " + e.getKey());
            Set<String> stripped = new TreeSet<>();
            // a two-digit year is the same edition as its four-digit form ("CB 879-77", "CB 879-1977")
            e.getValue()
                    .forEach(raw ->
                            stripped.add(raw.replaceAll("(:| ED\\d+)$", "").replaceAll("-([5-9]\\d)$", "-19$1")));
            if (stripped.size() > 1) {
                unexplained.add(e.getValue() + " -> " + e.getKey());
            }
        }
        System.out.printf(
                "%d distinct raw designations, %d normalized forms, %d collisions%n",
                rows.stream().map(Row::idRaw).distinct().count(), byNormalized.size(), collisions);
        assertThat(unexplained).isEmpty();
        assertThat(collisions).isLessThanOrEqualTo(8);
    }

    /** The compact key is the catalog's unique key: different standards must never share one. */
    @Test
    void differentStandardsNeverShareACompactKey() {
        assertThat(rows).isNotNull();
        Map<String, Set<String>> byKey = new TreeMap<>();
        for (Row r : readableRows()) {
            Designation d = readable(r);
            byKey.computeIfAbsent(d.compactKey(), k -> new TreeSet<>()).add(d.normalized());
        }
        List<String> shared = byKey.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " <- " + e.getValue())
                .toList();
        shared.forEach(s -> System.out.println("compact key shared: " + s));
        assertThat(shared).isEmpty();
    }

    @Test
    void chinesePrefixIsTheBodyTheSourcesRecorded() {
        assertThat(rows).isNotNull();
        List<String> mismatched = new ArrayList<>();
        int international = 0;
        int internationalBodyDiffers = 0;
        for (Row r : readableRows()) {
            Designation d = readable(r);
            if (d.kind() == StandardKind.INTERNATIONAL) {
                international++;
                if (r.body() != null && !r.body().equals(d.body())) {
                    internationalBodyDiffers++;
                    // the sources keep some types in the body ("ISO/DATA", "ISO/UNDP")
                    if (!r.body().startsWith(d.body() + "/")) {
                        mismatched.add(r.idRaw() + ": source " + r.body() + ", engine " + d.body());
                    }
                }
            } else if (r.body() != null && !sameCode(r.body(), d.prefix())) {
                mismatched.add(r.idRaw() + ": source " + r.body() + ", engine " + d.prefix());
            }
        }
        System.out.printf(
                "international: %d, body differs from the source's in %d (type kept in the source's body)%n",
                international, internationalBodyDiffers);
        assertThat(mismatched).isEmpty();
    }

    private static List<Row> readableRows() {
        return rows.stream()
                .filter(r -> Designation.tryParse(r.idRaw()).isPresent())
                .toList();
    }

    private static Designation readable(Row r) {
        return Designation.parse(r.idRaw());
    }

    /**
     * The source's body and the engine's prefix name the same code: the sources keep the empty mandate of a
     * mandatory local standard ("DB31/") and some glued forms as written ("DLT", "GBN").
     */
    private static boolean sameCode(String sourceBody, String prefix) {
        return sourceBody.equals(prefix) || sourceBody.replace("/", "").equalsIgnoreCase(prefix.replace("/", ""));
    }

    /** A rough figure for the import and search paths; printed, never asserted. */
    @Test
    void throughputIsPrinted() {
        assertThat(rows).isNotNull();
        List<String> ids = rows.stream().map(Row::idRaw).toList();
        for (int warm = 0; warm < 3; warm++) {
            ids.forEach(Designation::tryParse);
        }
        int rounds = 5;
        long found = 0;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            for (String id : ids) {
                if (Designation.tryParse(id).isPresent()) {
                    found++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "Designation.tryParse: %,d parses in %.2f s = %,.0f parses/s (single thread)%n",
                found, seconds, found / seconds);
    }
}
