package org.stdhub.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stdhub.bench.Harness.Hits;
import org.stdhub.bench.Harness.Result;
import org.stdhub.bench.Harness.Stats;
import org.stdhub.bench.QuerySet.BenchQuery;
import org.stdhub.bench.QuerySet.Kind;

/** The Markdown report of one run. */
final class Report {

    private final BenchOptions options;
    private final Path dataDir;
    private final String started = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    private final List<Result> results = new ArrayList<>();
    private long standards;
    private BenchCommand.ImportFigures imported;
    private Double rebuildSeconds;
    private long indexBytes;
    private long databaseBytes;
    private List<BenchQuery> queries = List.of();
    private String postgresVersion;
    private PostgresTargets.Load postgresLoad;
    private String h2;
    private String lucene;

    Report(BenchOptions options, Path dataDir) {
        this.options = options;
        this.dataDir = dataDir;
    }

    void catalog(
            long standards,
            BenchCommand.ImportFigures imported,
            Double rebuildSeconds,
            long indexBytes,
            long databaseBytes) {
        this.standards = standards;
        this.imported = imported;
        this.rebuildSeconds = rebuildSeconds;
        this.indexBytes = indexBytes;
        this.databaseBytes = databaseBytes;
    }

    private int segments;
    private Double mergeSeconds;

    void segments(int segments, Double mergeSeconds) {
        this.segments = segments;
        this.mergeSeconds = mergeSeconds;
    }

    void queries(List<BenchQuery> queries) {
        this.queries = queries;
    }

    void postgresVersion(String version) {
        this.postgresVersion = version;
    }

    void postgresLoad(PostgresTargets.Load load) {
        this.postgresLoad = load;
    }

    /** The search backend measured, when not the embedded Lucene index. */
    private String backend;

    void backend(String backend) {
        this.backend = backend;
    }

    void machine(String h2, String lucene) {
        this.h2 = h2;
        this.lucene = lucene;
    }

    void add(Result result) {
        results.add(result);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        String size = options.records() == 0
                ? "shipped catalog"
                : "synthetic catalog of " + fmt(options.records()) + " records";
        md.append("## ").append(size).append(": ").append(fmt(standards)).append(" standards\n\n");
        md.append("Run ")
                .append(started)
                .append(", data directory `")
                .append(dataDir)
                .append("`.\n\n");

        md.append("Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, ")
                .append(String.format(Locale.ROOT, "%.1f", BenchCommand.physicalMemoryGiB()))
                .append(" GiB RAM, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.version"))
                .append("; ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(Runtime.version())
                .append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() >> 20)
                .append(" MiB; ")
                .append(h2)
                .append("; Lucene ")
                .append(lucene);
        if (postgresVersion != null) {
            md.append("; ").append(postgresVersion);
        }
        if (backend != null) {
            md.append("; search backend: ").append(backend);
        }
        md.append(".\n\n");

