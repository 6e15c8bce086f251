package org.stdhub.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.stdhub.bench.QuerySet.BenchQuery;
import org.stdhub.bench.QuerySet.Kind;
import org.stdhub.bench.SearchTarget.Row;

/**
 * A hand-rolled harness: warm-up queries first (not recorded), then every query of the set {@code passes}
 * times, each latency recorded with {@link System#nanoTime()}; percentiles from the sorted samples (nearest
 * rank). Hits are judged on the first measured pass.
 */
final class Harness {

    private Harness() {}

    /** Latency statistics in milliseconds. */
    record Stats(int count, double p50, double p90, double p99, double max, double mean) {
        static Stats of(long[] nanos) {
            if (nanos.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] s = nanos.clone();
            Arrays.sort(s);
            double sum = 0;
            for (long v : s) {
                sum += v;
            }
            return new Stats(
                    s.length,
                    ms(rank(s, 0.50)),
                    ms(rank(s, 0.90)),
                    ms(rank(s, 0.99)),
                    ms(s[s.length - 1]),
                    sum / s.length / 1e6);
        }

        private static long rank(long[] sorted, double q) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    /** Hit counts for one kind of query. */
    static final class Hits {
        int queries;
        int hit10;
        int exact10;
        int top1;
        final List<String> misses = new ArrayList<>();
        /** Texts of the queries judged, and of those missed (to compare systems query by query). */
        final java.util.Set<String> asked = new java.util.LinkedHashSet<>();

        final java.util.Set<String> missed = new java.util.LinkedHashSet<>();
        /** Designations found in the top 10 but not first (what the "first" rate misses). */
        final List<String> notFirst = new ArrayList<>();

        double rate(int n) {
            return queries == 0 ? Double.NaN : 100.0 * n / queries;
        }
    }

    /** Everything measured for one system. */
    record Result(
            String system,
            int threads,
            Map<Kind, Stats> byKind,
            Stats all,
            Map<Kind, Hits> hits,
            double wallSeconds,
            int errors,
            String firstError,
            double loadAverage) {

        double throughput() {
            return all.count() / wallSeconds;
        }
    }

    static Result run(SearchTarget target, List<BenchQuery> queries, int warmup, int passes, int threads)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            try {
                target.rows(target.execute(queries.get(i % queries.size()).text()));
            } catch (Exception e) {
                // counted in the measured passes
            }
        }
        int n = queries.size() * passes;
        long[] latency = new long[n];
        Object[] firstPass = new Object[queries.size()];
        Exception[] errors = new Exception[n];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < n) {
                BenchQuery q = queries.get(i % queries.size());
                long start = System.nanoTime();
                try {
                    Object r = target.execute(q.text());
                    latency[i] = System.nanoTime() - start;
                    if (i < queries.size()) {
                        firstPass[i] = r;
                    }
                } catch (Exception e) {
                    latency[i] = System.nanoTime() - start;
                    errors[i] = e;
                }
            }
        };
        long wallStart = System.nanoTime();
        if (threads <= 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;

        Map<Kind, List<Long>> perKind = new EnumMap<>(Kind.class);
        Map<Kind, Hits> hits = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            perKind.put(k, new ArrayList<>());
            hits.put(k, new Hits());
        }
        int errorCount = 0;
        String firstError = null;
        for (int i = 0; i < n; i++) {
            perKind.get(queries.get(i % queries.size()).kind()).add(latency[i]);
            if (errors[i] != null) {
                errorCount++;
                if (firstError == null) {
                    firstError = queries.get(i % queries.size()).text() + ": " + errors[i];
                }
            }
        }
        String ranks = System.getProperty("bench.ranks");
        StringBuilder dump = new StringBuilder();
        for (int i = 0; i < queries.size(); i++) {
            BenchQuery q = queries.get(i);
            List<Row> rows = firstPass[i] == null ? List.of() : target.rows(firstPass[i]);
            judge(q, rows, hits.get(q.kind()));
            if (ranks != null) {
                dump.append(q.kind()).append('\t').append(q.text()).append('\t').append(q.designation());
                rows.forEach(r -> dump.append('\t').append(r.designation()));
                dump.append('\n');
            }
        }
        if (ranks != null) {
            // a diagnostic: every query and the designations of its top hits, one line each (tab-separated)
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of(ranks + "-" + target.name().replaceAll("[^A-Za-z]+", "_") + ".tsv"), dump);
        }
        Map<Kind, Stats> byKind = new EnumMap<>(Kind.class);
        perKind.forEach((k, list) ->
                byKind.put(k, Stats.of(list.stream().mapToLong(Long::longValue).toArray())));
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        return new Result(target.name(), threads, byKind, Stats.of(latency), hits, wall, errorCount, firstError, load);
    }

    private static void judge(BenchQuery q, List<Row> rows, Hits hits) {
        hits.queries++;
        boolean exact = rows.stream().anyMatch(r -> q.designation().equals(r.designation()));
        boolean top1 = !rows.isEmpty() && q.designation().equals(rows.getFirst().designation());
        boolean hit = exact
                || switch (q.kind()) {
                    case DESIGNATION -> false;
                    case ENGLISH ->
                        q.titleEn() != null
                                && rows.stream().anyMatch(r -> q.titleEn().equals(r.titleEn()));
                    case CHINESE ->
                        q.titleZh() != null
                                && rows.stream().anyMatch(r -> q.titleZh().equals(r.titleZh()));
                };
        if (exact) {
            hits.exact10++;
        }
        if (hit) {
            hits.hit10++;
        }
        if (top1) {
            hits.top1++;
        }
        hits.asked.add(q.text());
        if (!hit) {
            hits.missed.add(q.text());
        }
        if (hit && !top1 && q.kind() == Kind.DESIGNATION && hits.notFirst.size() < 20) {
            int at = 0;
            while (!q.designation().equals(rows.get(at).designation())) {
                at++;
            }
            hits.notFirst.add("`" + q.text() + "` (" + q.form() + ") → expected " + q.designation() + " at " + (at + 1)
                    + ", first " + rows.getFirst().designation());
        }
        if (!hit && hits.misses.size() < 12) {
            hits.misses.add("`" + q.text() + "` (" + q.form() + ") → expected " + q.designation() + ", got "
                    + (rows.isEmpty()
                            ? "nothing"
                            : rows.getFirst().designation() + (rows.size() > 1 ? " … (" + rows.size() + ")" : "")));
        }
    }
}
