package org.stdhub.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardKind;
import org.stdhub.catalog.StandardLookup;
import org.stdhub.catalog.StandardLookup.Facts;
import org.stdhub.compliance.CheckEntry;
import org.stdhub.compliance.CheckReport;
import org.stdhub.compliance.CheckSummary;
import org.stdhub.compliance.ValidityCheck;
import org.stdhub.compliance.check.CheckExport;
import org.stdhub.platform.StdHubCommand;

/**
 * {@code bench-check}: times the validity check of a list generated from the catalog in the data directory
 * (real designations written the sloppy ways people write them, some not in the catalog, some unreadable):
 * warm-up runs, then timed runs, reported as p50/p99/min/max. Optionally times the Excel and PDF exports of
 * the result. A measurement to rerun, not a test. See docs/benchmarks.md.
 */
@Component
class BenchCheckCommand implements StdHubCommand {

    static final String USAGE =
            "bench-check [--lines N (10000)] [--runs N (10)] [--warmup N (3)] [--seed N (1)] [--exports]";

    private final ValidityCheck check;
    private final StandardLookup lookup;
    private final CatalogService catalog;
    private final CheckExport export;

    BenchCheckCommand(ValidityCheck check, StandardLookup lookup, CatalogService catalog, CheckExport export) {
        this.check = check;
        this.lookup = lookup;
        this.catalog = catalog;
        this.export = export;
    }

    @Override
    public String name() {
        return "bench-check";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args) throws Exception {
        int lines = 10_000;
        int runs = 10;
        int warmup = 3;
        long seed = 1;
        boolean exports = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--lines" -> lines = Integer.parseInt(args.get(++i));
                case "--runs" -> runs = Integer.parseInt(args.get(++i));
                case "--warmup" -> warmup = Integer.parseInt(args.get(++i));
                case "--seed" -> seed = Long.parseLong(args.get(++i));
                case "--exports" -> exports = true;
                default -> {
                    if (args.get(i).startsWith("--") && args.get(i).contains("=")) {
                        continue; // a Spring property such as --logging.level.org.stdhub.compliance=debug
                    }
                    System.err.println("usage: " + USAGE);
                    return 2;
                }
            }
        }
        long count = catalog.count();
        if (count == 0) {
            System.err.println("The catalog is empty.");
            return 1;
        }
        List<CheckEntry> entries = generate(lines, new Random(seed), count);
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        System.out.printf(
                "bench-check: %,d lines from a catalog of %,d standards (%s, %d cores, Java %s)%n",
                entries.size(),
                count,
                lookup.dataDate().map(Object::toString).orElse("no finished import"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        CheckReport report = null;
        for (int i = 0; i < warmup; i++) {
            long start = System.nanoTime();
            report = check.check(entries, true, locale);
            System.out.printf("  warm-up %d: %,.0f ms%n", i + 1, (System.nanoTime() - start) / 1e6);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            report = check.check(entries, true, locale);
            ms[i] = (System.nanoTime() - start) / 1e6;
            System.out.printf("  run %d: %,.0f ms%n", i + 1, ms[i]);
        }
        if (report != null) {
            CheckSummary s = report.summary();
            System.out.printf(
                    "verdicts: current %d, upcoming %d, edition outdated %d, withdrawn replaced %d,"
                            + " withdrawn no replacement %d, status unknown %d, not found %d, unreadable %d%n",
                    s.current(),
                    s.upcoming(),
                    s.editionOutdated(),
                    s.withdrawnReplaced(),
                    s.withdrawnNoReplacement(),
                    s.statusUnknown(),
                    s.notFound(),
                    s.unreadable());
        }
        if (runs > 0) {
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "check of %,d lines, %d runs: p50 %,.0f ms, p99 %,.0f ms, min %,.0f ms, max %,.0f ms%n",
                    entries.size(),
                    runs,
                    percentile(sorted, 50),
                    percentile(sorted, 99),
                    sorted[0],
                    sorted[sorted.length - 1]);
        }
        if (exports && report != null) {
            for (String format : List.of("xlsx", "pdf")) {
                double best = Double.MAX_VALUE;
                int size = 0;
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    byte[] bytes = format.equals("xlsx") ? export.xlsx(report, locale) : export.pdf(report, locale);
                    best = Math.min(best, (System.nanoTime() - start) / 1e6);
                    size = bytes.length;
                }
                System.out.printf(
                        "export %s of %,d lines: best of 3 %,.0f ms, %,d bytes%n",
                        format, report.lines().size(), best, size);
            }
        }
        return 0;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * A list as people bring it: catalog designations, most written sloppily (lower case, no spaces, full
     * width, long dashes, "iso 9001 2008", no year, followed by the title), 6 % not in the catalog and 3 %
     * unreadable.
     */
    List<CheckEntry> generate(int n, Random random, long catalogSize) {
        List<Facts> sample = new ArrayList<>();
        Set<Long> tried = new HashSet<>();
        long idRange = Math.max(catalogSize * 3 / 2, 1000);
        while (sample.size() < n && tried.size() < idRange) {
            Set<Long> ids = new HashSet<>();
            while (ids.size() < Math.min(5_000, idRange - tried.size())) {
                long id = 1 + (long) (random.nextDouble() * idRange);
                if (tried.add(id)) {
                    ids.add(id);
                }
            }
            sample.addAll(lookup.byIds(ids).values());
        }
        sample.sort(java.util.Comparator.comparing(Facts::id));
        java.util.Collections.shuffle(sample, random);
        List<CheckEntry> entries = new ArrayList<>(n);
        String[] unreadable = {"GB/T ???", "not a standard", "12345", "GB/T", "ISO/", "标准清单", "YY/T 0055-20l8"};
        for (int i = 0; i < n && !sample.isEmpty(); i++) {
            Facts f = sample.get(i % sample.size());
            int dice = random.nextInt(100);
            String line;
            if (dice < 3) {
                line = unreadable[random.nextInt(unreadable.length)];
            } else if (dice < 6) {
                line = f.designation().replaceAll("\\d{4}$", "1901"); // a year the work never had
            } else if (dice < 8) {
                line = "GB/T " + (90_000 + random.nextInt(9_000)) + "-2020";
            } else if (dice < 9) {
                line = "GB/T " + (90_000 + random.nextInt(9_000)) + "-2020 " + (f.titleZh() != null ? f.titleZh() : "");
            } else {
                line = sloppy(f, dice, random);
            }
            entries.add(new CheckEntry(i + 1, line));
        }
        return entries;
    }

    private static String sloppy(Facts f, int dice, Random random) {
        String d = f.designation();
        Designation parsed = Designation.tryParse(d).orElse(null);
        if (parsed == null) {
            return d;
        }
        boolean chinese = parsed.kind() != StandardKind.INTERNATIONAL;
        if (dice < 40) {
            return d;
        }
        if (dice < 55) {
            String compact = d.toLowerCase(Locale.ROOT).replace(" ", "");
            return chinese && random.nextBoolean() ? compact.replace("/", "") : compact; // "gbt42061-2022"
        }
        if (dice < 65) {
            return fullWidth(d);
        }
        if (dice < 75) {
            boolean plain = parsed.amendments().isEmpty();
            return chinese
                    ? d.replace('-', '\u2014')
                    : plain ? d.toLowerCase(Locale.ROOT).replace(':', ' ') : d; // "iso 9001 2015"
        }
        if (dice < 88) {
            return parsed.withoutYear();
        }
        String title = f.titleZh() != null ? f.titleZh() : f.titleEn();
        return title == null ? d : d + " " + title;
    }

    private static String fullWidth(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c == ' ' ? '\u3000' : c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }
}