        md.append("### Catalog, import and index\n\n");
        if (imported != null) {
            if (imported.synthetic() != null) {
                md.append(String.format(
                        Locale.ROOT,
                        "- generated: %s in %.1f s (not part of the import time)%n",
                        imported.synthetic(),
                        imported.generateSeconds()));
            }
            md.append(String.format(
                    Locale.ROOT,
                    "- import through `StandardImporter.importStreams`: %,d records read, %,d inserted, %,d rejected,"
                            + " **%.1f s = %,.0f records/s** end to end (parse, validate, write, link relations,"
                            + " index)%n",
                    imported.read(),
                    imported.inserted(),
                    imported.rejected(),
                    imported.totalSeconds(),
                    imported.recordsPerSecond()));
            if (imported.indexSeconds() != null) {
                md.append(String.format(
                        Locale.ROOT,
                        "- indexing runs beside the writing (documents built from the imported records); left after"
                                + " the last batch was written (last documents, commit, merge into one segment): %.1f s;"
                                + " until then: %.1f s = %,.0f records/s%n",
                        imported.indexSeconds(),
                        imported.totalSeconds() - imported.indexSeconds(),
                        imported.databaseRecordsPerSecond()));
            }
        } else {
            md.append("- catalog reused from the data directory: import not measured in this run\n");
        }
        if (rebuildSeconds != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "- explicit `CatalogIndexer.rebuild()`: %.1f s (%,.0f documents/s)%n",
                    rebuildSeconds,
                    standards / rebuildSeconds));
        }
        if (mergeSeconds != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "- index merged into one segment before measuring (`--merge-segments`): %.1f s%n",
                    mergeSeconds));
        }
        md.append(String.format(
                Locale.ROOT,
                "- index on disk %,d MiB in %d segment(s); H2 database %,d MiB%n",
                indexBytes >> 20,
                segments,
                databaseBytes >> 20));
        if (postgresLoad != null) {
            md.append(
                    postgresLoad.reused()
                            ? String.format(
                                    Locale.ROOT,
                                    "- PostgreSQL copy `%s` reused (%s)%n",
                                    PostgresTargets.table(standards),
                                    postgresLoad.size())
                            : String.format(
                                    Locale.ROOT,
                                    "- PostgreSQL copy `%s`: COPY %.1f s, 3 trigram GIN indexes + ANALYZE %.1f s (%s)%n",
                                    PostgresTargets.table(standards),
                                    postgresLoad.copySeconds(),
                                    postgresLoad.indexSeconds(),
                                    postgresLoad.size()));
        }
        md.append('\n');

        Map<Kind, Integer> perKind = new EnumMap<>(Kind.class);
        queries.forEach(q -> perKind.merge(q.kind(), 1, Integer::sum));
        md.append("### Queries\n\n");
        md.append(String.format(Locale.ROOT, "%d queries (seed %d): ", queries.size(), options.seed()));
        List<String> parts = new ArrayList<>();
        perKind.forEach((k, n) -> parts.add(n + " " + k.label + "s"));
        md.append(String.join(", ", parts)).append(". Examples: ");
        List<String> examples = new ArrayList<>();
        for (Kind k : Kind.values()) {
            queries.stream()
                    .filter(q -> q.kind() == k)
                    .limit(3)
                    .forEach(q -> examples.add("`" + q.text() + "` → " + q.designation()));
        }
        md.append(String.join("; ", examples)).append(".\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Each system: warm-up, then %d measured pass(es) over all queries (PostgreSQL: %d pass(es) over the"
                        + " first %d, cancelled after %d s), one query at a time unless 2 threads are shown; latencies"
                        + " in ms from System.nanoTime() around the call, nearest-rank percentiles. \"load\" is the"
                        + " machine's 1-minute load average when the system's measurement ended (2 CPUs: above 2,"
                        + " other work competed for them).%n%n",
                options.passes(),
                options.pgPasses(),
                Math.min(queries.size(), options.pgQueries()),
                PostgresTargets.TIMEOUT_SECONDS));

        md.append("### Latency (ms)\n\n");
        md.append(
                "| system | samples | p50 | p99 | max | designation p50 / p99 | English p50 / p99 | Chinese p50 / p99 | queries/s | load |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            md.append("| ")
                    .append(r.system())
                    .append(" | ")
                    .append(r.all().count())
                    .append(" | ")
                    .append(ms(r.all().p50()))
                    .append(" | ")
                    .append(ms(r.all().p99()))
                    .append(" | ")
                    .append(ms(r.all().max()));
            for (Kind k : Kind.values()) {
                Stats s = r.byKind().get(k);
                md.append(" | ").append(ms(s.p50())).append(" / ").append(ms(s.p99()));
            }
            md.append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f", r.throughput()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", r.loadAverage()))
                    .append(" |\n");
        }
        md.append('\n');

        md.append("### Hit rate of the expected standard (top 10)\n\n");
        md.append(
                "| system | designations: in top 10 | designations: first | English: in top 10 (exact record) | Chinese: in top 10 (exact record) | errors |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            if (r.threads() > 1) {
                continue;
            }
            Hits d = r.hits().get(Kind.DESIGNATION);
            Hits e = r.hits().get(Kind.ENGLISH);
            Hits z = r.hits().get(Kind.CHINESE);
            md.append("| ")
                    .append(r.system())
                    .append(" | ")
                    .append(pct(d.rate(d.hit10)))
                    .append(" | ")
                    .append(pct(d.rate(d.top1)))
                    .append(" | ")
                    .append(pct(e.rate(e.hit10)))
                    .append(" (")
                    .append(pct(e.rate(e.exact10)))
                    .append(')')
                    .append(" | ")
                    .append(pct(z.rate(z.hit10)))
                    .append(" (")
                    .append(pct(z.rate(z.exact10)))
                    .append(')')
                    .append(" | ")
                    .append(r.errors())
                    .append(" |\n");
        }
        md.append("\nEnglish/Chinese \"in top 10\" also accepts a standard with exactly the same title (other editions"
                + " of one document share it); \"exact record\" counts only the sampled one.\n\n");

        Result service = find("in-process");
        Result api = find("1 client thread");
        Result floor = find("floor");
        if (service != null && api != null && floor != null) {
            Hits d = service.hits().get(Kind.DESIGNATION);
            md.append("### Targets\n\n");
            md.append("| target | measured | |\n|---|---|---|\n");
            // issue 10: shipped catalog API p50 ≤ 2 ms / p99 ≤ 15 ms, 1M catalog p50 ≤ 4 ms / p99 ≤ 40 ms
            boolean large = standards > 500_000;
            double p50Target = large ? 4 : 2;
            double p99Target = large ? 40 : 15;
            md.append(target(
                    "API p50 ≤ " + (int) p50Target + " ms",
                    ms(api.all().p50()) + " ms",
                    api.all().p50() <= p50Target));
            md.append(target(
                    "API p99 ≤ " + (int) p99Target + " ms",
                    ms(api.all().p99()) + " ms",
                    api.all().p99() <= p99Target));
            double r50 = service.all().p50() / floor.all().p50();
            double r99 = service.all().p99() / floor.all().p99();
            md.append(target(
                    "service p50 ≤ 3× the floor",
                    String.format(Locale.ROOT, "p50 %.1f×, p99 %.1f×", r50, r99),
                    r50 <= 3));
            Hits en = service.hits().get(Kind.ENGLISH);
            Hits zh = service.hits().get(Kind.CHINESE);
            if (en != null && zh != null) {
                md.append(target(
                        "English title fragments in top 10 ≥ 90 %", pct(en.rate(en.hit10)), en.rate(en.hit10) >= 90));
                md.append(target(
                        "Chinese title fragments in top 10 ≥ 97 %", pct(zh.rate(zh.hit10)), zh.rate(zh.hit10) >= 97));
            }
            md.append(target(
                    "sloppy designations found 100 %",
                    pct(d.rate(d.hit10)) + " in top 10, " + pct(d.rate(d.top1)) + " first", d.hit10 == d.queries));
            if (imported != null) {
                md.append(target(
                        "import ≥ 10,000 records/s",
                        String.format(Locale.ROOT, "%,.0f records/s", imported.recordsPerSecond()),
                        imported.recordsPerSecond() >= 10_000));
            }
            md.append('\n');
        }

        md.append("### Misses (first few per kind; the API and the service without facets miss the same as the service,"
                + " Hibernate Search the same as the floor)\n\n");
        for (Result r : results) {
            if (r.threads() > 1
                    || r.system().startsWith("StdHub API")
                    || r.system().startsWith("StdHub service without facets")
                    || r.system().startsWith("Hibernate Search")) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (Kind k : Kind.values()) {
                Hits h = r.hits().get(k);
                int shown = k == Kind.DESIGNATION ? 12 : 4;
                h.misses.stream().limit(shown).forEach(m -> lines.add("  - " + k.label + ": " + m));
                h.notFirst.forEach(m -> lines.add("  - " + k.label + ", not first: " + m));
            }
            if (r.firstError() != null) {
                lines.add("  - first error: " + r.firstError());
            }
            if (!lines.isEmpty()) {
                md.append("- ").append(r.system()).append('\n');
                lines.forEach(l -> md.append(l).append('\n'));
            }
        }
        md.append('\n');
        // the title fragments PostgreSQL ILIKE finds and the service does not (among those ILIKE was asked)
        Result inProcess = results.stream()
                .filter(r -> r.system().startsWith("StdHub service, in-process"))
                .findFirst()
                .orElse(null);
        Result ilike = results.stream()
                .filter(r -> r.system().startsWith("PostgreSQL ILIKE"))
                .findFirst()
                .orElse(null);
        if (inProcess != null && ilike != null) {
            md.append("### Found by ILIKE, missed by the service\n\n");
            for (Kind k : Kind.values()) {
                Hits mine = inProcess.hits().get(k);
                Hits theirs = ilike.hits().get(k);
                List<String> only = theirs.asked.stream()
                        .filter(text -> mine.missed.contains(text) && !theirs.missed.contains(text))
                        .toList();
                md.append("- ")
                        .append(k.label)
                        .append(": ")
                        .append(only.size())
                        .append(" of ")
                        .append(theirs.asked.size());
                only.stream()
                        .limit(30)
                        .forEach(text -> md.append(" · `").append(text).append('`'));
                md.append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private Result find(String nameContains) {
        return results.stream()
                .filter(r -> r.system().contains(nameContains))
                .findFirst()
                .orElse(null);
    }

    private static String target(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "met" : "**missed**") + " |\n";
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v < 10 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", v);
    }

    private static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
